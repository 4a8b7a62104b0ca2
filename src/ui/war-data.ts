// The figures of the war turn by turn, for the after-action charts: read from the states the
// game went through, by the same functions the panels and the turn reports read (the turn
// summary the ending quotes, standingOf for "Where things stand", the backers' rung the left
// column shows), so a chart never disagrees with a panel. No DOM: the tests read it in Node.

import { t } from '../i18n/index.ts';
import { type HistoryRecord, heldOn } from '../sim/record.ts';
import { standingOf } from '../sim/standing.ts';
import type { PlayerRole, Scenario, State, TurnSummary } from '../sim/types.ts';
import { named, sideShort } from './end-words.ts';

/** Colours that stay apart for colour-blind eyes (Okabe and Ito), for series that are not a side. */
export const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#BBBBBB'];
/** Dash patterns, so that series also differ without colour. */
export const DASHES: number[][] = [[], [8, 4], [2, 3], [10, 3, 2, 3], [4, 4], [1, 2], [12, 6], [6, 2, 2, 2]];

export interface WarSeries {
  name: string;
  /** A CSS colour (the sides use the palette's). */
  color: string;
  dash: number[];
  /** One per point; null where the series has no value (history outside the record's span). */
  values: (number | null)[];
  /** Drawn against the right-hand axis (another unit). */
  right?: boolean;
  /** The name is a scenario's, in English: not in the catalogues yet (the page marks it so). */
  english?: boolean;
  /** A side's own figure, which its panels show only to it (fighters, money, cohesion). */
  privateTo?: 'gna' | 'lna';
}

export interface WarChart {
  id: string;
  title: string;
  /** The left axis's unit, and the right one's when a series uses it. */
  unit: string;
  rightUnit?: string;
  series: WarSeries[];
}

export interface WarData {
  /** The date of each point: the opening, then the end of each turn. */
  dates: string[];
  /** The turn each point closes (0 the opening; the last point of a game that ended is its last turn). */
  turns: number[];
  charts: WarChart[];
  /** The scenario's events that fired, at the point whose turn they opened (the opening's at 0). */
  events: WarEvent[];
}

export interface WarEvent {
  point: number;
  id: string;
  title: string;
}

const GNA = '#23a99b';
const LNA = '#e39a2d';

function summaryOf(s: State): TurnSummary {
  const last = s.log[s.log.length - 1];
  if (!last) throw new Error('a state without its turn summary');
  return last;
}

/** An indicator's name as the panels give it ("Oil output"). */
const label = (key: string): string => t(`ending.chart.ind.${key}`);

/**
 * Every chart of the war from the states it went through: states[0] the opening, states[t]
 * the state after turn t (a replay's frames, or the game replayed from its orders).
 */
