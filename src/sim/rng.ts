// The one source of chance in the game. Its state lives in the game state (State.rng), so a
// game saved mid-turn and loaded again draws the same numbers. Uses seedrandom's Alea.
import alea from 'seedrandom/lib/alea.js';
import type { RngState } from './types.ts';

export class Rng {
  // Alea's four numbers, as seedrandom's alea keeps them (RngState). The generator is stepped here,
  // exactly as alea steps it: restoring a saved state (every turn) need not build an alea, whose
  // constructor first hashes a seed it then throws away. seedrandom's alea still seeds (fromSeed).
  private c: number;
  private s0: number;
  private s1: number;
  private s2: number;
  /** Draws made since this Rng was created (for tests and debugging). */
  draws = 0;

  private constructor(s: RngState) {
    this.c = s.c;
    this.s0 = s.s0;
    this.s1 = s.s1;
    this.s2 = s.s2;
  }

  static fromSeed(seed: string): Rng {
    return new Rng(alea(seed, { state: true }).state());
  }

  static fromState(state: RngState): Rng {
    return new Rng(state);
  }

  state(): RngState {
    return { c: this.c, s0: this.s0, s1: this.s1, s2: this.s2 };
  }

  /** Alea's next number in [0, 1): seedrandom's alea `next`, step for step. */
  private next(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    this.s2 = t - this.c;
    return this.s2;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    this.draws++;
    return Math.floor(this.next() * n);
  }

  /** True with the given chance in percent (0-100, integers or not). */
  chance(percent: number): boolean {
    if (percent <= 0) return false;
    if (percent >= 100) return true;
    return this.int(10000) < Math.round(percent * 100);
  }

  /** Integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick from an empty list');
    return items[this.int(items.length)] as T;
  }
}

/**
 * A stateless hash-based number in [0, 1) for things that must not disturb the game RNG,
 * such as fog-of-war estimates that a player's view computes again and again.
 */
export function noise(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  // The hash of parts.join('|'), without building the joined text.
  for (let p = 0; p < parts.length; p++) {
    if (p > 0) {
      h ^= 124; // '|'
      h = Math.imul(h, 0x01000193);
    }
    const part = parts[p]!;
    const text = typeof part === 'string' ? part : String(part);
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) / 0x100000000;
}
