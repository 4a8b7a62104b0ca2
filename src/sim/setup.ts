// A new game: the scenario's starting state, with the opening events fired.

import { holdings } from './query.ts';
import { Rng } from './rng.ts';
import { type Ctx, emptyFacts, emptyLedger } from './rules/context.ts';
import { oilOutput } from './rules/economy.ts';
import { fireEvents } from './rules/events.ts';
import type { Difficulty, PlaceState, PlayerRole, Scenario, SideState, State, TurnReport, TurnSummary } from './types.ts';
import { SIDES } from './types.ts';
import { placesByIndex, worldOf } from './world.ts';

export function initialState(scenario: Scenario, seed: string, humans: PlayerRole[] = [], difficulty: Difficulty = 'historical'): State {
  const side = (id: 'gna' | 'lna'): SideState => {
    const d = scenario.sides[id];
    return {
      money: d.money,
      air: d.air,
      airDefence: d.airDefence,
      legitimacy: d.legitimacy,
      cohesion: d.cohesion,
      confidence: d.confidence,
      warWeariness: d.warWeariness,
      support: { ...d.support },
      unpaidTurns: 0,
      losses: 0,
      momentum: 0,
    };
  };
  // (Without a prototype, as cloneState makes them: the states the turn loop reads have one kind of places object; a
  // state read back from JSON has an ordinary one until its first clone, which the rules read just as well.)
  const places: State['places'] = Object.create(null);
  for (const p of scenario.map.places) {
    // (siegedBy written out, undefined: every place has the one shape cloneState gives it.)
    places[p.id] = { controller: scenario.control[p.id] ?? 'local', shut: false, damage: 0, lastTurnTouched: 0, siegedBy: undefined };
  }
  const backers: State['backers'] = {};
  for (const b of scenario.backers) {
    // What the opening rung sends is already there when the game starts.
    const rung = b.commitment > 0 ? b.ladder[b.commitment - 1] : undefined;
    const arrived = { air: rung?.air ?? 0, airDefence: rung?.airDefence ?? 0 };
    backers[b.id] = { commitment: b.commitment, spent: 0, lastChange: 0, pressure: 0, peak: b.commitment, arrived };
  }
  const c = scenario.country;
  return {
    scenarioId: scenario.id,
    seed,
    humans: [...humans].sort(),
    difficulty,
    turn: 1,
    date: scenario.startDate,
    rng: Rng.fromSeed(`${scenario.id}:${seed}`).state(),
    sides: { gna: side('gna'), lna: side('lna') },
    places,
    formations: scenario.formations.map((f) => ({ id: f.id, side: f.side, location: f.location, strength: f.strength, loyalty: f.loyalty, dug: 0 })),
    backers,
    country: {
      civilianCasualties: c.civilianCasualties,
      displaced: c.displaced,
      humanitarianAccess: c.humanitarianAccess,
      oilOutput: c.oilOutput,
      escalation: c.escalation,
      internationalPressure: c.internationalPressure,
      embargoEnforcement: c.embargoEnforcement,
      blockadeBy: null,
      revenueShareToOther: scenario.rules.revenueShareToOther,
    },
    talks: { stage: c.talks, trust: c.trust, turnsInStage: 0, violations: 0, monitors: false, terms: null, politicalTrack: 0, held: 0, proposal: null },
    fired: {},
    pending: [],
    concepts: [],
    conference: null,
    log: [],
    ending: null,
  };
}

export function summarise(
  scenario: Scenario,
  s: State,
  /** s's places by index, when the caller has them (placesByIndex). */
  places?: readonly (PlaceState | undefined)[],
): TurnSummary {
  const held = holdings(scenario, s, places);
  let gnaStrength = 0;
  let lnaStrength = 0;
  for (const f of s.formations) {
    if (f.side === 'gna') gnaStrength += f.strength;
    else if (f.side === 'lna') lnaStrength += f.strength;
  }
  return {
    turn: s.turn,
    date: s.date,
    gnaPlaces: held.gnaPlaces,
    lnaPlaces: held.lnaPlaces,
    gnaShare: held.gnaShare,
    lnaShare: held.lnaShare,
    gnaStrength,
    lnaStrength,
    gnaMoney: s.sides.gna.money,
    lnaMoney: s.sides.lna.money,
    casualties: s.country.civilianCasualties,
    displaced: s.country.displaced,
    oilOutput: s.country.oilOutput,
    escalation: s.country.escalation,
    talks: s.talks.stage,
    trust: s.talks.trust,
  };
}

export function newReport(s: State): TurnReport {
  return { turn: s.turn, date: s.date, events: [], rejected: [], ledger: emptyLedger(), reasonMsgs: {} };
}

/** Starts a game: the starting state with turn 1's events fired. Returns the opening report too. */
export function newGameWithReport(
  scenario: Scenario,
  seed: string,
  humans: PlayerRole[] = [],
  difficulty: Difficulty = 'historical',
): { state: State; report: TurnReport } {
  const s = initialState(scenario, seed, humans, difficulty);
  const rng = Rng.fromState(s.rng);
  const report = newReport(s);
  // (The same fields in the same order as resolveTurn's context: one shape for every function that reads it.)
  const world = worldOf(scenario);
  const ctx: Ctx = { scenario, world, s, places: placesByIndex(world, s), start: s, rng, report, orders: [], facts: emptyFacts(), phase: 'events', round: 0, sharedFired: false };
  fireEvents(ctx);
  s.country.oilOutput = oilOutput(scenario, s);
  s.log.push(summarise(scenario, s));
  s.rng = rng.state();
  for (const side of SIDES) report.ledger.money[side].start = report.ledger.money[side].end = s.sides[side].money;
  return { state: s, report };
}

export function newGame(scenario: Scenario, seed: string, humans: PlayerRole[] = [], difficulty: Difficulty = 'historical'): State {
  return newGameWithReport(scenario, seed, humans, difficulty).state;
}
