// The charts of the war (src/ui/war-data.ts) hold the game's own figures: each point is the
// turn report's "Where things stand" after that turn (what the panels show), the turn summary
// the ending quotes, and each backer's rung as the left column shows it; dates sit on the turns.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEVELS, loadScenarioFile } from '../src/cli/files.ts';
import { loadRecord, playGame, type Scenario, type State, type TurnReport, turnDate } from '../src/sim/index.ts';
import { heldOn } from '../src/sim/record.ts';
import { resolveTurn } from '../src/sim/resolve.ts';
import { newGame } from '../src/sim/setup.ts';
import { warData } from '../src/ui/war-data.ts';

function scenario(id: string): Scenario {
  const loaded = loadScenarioFile(id);
  if (!loaded.ok) throw new Error(loaded.error.map((p) => p.message).join('; '));
  return loaded.value;
}

/** A game all AI, with every state it went through and every report. */
function played(sc: Scenario, seed: string): { states: State[]; reports: TurnReport[] } {
  const game = playGame(sc, seed, { keepReports: true });
  let s = newGame(sc, seed);
  const states = [s];
  for (const orders of game.orders) {
    s = resolveTurn(sc, s, orders).state;
    states.push(s);
  }
  return { states, reports: game.reports };
}

const series = (data: ReturnType<typeof warData>, chart: string, i: number) => data.charts.find((c) => c.id === chart)?.series[i]?.values ?? [];

describe.each(['sirte-2020', 'tutorial', 'geneva-2020'])('the charts of %s', (id) => {
  const sc = scenario(id);
  it.each(['1', '2', '3', '4', '5'])('seed %s: every point is the figure the report and the panels give', (seed) => {
    const { states, reports } = played(sc, `charts-${seed}`);
    const data = warData(sc, states);
    const end = states.at(-1) as State;
    expect(data.dates).toEqual(end.log.map((l) => l.date));
    expect(data.turns).toEqual(end.log.map((_, i) => i));
    for (const c of data.charts) for (const s of c.series) expect(s.values).toHaveLength(states.length);
    reports.forEach((r, t) => {
      const after = r.standing?.after;
      expect(after).toBeDefined();
      if (!after) return;
      const i = t + 1;
      expect(series(data, 'harm', 0)[i]).toBe(after.country.civilianCasualties);
      expect(series(data, 'harm', 1)[i]).toBe(after.country.displaced);
      expect(series(data, 'money', 2)[i]).toBe(after.country.oilOutput);
      expect(series(data, 'escalation', 0)[i]).toBe(after.country.escalation);
      expect(series(data, 'escalation', 1)[i]).toBe(after.country.internationalPressure);
      expect(series(data, 'escalation', 2)[i]).toBe(after.country.embargoEnforcement);
      expect(series(data, 'talks', 0)[i]).toBe(after.trust);
      expect(series(data, 'talks', 1)[i]).toBe(after.politicalTrack);
      expect(series(data, 'politics', 0)[i]).toBe(after.sides.gna.legitimacy);
      expect(series(data, 'politics', 1)[i]).toBe(after.sides.lna.legitimacy);
      expect(series(data, 'politics', 2)[i]).toBe(after.sides.gna.cohesion);
      expect(series(data, 'politics', 3)[i]).toBe(after.sides.lna.cohesion);
      // The opening point is the first report's "before".
      if (t === 0) expect(series(data, 'harm', 0)[0]).toBe(r.standing?.before.country.civilianCasualties);
    });
    end.log.forEach((l, i) => {
      expect(series(data, 'territory', 0)[i]).toBe(l.gnaShare);
      expect(series(data, 'territory', 1)[i]).toBe(l.lnaShare);
      expect(series(data, 'places', 0)[i]).toBe(l.gnaPlaces);
      expect(series(data, 'places', 1)[i]).toBe(l.lnaPlaces);
      expect(series(data, 'forces', 0)[i]).toBe(l.gnaStrength * 100);
      expect(series(data, 'forces', 1)[i]).toBe(l.lnaStrength * 100);
      expect(series(data, 'money', 0)[i]).toBe(l.gnaMoney);
      expect(series(data, 'money', 1)[i]).toBe(l.lnaMoney);
      // The summary and the standing agree where both carry a figure.
      expect(series(data, 'harm', 0)[i]).toBe(l.casualties);
      expect(series(data, 'escalation', 0)[i]).toBe(l.escalation);
    });
    // The events sit on the dates of the turns they opened.
    expect(data.events.length).toBe(Object.keys(end.fired).length);
    for (const e of data.events) {
      const turn = end.fired[e.id] as number;
      expect(data.dates[e.point]).toBe(turnDate(sc.startDate, sc.turnDays, turn));
      expect(e.title).toBe(sc.events.find((x) => x.id === e.id)?.title);
    }
    const backers = data.charts.filter((c) => c.id.startsWith('backers-')).flatMap((c) => c.series);
    expect(backers.map((s) => s.name.split(' (')[0]).sort()).toEqual(sc.backers.map((b) => b.name).sort());
    for (const b of sc.backers) {
      expect(backers.find((s) => s.name.split(' (')[0] === b.name)?.values).toEqual(states.map((s) => s.backers[b.id]?.commitment ?? 0));
    }
  });
});