export function warData(scenario: Scenario, states: readonly State[], record?: HistoryRecord | null, fog?: { role: PlayerRole }): WarData {
  const sums = states.map(summaryOf);
  const stands = states.map(standingOf);
  const gna = sideShort(scenario, 'gna');
  const lna = sideShort(scenario, 'lna');
  const side = (name: string, id: 'gna' | 'lna', values: number[], right = false): WarSeries => ({
    name,
    color: id === 'gna' ? GNA : LNA,
    dash: id === 'gna' ? [] : [8, 4],
    values,
    ...(right ? { right } : {}),
  });
  const other = (i: number, name: string, values: number[], right = false): WarSeries => ({
    name,
    color: OKABE_ITO[i % OKABE_ITO.length] as string,
    dash: DASHES[i % DASHES.length] as number[],
    values,
    ...(right ? { right } : {}),
  });
  const charts: WarChart[] = [
    {
      id: 'territory',
      title: t('ending.chart.territory'),
      unit: t('ending.chart.territoryUnit'),
      series: [side(gna, 'gna', sums.map((l) => l.gnaShare)), side(lna, 'lna', sums.map((l) => l.lnaShare))],
    },
    {
      id: 'places',
      title: t('ending.chart.places'),
      unit: t('ending.chart.placesUnit'),
      series: [side(gna, 'gna', sums.map((l) => l.gnaPlaces)), side(lna, 'lna', sums.map((l) => l.lnaPlaces))],
    },
    {
      id: 'forces',
      title: t('ending.chart.forces'),
      unit: t('ending.chart.forcesUnit'),
      series: [{ ...side(gna, 'gna', sums.map((l) => l.gnaStrength * 100)), privateTo: 'gna' }, { ...side(lna, 'lna', sums.map((l) => l.lnaStrength * 100)), privateTo: 'lna' }],
    },
    {
      id: 'money',
      title: t('ending.chart.money'),
      unit: t('ending.chart.moneyUnit'),
      rightUnit: t('ending.chart.oilUnit'),
      series: [
        { ...side(t('ending.chart.moneyOf', { side: gna, sid: 'gna' }), 'gna', sums.map((l) => l.gnaMoney)), privateTo: 'gna' },
        { ...side(t('ending.chart.moneyOf', { side: lna, sid: 'lna' }), 'lna', sums.map((l) => l.lnaMoney)), privateTo: 'lna' },
        other(4, label('oilOutput'), stands.map((st) => st.country.oilOutput), true),
      ],
    },
    {
      id: 'harm',
      title: t('ending.chart.harm'),
      unit: t('ending.chart.harmUnit'),
      rightUnit: t('ending.chart.displacedUnit'),
      series: [
        other(5, label('civilianCasualties'), stands.map((st) => st.country.civilianCasualties)),
        other(1, label('displaced'), stands.map((st) => st.country.displaced), true),
      ],
    },
    {
      id: 'escalation',
      title: t('ending.chart.escalation'),
      unit: t('ending.chart.indexUnit'),
      series: [
        other(5, label('escalation'), stands.map((st) => st.country.escalation)),
        other(4, label('internationalPressure'), stands.map((st) => st.country.internationalPressure)),
        other(2, label('embargoEnforcement'), stands.map((st) => st.country.embargoEnforcement)),
      ],
    },
    ...(['gna', 'lna'] as const).map((client): WarChart => {
      // The backers of one side (those of neither side go with the GNA's, the shorter list), so
      // that no chart has more series than there are colours and dashes to tell them apart.
      const list = scenario.backers.filter((b) => b.client === client || (client === 'gna' && b.client !== 'lna'));
      return {
        id: `backers-${client}`,
        title: t('ending.chart.backers', { side: client === 'gna' ? gna : lna, sid: client, neither: client === 'gna' && list.some((b) => b.client !== 'gna') ? 'yes' : 'no' }),
        unit: t('ending.chart.rungUnit'),
        series: list.map((b, i) => {
          const name = named(b.id, b.name, 'long');
          const series = other(i, b.client === client ? name.text : t('ending.chart.neitherSide', { name: name.text }), states.map((s) => s.backers[b.id]?.commitment ?? 0));
          return b.client === client && !name.translated ? { ...series, english: true } : series;
        }),
      };
    }),
    {
      id: 'talks',
      title: t('ending.chart.talks'),
      unit: t('ending.chart.trustUnit'),
      rightUnit: t('ending.chart.trackUnit'),
      series: [
        other(0, label('trust'), stands.map((st) => st.trust)),
        other(4, label('politicalTrack'), stands.map((st) => st.politicalTrack), true),
      ],
    },
    {
      id: 'politics',
      title: t('ending.chart.politics'),
      unit: t('ending.chart.indexUnit'),
      series: [
        side(t('ending.chart.legitimacyOf', { side: gna, sid: 'gna' }), 'gna', stands.map((st) => st.sides.gna.legitimacy)),
        side(t('ending.chart.legitimacyOf', { side: lna, sid: 'lna' }), 'lna', stands.map((st) => st.sides.lna.legitimacy)),
        { ...side(t('ending.chart.cohesionOf', { side: gna, sid: 'gna' }), 'gna', stands.map((st) => st.sides.gna.cohesion)), dash: [2, 3], privateTo: 'gna' },
        { ...side(t('ending.chart.cohesionOf', { side: lna, sid: 'lna' }), 'lna', stands.map((st) => st.sides.lna.cohesion)), dash: [10, 3, 2, 3], privateTo: 'lna' },
      ],
    },
  ];
  if (record) {
    const chart = historyChart(scenario, states, sums, record);
    if (chart) charts.splice(2, 0, chart);
  }
  if (fog) hideFromRole(charts, fog.role);
  // An event fires as a turn begins: the one that opened turn t sits on the point after turn t - 1.
  const fired = (states[states.length - 1] as State).fired;
  const events: WarEvent[] = scenario.events
    .map((e, order) => ({ e, order, turn: fired[e.id] }))
    .filter((x): x is { e: (typeof scenario.events)[number]; order: number; turn: number } => x.turn !== undefined && x.turn - 1 < states.length)
    .sort((a, b) => a.turn - b.turn || a.order - b.order)
    .map((x) => ({ point: Math.max(0, x.turn - 1), id: x.e.id, title: x.e.title }));
  return { dates: sums.map((l) => l.date), turns: sums.map((_, i) => i), charts, events };
}

/**
 * The key places of the record (levels/record.json) each side held, in this war and in history
 * at the same dates: the history track beside the war, where the record has a value (its span,
 * places on this map). Null when the scenario's map is not the record's.
 */
function historyChart(scenario: Scenario, states: readonly State[], sums: readonly TurnSummary[], record: HistoryRecord): WarChart | null {
  const entries = record.places.filter((p) => scenario.map.places.some((m) => m.id === p.place));
  if (entries.length === 0) return null;
  const inSpan = (date: string) => date >= record.span.from && date <= record.span.to;
  const game = (side: 'gna' | 'lna') => states.map((s) => entries.filter((e) => s.places[e.place]?.controller === side).length);
  const history = (side: 'gna' | 'lna') => sums.map((l) => (inSpan(l.date) ? entries.filter((e) => heldOn(e, l.date) === side).length : null));
  const gna = sideShort(scenario, 'gna');
  const lna = sideShort(scenario, 'lna');
  return {
    id: 'history',
    title: t('ending.chart.history', { n: entries.length }),
    unit: t('ending.chart.historyUnit'),
    series: [
      { name: t('ending.chart.yourWar', { side: gna }), color: GNA, dash: [], values: game('gna') },
      { name: t('ending.chart.yourWar', { side: lna }), color: LNA, dash: [8, 4], values: game('lna') },
      { name: t('ending.chart.inHistory', { side: gna }), color: GNA, dash: [2, 3], values: history('gna') },
      { name: t('ending.chart.inHistory', { side: lna }), color: LNA, dash: [10, 3, 2, 3], values: history('lna') },
    ],
  };
}

/**
 * During play the charts show what the role's panels show: its own side's fighters, money and
 * cohesion, and of the others only what is public (places, legitimacy, the country, the talks,
 * the backers). The mediator and the backers see no side's private figures. Charts left empty are dropped.
 */
function hideFromRole(charts: WarChart[], role: PlayerRole): void {
  for (const chart of charts) chart.series = chart.series.filter((s) => !s.privateTo || s.privateTo === role);
  for (let i = charts.length - 1; i >= 0; i--) if (charts[i]?.series.length === 0) charts.splice(i, 1);
}
