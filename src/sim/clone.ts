// A deep copy of a State, written out by hand: resolveTurn copies the state every turn, and
// this is several times faster than a JSON round trip. Log entries are never changed after
// they are written, so they are shared.
import type { State } from './types.ts';

export function cloneState(s: State): State {
  const places: State['places'] = {};
  for (const id in s.places) places[id] = { ...s.places[id]! };
  const backers: State['backers'] = {};
  for (const id in s.backers) backers[id] = { ...s.backers[id]! };
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
    fired: { ...s.fired },
    pending: s.pending.map((p) => ({ ...p, options: [...p.options] })),
    concepts: [...s.concepts],
    conference: s.conference ? { ...s.conference } : null,
    log: [...s.log],
    ending: s.ending ? JSON.parse(JSON.stringify(s.ending)) : null,
  };
}