describe('the history track beside the war', () => {
  const sc = scenario('sirte-2020');
  const raw = JSON.parse(readFileSync(join(LEVELS, 'record.json'), 'utf8'));
  const loadedRecord = loadRecord({ file: 'levels/record.json', data: raw }, sc.map.places.map((p) => p.id));
  if (!loadedRecord.ok) throw new Error('the record does not load');
  const record = loadedRecord.value;

  it.each(['1', '2', '3'])('seed %s: the key places held in the war and, on the same dates, in the record', (seed) => {
    const { states } = played(sc, `history-${seed}`);
    const data = warData(sc, states, record);
    const chart = data.charts.find((c) => c.id === 'history');
    expect(chart).toBeDefined();
    const [gnaWar, lnaWar, gnaHistory, lnaHistory] = chart?.series ?? [];
    states.forEach((s, i) => {
      const date = data.dates[i] as string;
      expect(gnaWar?.values[i]).toBe(record.places.filter((e) => s.places[e.place]?.controller === 'gna').length);
      expect(lnaWar?.values[i]).toBe(record.places.filter((e) => s.places[e.place]?.controller === 'lna').length);
      const inSpan = date >= record.span.from && date <= record.span.to;
      expect(gnaHistory?.values[i]).toBe(inSpan ? record.places.filter((e) => heldOn(e, date) === 'gna').length : null);
      expect(lnaHistory?.values[i]).toBe(inSpan ? record.places.filter((e) => heldOn(e, date) === 'lna').length : null);
    });
    // At the start the war is the record: the scenario starts from history.
    expect(gnaWar?.values[0]).toBe(gnaHistory?.values[0]);
  });

  it('is left out where the record does not describe the map (the tutorial)', () => {
    const tutorial = scenario('tutorial');
    const { states } = played(tutorial, 'history-t');
    expect(warData(tutorial, states, null).charts.some((c) => c.id === 'history')).toBe(false);
  });
});

describe('during play, through the role’s eyes', () => {
  const sc = scenario('sirte-2020');
  const { states } = played(sc, 'fog');
  const names = (role: 'gna' | 'lna' | 'mediator') =>
    warData(sc, states, null, { role })
      .charts.flatMap((c) => c.series.map((s) => `${c.id}:${s.name}`))
      .sort();
  it.each([
    ['gna', ['forces:GNA', 'money:GNA money', 'politics:GNA cohesion'], ['forces:LNA', 'money:LNA money', 'politics:LNA cohesion']],
    ['lna', ['forces:LNA', 'money:LNA money', 'politics:LNA cohesion'], ['forces:GNA', 'money:GNA money', 'politics:GNA cohesion']],
    ['mediator', [], ['forces:GNA', 'forces:LNA', 'money:GNA money', 'money:LNA money', 'politics:GNA cohesion', 'politics:LNA cohesion']],
  ] as const)('%s sees its own private figures and not the others’', (role, sees, hidden) => {
    const shown = names(role);
    for (const n of sees) expect(shown).toContain(n);
    for (const n of hidden) expect(shown).not.toContain(n);
    // The public figures stay: places, both legitimacies, the country, the talks.
    for (const n of ['places:GNA', 'places:LNA', 'politics:GNA legitimacy', 'politics:LNA legitimacy', 'talks:Trust between the parties']) expect(shown).toContain(n);
  });
  it('the mediator has no chart of fighters at all', () => {
    expect(warData(sc, states, null, { role: 'mediator' }).charts.some((c) => c.id === 'forces')).toBe(false);
  });
});

describe('readable charts', () => {
  it('every chart has a title and a unit, and no two series of a chart look alike', () => {
    const sc = scenario('sirte-2020');
    const { states } = played(sc, 'charts-look');
    for (const c of warData(sc, states).charts) {
      expect(c.title.length).toBeGreaterThan(5);
      expect(c.unit.length).toBeGreaterThan(2);
      if (c.series.some((s) => s.right)) expect(c.rightUnit).toBeTruthy();
      const looks = c.series.map((s) => `${s.color}|${s.dash.join(',')}`);
      expect(new Set(looks).size, c.id).toBe(looks.length);
      // Told apart without colour too: every series of a chart has its own dash pattern.
      expect(new Set(c.series.map((s) => s.dash.join(','))).size, c.id).toBe(c.series.length);
    }
  });
});
