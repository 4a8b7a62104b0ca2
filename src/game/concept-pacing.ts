// Concept cards arrive one at a time: at most one card a turn, the one tied to what just
// happened (the player's own doings first); the others met in the same turn wait for a turn
// that brings none. Every concept met stays in the glossary from the moment it is met.
import type { Concept } from './sim-types.ts';

export interface MetConcept {
  concept: Concept;
  /** The event that taught it involved the player's own side or role. */
  mine: boolean;
}

export class ConceptPacer {
  private readonly shown: Set<Concept>;
  private readonly waiting: Concept[] = [];

  constructor(alreadyShown: Iterable<Concept> = []) {
    this.shown = new Set(alreadyShown);
  }

  /** The concepts still waiting for their card, in the order they will come. */
  get queue(): readonly Concept[] {
    return this.waiting;
  }

  /**
   * Given the concepts met in a turn (in report order), the card to show now: none, or one.
   * A concept already shown or already waiting is not counted twice.
   */
  next(met: readonly MetConcept[]): Concept[] {
    const fresh: MetConcept[] = [];
    for (const m of met) {
      if (this.shown.has(m.concept) || this.waiting.includes(m.concept) || fresh.some((f) => f.concept === m.concept)) continue;
      fresh.push(m);
    }
    const pick = fresh.find((m) => m.mine) ?? fresh[0];
    for (const m of fresh) if (m !== pick) this.waiting.push(m.concept);
    const now = pick?.concept ?? this.waiting.shift();
    if (now === undefined) return [];
    this.shown.add(now);
    return [now];
  }
}
