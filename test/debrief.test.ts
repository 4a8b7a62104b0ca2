// The class debrief as data (src/net/debrief.ts): the CSV has a row per table per turn reached,
// history's holders beside each table's, the ending on the last row, and text a spreadsheet
// would read as a formula made plain; departures from history on the key places.
import { describe, expect, it } from 'vitest';
import { loadRecordFile } from '../src/cli/files.ts';
import { classCsv, csvField, departures, historyHolder } from '../src/net/debrief.ts';
import type { ClassView, ConsoleTable, TableFigures } from '../src/net/protocol.ts';

const fig = (turn: number, date: string, sirte: 'gna' | 'lna'): TableFigures => ({
  turn,
  date,
  holders: { tripoli: 'gna', sirte, 'al-jufra': 'lna' },
  civilianDeaths: 100 * turn,
  displaced: 10,
  escalation: 40 + turn,
  talks: 'talks',
  oil: 900,
});

const table = (no: number, figures: TableFigures[], ending: ConsoleTable['ending'] = null): ConsoleTable => ({
  no,
  code: `TABLE${no}`,
  seed: no === 2 ? '=HYPERLINK("x")' : 's',
  status: ending ? 'ended' : 'playing',
  paused: false,
  turn: figures.at(-1)!.turn,
  waitingFor: [],
  seats: [],
  figures,
  ending,
  messages: [
    { id: 1, turn: 2, from: null, fromName: 'News from the teacher', to: null, text: 'x' },
    { id: 2, turn: 2, from: 'gna', fromName: 'Amal', to: null, text: 'y' },
  ],
  injects: [],
  timerSeconds: 0,
  deadline: 0,
});

describe('the class debrief', () => {
  const loaded = loadRecordFile();
  if (!loaded.ok) throw new Error('levels/record.json does not load');
  const record = loaded.value;

  it('writes a row per table per turn, history beside each', () => {
    const view: ClassView = {
      code: 'ABCDEF',
      title: 'Sirte',
      scenario: 'sirte-2020',
      status: 'playing',
      timerSeconds: 0,
      students: [],
      tables: [
        table(1, [fig(1, '2020-01-08', 'lna'), fig(2, '2020-01-15', 'lna')]),
        table(2, [fig(1, '2020-01-08', 'lna'), fig(2, '2020-01-15', 'gna'), fig(3, '2020-01-22', 'gna')], {
          kind: 'settlement',
          winner: null,
          turn: 3,
          text: '',
          scores: { gna: 60, lna: 40 },
        }),
      ],
    };
    const lines = classCsv(view, record).trim().split('\r\n');
    const head = lines[0]!.split(',');
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.map((r) => `${r[0]}:${r[head.indexOf('turn')]}`)).toEqual(['1:1', '1:2', '2:1', '2:2', '2:3']);
    expect(rows.map((r) => r[head.indexOf('injects')])).toEqual(['0', '1', '0', '1', '0']);
    expect(rows.map((r) => r[head.indexOf('messages')])).toEqual(['0', '1', '0', '1', '0']);
    expect(rows[4]![head.indexOf('ending')]).toBe('settlement');
    expect(rows[4]![head.indexOf('scores')]).toBe('gna 60; lna 40');
    expect(rows[0]![head.indexOf('sirte_in_history')]).toBe('lna');
    // The seed a teacher typed cannot become a formula in a spreadsheet.
    expect(lines[3]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(departures(view.tables[1]!, record).map((d) => `${d.place}@${d.turn}`)).toEqual(['sirte@2']);
  });

  it('quotes and guards fields', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    expect(historyHolder(null, 'tripoli', '2020-01-01')).toBe('');
  });
});
