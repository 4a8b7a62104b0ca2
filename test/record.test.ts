// "Left history here": the record of who held what, the blockade and the backers' reach, and the
// departures a war makes from it. The record file validates, and bad ones are named; each kind of
// departure is told in its own words, a month either side of history is still history, and each
// departure is named once, in the turn it happens.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEVELS, loadScenarioFile, mapFiles } from '../src/cli/files.ts';
import { addDays, departures, type HistoryRecord, HistoryTrack, heldOn, loadRecord, newGame, otherActorsOrders, resolveTurn, type Scenario, type State } from '../src/sim/index.ts';
import { english } from './english.ts';

const raw = JSON.parse(readFileSync(join(LEVELS, 'record.json'), 'utf8'));
const libya = new Set((mapFiles().find((m) => (m.data as { id: string }).id === 'libya')!.data as { places: { id: string }[] }).places.map((p) => p.id));
const loaded = loadRecord({ file: 'levels/record.json', data: raw }, libya);
if (!loaded.ok) throw new Error(loaded.error.map((p) => `${p.path}: ${p.message}`).join('; '));
const record: HistoryRecord = loaded.value;

function scenario(id: string): Scenario {
  const s = loadScenarioFile(id);
  if (!s.ok) throw new Error(id);
  return s.value;
}
const sirte = scenario('sirte-2020');
const tripoli = scenario('tripoli-2019');

/** The scenario's first state, on a date, with changes. */
function at(s: Scenario, date: string, change: (st: State) => void = () => {}): State {
  const st = structuredClone(newGame(s, 'record'));
  st.date = date;
  change(st);
  return st;
}

describe('the record file', () => {
  it('validates, and agrees with every historical scenario at its start', () => {
    for (const id of ['tripoli-2019', 'sirte-2020', 'red-line-2020', 'geneva-2020']) {
      const s = scenario(id);
      const differs = record.places.filter((p) => s.control[p.place] !== heldOn(p, s.startDate)).map((p) => p.place);
      expect(differs, id).toEqual([]);
    }
  });
  const bad: [string, (r: typeof raw) => void, RegExp][] = [
    ['an unknown place', (r) => (r.places[0].place = 'tripolli'), /places\.0\.place: unknown place "tripolli" \(did you mean "tripoli"\?\)/],
    ['a change outside the span', (r) => (r.places[9].changes[0].date = '2021-03-01'), /outside the span/],
    ['changes out of order', (r) => r.places[8].changes.reverse(), /date order/],
    ['a place twice', (r) => r.places.push({ place: 'tripoli', held: 'gna' }), /"tripoli" is listed more than once/],
    ['a bad holder', (r) => (r.places[0].held = 'turkey'), /places\.0\.held/],
    ['a backer fact with neither limit', (r) => r.backers.push({ backer: 'egypt', text: 'x' }), /backers/],
    ['not a date', (r) => (r.blockade.from = '17 Jan 2020'), /blockade\.from: must be a date/],
  ];
  for (const [name, spoil, message] of bad) {
    it(`names ${name}`, () => {
      const copy = structuredClone(raw);
      spoil(copy);
      const r = loadRecord({ file: 'levels/record.json', data: copy }, libya);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.map((p) => `${p.path}: ${p.message}`).join('\n')).toMatch(message);
    });
  }
  it('names a file that is not an object', () => {
    const r = loadRecord({ file: 'levels/record.json', data: [] }, libya);
    expect(r.ok).toBe(false);
  });
});

