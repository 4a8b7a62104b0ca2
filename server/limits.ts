// Rate limits: a token bucket per client (messages) and per address (joins, tables hosted).

export class Bucket {
  private tokens: number;
  private last: number;
  constructor(
    readonly capacity: number,
    /** Tokens regained per second. */
    readonly rate: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  take(now: number, n = 1): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens < n) return false;
    this.tokens -= n;
    return true;
  }
}

/** One bucket per key (an address), forgotten when full again. */
export class KeyedLimit {
  private readonly buckets = new Map<string, Bucket>();
  constructor(
    readonly capacity: number,
    readonly rate: number,
  ) {}

  take(key: string, now: number): boolean {
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size > 10_000) this.buckets.clear();
      b = new Bucket(this.capacity, this.rate, now);
      this.buckets.set(key, b);
    }
    return b.take(now);
  }

  reset(): void {
    this.buckets.clear();
  }
}

export const LIMITS = {
  /** Messages of any kind from one client: a burst of 60, then 20 a second. */
  clientBurst: 60,
  clientRate: 20,
  /** Chat messages from one client: a burst of 5, then one every 2 seconds. */
  chatBurst: 5,
  chatRate: 0.5,
  /** Joins (and tries of a code) from one address: a burst of 40 (a class behind one router), then one a second. */
  joinBurst: 40,
  joinRate: 1,
  /** Tables hosted from one address: 10, then one every 6 minutes. */
  hostBurst: 10,
  hostRate: 1 / 360,
  /** People at one table. */
  maxClients: 60,
};
