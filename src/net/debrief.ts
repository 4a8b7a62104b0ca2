// The class debrief as data (no DOM): every table's figures turn by turn beside the record of
// what really happened (levels/record.json), where each table first left history on the key
// places, and the CSV export (a row per table per turn).
import { type HistoryRecord, heldOn } from '../sim/record.ts';
import type { Order } from '../sim/types.ts';
import { type Distribution, placeTable } from './distribution.ts';
import type { ClassView, ConsoleTable, NetMessage, TableFigures, TableInspect } from './protocol.ts';

export const KEY_PLACES = ['tripoli', 'sirte', 'al-jufra'] as const;
export type KeyPlace = (typeof KEY_PLACES)[number];

/** Who held a key place on a date in the record ('' outside the record's span or off its map). */
export function historyHolder(record: HistoryRecord | null, place: KeyPlace, date: string): string {
  if (!record || date < record.span.from || date > record.span.to) return '';
  const entry = record.places.find((p) => p.place === place);
  return entry ? heldOn(entry, date) : '';
}

/** The first turn at which a table's holder of each key place differed from the record's, if any. */
export interface Departure {
  place: KeyPlace;
  turn: number;
  date: string;
  held: string;
  history: string;
}

export function departures(table: ConsoleTable, record: HistoryRecord | null): Departure[] {
  const out: Departure[] = [];
  for (const place of KEY_PLACES) {
    for (const f of table.figures) {
      const history = historyHolder(record, place, f.date);
      const held = f.holders[place] ?? '';
      if (history && held && history !== held) {
        out.push({ place, turn: f.turn, date: f.date, held, history });
        break;
      }
    }
  }
  return out.sort((a, b) => a.turn - b.turn);
}

export const CSV_COLUMNS = [
  'table',
  'table_code',
  'seed',
  'turn',
  'date',
  'status',
  'tripoli',
  'sirte',
  'al_jufra',
  'tripoli_in_history',
  'sirte_in_history',
  'al_jufra_in_history',
  'civilian_deaths',
  'displaced',
  'escalation',
  'talks',
  'oil_output',
  'messages',
  'injects',
  'ending',
  'winner',
  'scores',
  'computer_games',
  'ending_share_in_computer_games',
  'civilian_deaths_percentile',
  'escalation_percentile',
  'oil_output_percentile',
] as const;

/** A CSV field: quoted when needed; a text that a spreadsheet would read as a formula is made plain. */
export function csvField(x: string | number | null | undefined): string {
  if (x === null || x === undefined) return '';
  let s = String(x);
  if (typeof x === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Where a turn's figures fall among the computer games on the same turn (empty without them). */
function placed(d: Distribution | null, table: ConsoleTable, f: TableFigures, last: boolean): (string | number)[] {
  if (!d) return ['', '', '', '', ''];
  const at = placeTable(d, { ...table, figures: [f] });
  const ending = last ? placeTable(d, table).ending : null;
  return [d.runs, ending ? ending.share : '', ...at.figures.map((x) => x.percentile)];
}

function row(table: ConsoleTable, f: TableFigures, last: boolean, record: HistoryRecord | null, d: Distribution | null): string[] {
  const ending = last ? table.ending : null;
  const injects = table.messages.filter((m) => m.turn === f.turn && m.from === null && m.fromName.startsWith('News')).length;
  return [
    table.no,
    table.code,
    table.seed,
    f.turn,
    f.date,
    last ? table.status : 'played',
    f.holders.tripoli,
    f.holders.sirte,
    f.holders['al-jufra'],
    historyHolder(record, 'tripoli', f.date),
    historyHolder(record, 'sirte', f.date),
    historyHolder(record, 'al-jufra', f.date),
    f.civilianDeaths,
    f.displaced,
    f.escalation,
    f.talks,
    f.oil,
    table.messages.filter((m) => m.turn === f.turn && !(m.from === null && m.fromName.startsWith('News'))).length,
    injects,
    ending?.kind ?? '',
    ending?.winner ?? '',
    ending
      ? Object.entries(ending.scores)
          .map(([r, s]) => `${r} ${s}`)
          .join('; ')
      : '',
    ...placed(d, table, f, last),
  ].map((x) => csvField(x as string | number | null));
}

/**
 * Every table, every turn it has reached (the opening included): one row each; with the
 * computer games, once played, where each turn's figures fall among theirs on the same turn.
 */
export function classCsv(view: ClassView, record: HistoryRecord | null, computer: Distribution | null = null): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const t of view.tables) {
    t.figures.forEach((f, i) => {
      lines.push(row(t, f, i === t.figures.length - 1, record, computer).join(','));
    });
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The orders one seat gave in a played turn: null when that turn has not been played yet. */
function seatOrders(inspect: TableInspect, turn: number, seat: string): Order[] | null {
  const played = inspect.turns[turn - 1];
  return played ? (played.orders as Order[]).filter((o) => o.actor === seat) : null;
}

/** A message a seat sent, beside the orders that seat gave the same turn and the next. */
export interface WordAndDeed {
  message: NetMessage;
  sameTurn: Order[] | null;
  nextTurn: Order[] | null;
}

/**
 * Words and deeds: every message a seat sent (not the teacher's news), with the orders the same
 * seat gave in the turn it was sent (played at that turn's end) and in the next one. Nothing
 * here judges whether a promise was kept: the debrief sets the two side by side for the class.
 */
export function wordsAndDeeds(table: ConsoleTable, inspect: TableInspect): WordAndDeed[] {
  return table.messages
    .filter((m) => m.from !== null)
    .map((m) => ({ message: m, sameTurn: seatOrders(inspect, m.turn, m.from!), nextTurn: seatOrders(inspect, m.turn + 1, m.from!) }));
}
