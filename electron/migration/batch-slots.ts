/**
 * Slots for batches in flight, shared by every collection a job copies at once: the job's one
 * limit (adaptive or fixed) caps them all together, and slots are granted first come first
 * served, so collections copied side by side take turns instead of one starving the others.
 */
export class BatchSlots {
  private used = 0;
  private readonly waiting: Array<() => void> = [];

  /** `limit` is asked at every grant, so an adaptive limit takes effect at once. */
  constructor(private readonly limit: () => number) {}

  /** Slots in use now. */
  get busy(): number {
    return this.used;
  }

  /** True when a new batch would have to wait for a slot. */
  get full(): boolean {
    return this.used >= this.limit() || this.waiting.length > 0;
  }

  /** Resolves with a slot held; give it back with `release` when the batch ends. */
  acquire(): Promise<void> {
    if (!this.full) {
      this.used++;
      return Promise.resolve();
    }
    // Woken by a release (a waiter exists only while slots are in use), which counts the slot for it.
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    this.used--;
    while (this.waiting.length > 0 && this.used < this.limit()) {
      this.used++;
      this.waiting.shift()!();
    }
  }
}
