// Every scenario in levels/scenarios: it validates, it plays to its ending headless for 100
// seeds with every invariant kept, and every one of its events fires in at least one seeded
// calibration-style game — or is listed below with the reason it is only reachable in other play.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile, scenarioIds } from '../src/cli/files.ts';
import { type Order, playGame, type Role, type Scenario } from '../src/sim/index.ts';
import { checkInvariants } from './sim/invariants.ts';

type PlayOptions = NonNullable<Parameters<typeof playGame>[2]>;

const ids = scenarioIds();

function load(id: string): Scenario {
  const loaded = loadScenarioFile(id);
  if (!loaded.ok) throw new Error(loaded.error.map((p) => `${p.path}: ${p.message}`).join('; '));
  return loaded.value;
}

/** The calibration's historical policy: the backers move only through the dated events. */
const historical = (o: Order) => !o.actor.startsWith('backer:');

/**
 * Events no seeded game below reaches, each with why: they answer a course of the war that the
 * baseline AI (and history) does not take, and are reachable when a person plays differently.
 */
const OTHER_PLAY: Record<string, Record<string, string>> = {
  'red-line-2020': {
    'egypt-crosses':
      'Egypt crosses only if the GNA takes Sirte; the baseline AI stops at the red line as the GNA did, a player may not',
    'egypt-crosses-jufra':
      'only if the GNA takes al-Jufra, 270–380 km of desert road from any place it can hold: beyond its supply reach (rules version 4) its attacks there fight at two-thirds of their strength, and the baseline AI no longer takes it in the sweep, as the GNA never did; a player who masses enough may',
  },
  'sirte-2020': {
    'egypt-crosses':
      'Egypt crosses only if the GNA takes Sirte: since rules version 7 no commander takes a red-line place whose crossing would bring the region to the brink of a regional war, and the baseline AI stops at the line as the GNA did in June 2020; a player may cross it',
    'jmc-round-1-truce':
      'needs a truce in force on 3 February 2020, which the AI LNA never signs in January, as Haftar did not; an LNA player who signs in Moscow reaches it (checked below)',
    'militia-infighting':
      'needs the GNA’s cohesion at 30 or below while it still holds Tripoli: a GNA that loses battle after battle yet keeps its capital, rare with the baseline AI',
  },
  'tripoli-2019': {
    'alt-turkey-early':
      'an alternative: Turkey rushes help only if the LNA takes Tajoura by late May 2019 while Tripoli holds, a breakthrough the baseline AI rarely makes (history did not either)',
    'alt-conference-dead':
      'needs the LNA in both the old airport and Tajoura by early August 2019; the baseline AI no longer lays siege to Tripoli, Turkey’s red line (22 sieges and 3 firings in the 60 all-AI games before, none now), and history did not either',
  },
  'geneva-2020': {
    'egypt-red-line-tested': 'only if the GNA enters Sirte, across the red line, which the baseline AI holds back from during the ceasefire talks, as the GNA did',
  },
};

/** Policies of the event sweep: history, every actor AI, and one role giving no orders at all. */
const SWEEP: { label: string; seeds: number; options: PlayOptions }[] = [
  { label: 'historical', seeds: 60, options: { keepAiOrder: historical } },
  { label: 'all-ai', seeds: 60, options: {} },
  ...(['gna', 'lna', 'mediator'] as Role[]).map((role) => ({
    label: `${role}-passive`,
    seeds: 30,
    options: { role, policy: () => [], keepAiOrder: historical },
  })),
];

describe.each(ids)('%s', (id) => {
  let scenario: Scenario;
  beforeAll(() => {
    scenario = load(id);
  });

  it('validates', () => {
    const loaded = loadScenarioFile(id);
    expect(loaded.ok ? [] : loaded.error).toEqual([]);
  });

  it('plays to its ending for 100 seeds with no invariant broken (all actors AI)', () => {
    const failures: string[] = [];
    let ended = 0;
    for (let g = 1; g <= 100; g++) {
      const game = playGame(scenario, `play-${g}`, {
        onTurn: (before, orders, after, report) => {
          const problems = checkInvariants(scenario, before, orders, after, report);
          if (report.rejected.length) problems.push(`AI orders were rejected: ${JSON.stringify(report.rejected[0])}`);
          if (problems.length && failures.length < 5) failures.push(`seed play-${g}, turn ${before.turn}: ${problems.slice(0, 2).join('; ')}`);
        },
      });
      if (game.state.ending && game.state.turn <= scenario.turns) ended++;
      else failures.push(`seed play-${g} did not end by turn ${scenario.turns}`);
    }
    expect(failures).toEqual([]);
    expect(ended).toBe(100);
  }, 60_000);

  it('every event fires in a seeded calibration-style game, or is listed with the reason', () => {
    const fired = new Map<string, string>();
    for (const { label, seeds, options } of SWEEP) {
      for (let g = 1; g <= seeds; g++) {
        const { state } = playGame(scenario, `events-${g}`, options);
        for (const e of Object.keys(state.fired)) if (!fired.has(e)) fired.set(e, `${label} events-${g}`);
      }
    }
    const listed = OTHER_PLAY[id] ?? {};
    const never = scenario.events.map((e) => e.id).filter((e) => !fired.has(e) && !(e in listed));
    expect(never, 'events that never fire and are not listed').toEqual([]);
    for (const e of Object.keys(listed)) expect(scenario.events.some((x) => x.id === e), `listed event ${e} exists`).toBe(true);
  }, 60_000);
});

it('sirte-2020: an LNA player who signs the Moscow truce reaches the truce round of the military talks', () => {
  const scenario = load('sirte-2020');
  let fired = 0;
  for (let g = 1; g <= 20; g++) {
    const { state } = playGame(scenario, `events-${g}`, {
      role: 'lna',
      keepAiOrder: historical,
      policy: (_sc, s) =>
        s.pending
          .filter((p) => p.role === 'lna')
          .map((p): Order => ({ actor: 'lna', kind: 'event-choice', event: p.event, option: p.event === 'moscow-talks' ? 'sign' : (p.options[0] ?? '') })),
    });
    if ('jmc-round-1-truce' in state.fired) fired++;
  }
  expect(fired).toBeGreaterThan(0);
});

it('every scenario has its list of events reachable only in other play (possibly empty)', () => {
  expect(Object.keys(OTHER_PLAY).sort()).toEqual(ids.filter((i) => i !== 'tutorial'));
});
