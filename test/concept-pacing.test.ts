import { describe, expect, it } from 'vitest';
import { ConceptPacer, type MetConcept } from '../src/game/concept-pacing.ts';
import type { Concept } from '../src/game/sim-types.ts';

const met = (...xs: [Concept, boolean][]): MetConcept[] => xs.map(([concept, mine]) => ({ concept, mine }));

describe('concept cards: at most one a turn', () => {
  const cases: { name: string; shown: Concept[]; turns: MetConcept[][]; cards: Concept[][]; waiting: Concept[] }[] = [
    { name: 'nothing met, nothing waiting: no card', shown: [], turns: [[]], cards: [[]], waiting: [] },
    { name: 'one met: its card', shown: [], turns: [met(['ripeness', false])], cards: [['ripeness']], waiting: [] },
    {
      name: 'four met at once: the first now, the rest one a turn after',
      shown: [],
      turns: [met(['proxy-war', false], ['legitimacy', false], ['spoilers', false], ['ripeness', false]), [], [], [], []],
      cards: [['proxy-war'], ['legitimacy'], ['spoilers'], ['ripeness'], []],
      waiting: [],
    },
    {
      name: "the player's own doing comes before the rest",
      shown: [],
      turns: [met(['proxy-war', false], ['commitment-problem', true])],
      cards: [['commitment-problem']],
      waiting: ['proxy-war'],
    },
    {
      name: 'a concept met this turn comes before one that waits',
      shown: [],
      turns: [met(['proxy-war', false], ['legitimacy', false]), met(['ripeness', false])],
      cards: [['proxy-war'], ['ripeness']],
      waiting: ['legitimacy'],
    },
    {
      name: 'already shown (a restored game) or already waiting: not again',
      shown: ['ripeness'],
      turns: [met(['ripeness', true], ['spoilers', false], ['legitimacy', false]), met(['legitimacy', true], ['ripeness', false])],
      cards: [['spoilers'], ['legitimacy']],
      waiting: [],
    },
    {
      name: 'the same concept twice in a turn is one card',
      shown: [],
      turns: [met(['spoilers', false], ['spoilers', true])],
      cards: [['spoilers']],
      waiting: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const pacer = new ConceptPacer(c.shown);
      const cards = c.turns.map((t) => pacer.next(t));
      expect(cards).toEqual(c.cards);
      for (const card of cards) expect(card.length).toBeLessThanOrEqual(1);
      expect(pacer.queue).toEqual(c.waiting);
    });
  }
});
