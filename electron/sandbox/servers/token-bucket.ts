/**
 * Capacity units that refill at `rate` per second up to `rate × burstSeconds`, DynamoDB's
 * model of provisioned throughput (it keeps up to 300 s of unused capacity; tests keep less so
 * that throttling shows at once). A rate of Infinity never runs out.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(private rate: number, private burstSeconds: number, private readonly now: () => number = () => performance.now()) {
    this.tokens = this.capacity;
    this.last = now();
  }

  get capacity(): number {
    return this.rate * this.burstSeconds;
  }

  get available(): number {
    this.refill();
    return this.tokens;
  }

  private refill(): void {
    const now = this.now();
    if (Number.isFinite(this.rate)) this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
  }

  /**
   * True when `units` fit now. A full bucket takes any request, however large, so an item
   * bigger than the burst is slowed, not refused forever; a rate of 0 takes nothing.
   */
  canTake(units: number): boolean {
    if (!Number.isFinite(this.rate)) return true;
    this.refill();
    return this.tokens >= units || (this.capacity > 0 && this.tokens >= this.capacity);
  }

  /** Takes `units`, going into debt if need be (reads are charged after the fact, as DynamoDB does). */
  take(units: number): void {
    if (!Number.isFinite(this.rate)) return;
    this.refill();
    this.tokens -= units;
  }

  /** A new rate keeps the units on hand, capped at the new burst. */
  setRate(rate: number, burstSeconds = this.burstSeconds): void {
    this.refill();
    this.rate = rate;
    this.burstSeconds = burstSeconds;
    this.tokens = Number.isFinite(rate) ? Math.min(this.tokens, this.capacity) : Infinity;
  }
}

/** mulberry32: a small seeded generator, so fault injection repeats run after run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
