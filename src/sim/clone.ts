// A deep copy of a State, written out by hand: resolveTurn copies the state every turn, and
// this is several times faster than a JSON round trip. Log entries are never changed after
// they are written, so they are shared.
//
// Places, formations, backers, sides, the talks and the country are copied field by field into
// object literals of a fixed shape rather than spread ({ ...p }): a spread of objects whose shapes
// differ takes V8's slow generic path, and the copy was the largest single cost of resolveTurn.
// An optional field left undefined (a place's siegedBy) is written as undefined or left out:
// JSON and the state hash read both alike.
import type { BackerState, CeasefireTerms, CountryState, FormationState, PlaceState, SideState, State, TalksState } from './types.ts';

/**
 * The place ids of each places object cloneState made, in their order: a state holds one
 * entry per place of its map, and no rule adds or removes places, so a copy has the keys of
 * its original. (Walking the keys of so large an object anew each turn is slow in V8.)
 */
const placeKeys = new WeakMap<State['places'], readonly string[]>();

/** The ids of a state's places in their order (Object.keys, remembered for the places objects cloneState made). */
export function placeIdsOf(places: State['places']): readonly string[] {
  return placeKeys.get(places) ?? Object.keys(places);
}

/**
 * Every place has its siegedBy field, undefined when no one besieges it (as initialState makes
 * them, and as setControl leaves it): places of one shape, so that the rules' reads of them stay
 * monomorphic, and lifting or laying a siege changes no object's shape.
 */
function clonePlace(p: PlaceState): PlaceState {
  return { controller: p.controller, shut: p.shut, damage: p.damage, lastTurnTouched: p.lastTurnTouched, siegedBy: p.siegedBy };
}

function cloneFormation(f: FormationState): FormationState {
  return { id: f.id, side: f.side, location: f.location, strength: f.strength, loyalty: f.loyalty, dug: f.dug };
}

function cloneBacker(b: BackerState): BackerState {
  const c: BackerState = {
    commitment: b.commitment,
    spent: b.spent,
    lastChange: b.lastChange,
    pressure: b.pressure,
    peak: b.peak,
    arrived: { air: b.arrived.air, airDefence: b.arrived.airDefence },
  };
  // A backer a person plays has more (shared as a spread shares them: the rules replace these, never change them in place).
  if (b.redLines !== undefined) c.redLines = b.redLines;
  if (b.stance !== undefined) c.stance = b.stance;
  if (b.exposures !== undefined) c.exposures = b.exposures;
  if (b.bluffs !== undefined) c.bluffs = b.bluffs;
  if (b.crossed !== undefined) c.crossed = b.crossed;
  if (b.request !== undefined) c.request = b.request;
  if (b.pressed !== undefined) c.pressed = b.pressed;
  if (b.deliveries !== undefined) c.deliveries = b.deliveries;
  return c;
}

function cloneSide(s: SideState): SideState {
  return {
    money: s.money,
    air: s.air,
    airDefence: s.airDefence,
    legitimacy: s.legitimacy,
    cohesion: s.cohesion,
    confidence: s.confidence,
    warWeariness: s.warWeariness,
    support: { ...s.support },
    unpaidTurns: s.unpaidTurns,
    losses: s.losses,
    momentum: s.momentum,
  };
}

/** A copy of ceasefire terms, always of one shape (the talks' rules copy the terms of a proposal with it too). */
export function cloneTerms(t: CeasefireTerms): CeasefireTerms {
  return {
    freezeLines: t.freezeLines,
    heavyWeaponsOut: t.heavyWeaponsOut,
    foreignFightersOut: t.foreignFightersOut,
    monitors: t.monitors,
    oilReopened: t.oilReopened,
    revenueShared: t.revenueShared,
  };
}

function cloneTalks(t: TalksState): TalksState {
  const p = t.proposal;
  return {
    stage: t.stage,
    trust: t.trust,
    turnsInStage: t.turnsInStage,
    violations: t.violations,
    monitors: t.monitors,
    terms: t.terms ? cloneTerms(t.terms) : null,
    politicalTrack: t.politicalTrack,
    held: t.held,
    proposal: p ? { by: p.by, terms: cloneTerms(p.terms), turn: p.turn } : null,
  };
}

function cloneCountry(c: CountryState): CountryState {
  return {
    civilianCasualties: c.civilianCasualties,
    displaced: c.displaced,
    humanitarianAccess: c.humanitarianAccess,
    oilOutput: c.oilOutput,
    escalation: c.escalation,
    internationalPressure: c.internationalPressure,
    embargoEnforcement: c.embargoEnforcement,
    blockadeBy: c.blockadeBy,
    revenueShareToOther: c.revenueShareToOther,
  };
}

/**
 * A deep copy, except that with shareFired the copy's `fired` is the original's own object:
 * resolveTurn's, whose only writer (fireEvents) copies it before its first write (Ctx.sharedFired).
 */
export function cloneState(s: State, shareFired = false): State {
  // Without a prototype, V8 makes the object a dictionary from the start: filled key by key, an
  // ordinary one first takes a dozen shapes, then is converted into the dictionary it ends up as.
  const places: State['places'] = Object.create(null);
  const keys = placeIdsOf(s.places);
  for (const id of keys) places[id] = clonePlace(s.places[id]!);
  placeKeys.set(places, keys);
  return copyWithPlaces(s, places, shareFired);
}

/**
 * cloneState for the turn loop, given the ids of the state's places (World.placeIds: a state has
 * one place for each place of its map), which also gives the copies of its places by their index
 * in that list. (resolveTurn walks them by index: read back by id from the copy, each would be
 * V8's generic keyed load of a dictionary, as each read of the original is. Its keys are not
 * remembered for placeIdsOf: a WeakMap's store costs more than the turn loop would save.)
 */
export function cloneStateIndexed(s: State, ids: readonly string[], shareFired: boolean): { state: State; places: PlaceState[] } {
  const places: State['places'] = Object.create(null);
  const byIndex: PlaceState[] = new Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const p = clonePlace(s.places[id]!);
    places[id] = p;
    byIndex[i] = p;
  }
  return { state: copyWithPlaces(s, places, shareFired), places: byIndex };
}

function copyWithPlaces(s: State, places: State['places'], shareFired: boolean): State {
  const backers: State['backers'] = {};
  for (const id in s.backers) backers[id] = cloneBacker(s.backers[id]!);
  let fired: State['fired'] = s.fired;
  if (!shareFired) {
    fired = {};
    for (const id in s.fired) fired[id] = s.fired[id]!;
  }
  const formations: FormationState[] = new Array(s.formations.length);
  for (let i = 0; i < formations.length; i++) formations[i] = cloneFormation(s.formations[i]!);
  return {
    scenarioId: s.scenarioId,
    seed: s.seed,
    humans: [...s.humans],
    difficulty: s.difficulty,
    turn: s.turn,
    date: s.date,
    rng: { ...s.rng },
    sides: { gna: cloneSide(s.sides.gna), lna: cloneSide(s.sides.lna) },
    places,
    formations,
    backers,
    country: cloneCountry(s.country),
    talks: cloneTalks(s.talks),
    fired,
    pending: s.pending.map((p) => ({ ...p, options: [...p.options] })),
    concepts: [...s.concepts],
    conference: s.conference ? { ...s.conference } : null,
    log: [...s.log],
    ending: s.ending ? JSON.parse(JSON.stringify(s.ending)) : null,
  };
}
