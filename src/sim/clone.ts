// A deep copy of a State, written out by hand: resolveTurn copies the state every turn, and
// this is several times faster than a JSON round trip. Log entries are never changed after
// they are written, so they are shared.
import type { State } from './types.ts';

/**
 * The place ids of each places object cloneState made, in their order: a state holds one
 * entry per place of its map, and no rule adds or removes places, so a copy has the keys of
 * its original. (Walking the keys of so large an object anew each turn is slow in V8.)
 */
const placeKeys = new WeakMap<State['places'], readonly string[]>();

export function cloneState(s: State): State {
  const places: State['places'] = {};
  const keys = placeKeys.get(s.places) ?? Object.keys(s.places);
  for (const id of keys) places[id] = { ...s.places[id]! };
  placeKeys.set(places, keys);
  const backers: State['backers'] = {};
  for (const id in s.backers) {
    const b = s.backers[id]!;
    backers[id] = { ...b, arrived: { ...b.arrived } };
  }
  const fired: State['fired'] = {};
  for (const id in s.fired) fired[id] = s.fired[id]!;
  const t = s.talks;
  return {
    scenarioId: s.scenarioId,
    seed: s.seed,
    humans: [...s.humans],
    difficulty: s.difficulty,
    turn: s.turn,
    date: s.date,
    rng: { ...s.rng },
    sides: {
      gna: { ...s.sides.gna, support: { ...s.sides.gna.support } },
      lna: { ...s.sides.lna, support: { ...s.sides.lna.support } },
    },
    places,
    formations: s.formations.map((f) => ({ ...f })),
    backers,
    country: { ...s.country },
    talks: {
      ...t,
      terms: t.terms ? { ...t.terms } : null,
      proposal: t.proposal ? { ...t.proposal, terms: { ...t.proposal.terms } } : null,
    },
    fired,
    pending: s.pending.map((p) => ({ ...p, options: [...p.options] })),
    concepts: [...s.concepts],
    conference: s.conference ? { ...s.conference } : null,
    log: [...s.log],
    ending: s.ending ? JSON.parse(JSON.stringify(s.ending)) : null,
  };
}