describe('departures from the record', () => {
  const cases: { name: string; about: string; s: Scenario; date: string; change: (st: State) => void; expect: { id: string; text: RegExp }[] }[] = [
    { about: 'place:sirte', name: 'the start of a scenario is history', s: sirte, date: sirte.startDate, change: () => {}, expect: [] },
    {
      about: 'place:al-jufra', name: 'al-Jufra taken: it never changed hands',
      s: sirte,
      date: '2020-03-04',
      change: (st) => (st.places['al-jufra']!.controller = 'gna'),
      expect: [{ id: 'place:al-jufra', text: /^al-Jufra never changed hands in the real war: the LNA held it from 2019 to the ceasefire\.$/i }],
    },
    {
      about: 'place:sabratha', name: 'Sabratha taken in January 2020: three months early',
      s: sirte,
      date: '2020-01-22',
      change: (st) => (st.places.sabratha!.controller = 'gna'),
      expect: [{ id: 'place:sabratha', text: /^Sabratha is in the hands of the GNA 3 months early: in history that happened on 13 April 2020\.$/ }],
    },
    {
      about: 'place:sabratha', name: 'Sabratha taken three weeks early: within a month, still history',
      s: sirte,
      date: '2020-03-25',
      change: (st) => (st.places.sabratha!.controller = 'gna'),
      expect: [],
    },
    {
      about: 'place:sirte', name: 'Sirte still the GNA’s in February 2020: history moved on without it',
      s: tripoli,
      date: '2020-02-20',
      change: () => {},
      expect: [{ id: 'place:sirte', text: /^In history the LNA took Sirte on 6 January 2020; in this war the GNA still holds it\.$/ }],
    },
    {
      about: 'place:misrata', name: 'Misrata to the LNA: it never fell to them',
      s: sirte,
      date: '2020-02-05',
      change: (st) => (st.places.misrata!.controller = 'lna'),
      expect: [{ id: 'place:misrata', text: /^Misrata never changed hands/ }],
    },
    {
      about: 'place:gharyan', name: 'Gharyan back to the LNA in 2020: held by the wrong side for the time',
      s: sirte,
      date: '2020-02-05',
      change: (st) => (st.places.gharyan!.controller = 'lna'),
      // sirte-2020 opens with Gharyan the GNA's: the LNA did not keep it, it took it back.
      expect: [{ id: 'place:gharyan', text: /^In history the GNA took Gharyan on 26 June 2019 and kept it; in this war the LNA has taken it back\.$/ }],
    },
    {
      about: 'place:gharyan', name: 'Gharyan still the LNA’s in August 2019: the march never lost it',
      s: tripoli,
      date: '2019-08-07',
      change: () => {},
      expect: [{ id: 'place:gharyan', text: /^In history the GNA took Gharyan on 26 June 2019; in this war the LNA still holds it\.$/ }],
    },
    {
      about: 'backer:egypt:at-most', name: 'Egypt sends its army',
      s: sirte,
      date: '2020-07-01',
      change: (st) => (st.backers.egypt!.commitment = 4),
      expect: [{ id: 'backer:egypt:at-most', text: /^Egypt never sent its army into Libya/ }],
    },
    {
      about: 'backer:russia:rung-3', name: "Russia's jets in February: three months early",
      s: sirte,
      date: '2020-02-05',
      change: (st) => (st.backers.russia!.commitment = 3),
      expect: [{ id: 'backer:russia:rung-3', text: /only around 21 May 2020/ }],
    },
    {
      about: 'backer:russia:rung-3', name: "Russia's jets in late April: within a month",
      s: sirte,
      date: '2020-04-29',
      change: (st) => (st.backers.russia!.commitment = 3),
      expect: [],
    },
    {
      about: 'blockade', name: 'the oil flowing in May 2020',
      s: sirte,
      date: '2020-05-06',
      change: (st) => (st.country.blockadeBy = null),
      expect: [{ id: 'blockade', text: /^In history the oil stayed shut from 17 January 2020 to 18 September 2020; in this war it flows\.$/ }],
    },
    {
      about: 'blockade', name: 'the oil shut in 2019',
      s: tripoli,
      date: '2019-08-14',
      change: (st) => (st.country.blockadeBy = 'lna'),
      expect: [{ id: 'blockade', text: /^In history the oil blockade began only on 17 January 2020\.$/ }],
    },
    {
      about: 'blockade', name: 'the oil shut by the GNA',
      s: sirte,
      date: '2020-05-06',
      change: (st) => (st.country.blockadeBy = 'gna'),
      expect: [{ id: 'blockade', text: /^In history only the LNA shut the oil/ }],
    },
    { about: 'place:al-jufra', name: 'after the ceasefire the record is silent', s: sirte, date: '2021-01-06', change: (st) => (st.places['al-jufra']!.controller = 'gna'), expect: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const st = at(c.s, c.date, (x) => {
        // The blockade as history had it, unless the case says otherwise.
        x.country.blockadeBy = c.date >= '2020-01-17' && c.date < '2020-09-18' ? 'lna' : null;
        c.change(x);
      });
      // The fact the case is about (a synthetic state keeps the scenario's first map, which history has left elsewhere by then).
      const found = departures(record, c.s, st).filter((d) => d.id === c.about);
      expect(found.length, english(found.map((d) => d.msg), c.s).join(' | ')).toBe(c.expect.length);
      c.expect.forEach((e, i) => {
        expect(found[i]?.id).toBe(e.id);
        expect(found[i] && english([found[i]!.msg], c.s)[0]).toMatch(e.text);
      });
    });
  }
});

describe('the track names each departure once, in its turn', () => {
  it('once when it happens, again only after a return to history', () => {
    const start = at(sirte, sirte.startDate);
    const track = new HistoryTrack(record, sirte, start);
    const taken = at(sirte, '2020-02-05', (st) => (st.places['al-jufra']!.controller = 'gna'));
    expect(track.next(taken).map((d) => d.id)).toEqual(['place:al-jufra']);
    expect(track.next({ ...taken, date: addDays(taken.date, 14) })).toEqual([]);
    const back = at(sirte, '2020-02-19');
    expect(track.next(back)).toEqual([]);
    expect(track.next(taken).map((d) => d.id)).toEqual(['place:al-jufra']);
  });
  it('a game restored mid-way starts with what it had already left', () => {
    const left = at(sirte, '2020-03-04', (st) => (st.places['al-jufra']!.controller = 'gna'));
    expect(new HistoryTrack(record, sirte, left).next(left)).toEqual([]);
  });
  it('in seeded games every departure is named once per leaving, with a sentence', () => {
    let named = 0;
    for (let i = 0; i < 20; i++) {
      let st = newGame(sirte, `record-${i}`);
      const track = new HistoryTrack(record, sirte, st);
      const open = new Set<string>();
      while (!st.ending) {
        const ai = otherActorsOrders(sirte, st, null);
        st = resolveTurn(sirte, st, ai.orders, ai.reasonMsgs).state;
        const now = new Set(departures(record, sirte, st).map((d) => d.id));
        for (const d of track.next(st)) {
          expect(open.has(d.id)).toBe(false);
          expect(english([d.msg], sirte)[0]).toMatch(/^\S.*\.$/);
          named++;
        }
        open.clear();
        for (const id of now) open.add(id);
      }
    }
    expect(named).toBeGreaterThan(0);
  });
});
