import { BatchSlots } from './batch-slots';

/**
 * Runs at most `limit` batch writes at once: the bounded queue that gives the pipeline its
 * backpressure (the reader waits here, so memory stays flat). A batch that holds a key another
 * running batch is writing waits for that one first, so the later document always lands last.
 * The first error of a task is rethrown to whoever starts or drains next. Several windows (one
 * per collection copied at once) can share one job-wide set of slots (batch-slots.ts).
 */
export class InFlightWindow {
  private readonly running = new Set<Promise<void>>();
  private readonly keys = new Map<string, Promise<void>>();
  private failure: { error: unknown } | undefined;

  private readonly slots: BatchSlots;

  /** A limit of its own (asked before every start), or slots shared with other windows. */
  constructor(limit: (() => number) | BatchSlots) {
    this.slots = limit instanceof BatchSlots ? limit : new BatchSlots(limit);
  }

  async start(keys: readonly string[], task: () => Promise<void>): Promise<void> {
    for (;;) {
      this.rethrow();
      const conflicts = keys.flatMap((key) => this.keys.get(key) ?? []);
      if (conflicts.length === 0) break;
      await Promise.all(conflicts);
    }
    // Starts are sequential per window, so no batch of this window takes these keys meanwhile.
    await this.slots.acquire();
    if (this.failure) {
      this.slots.release();
      this.rethrow();
    }
    const run: Promise<void> = task()
      .catch((error: unknown) => { this.failure ??= { error }; })
      .finally(() => {
        this.slots.release();
        this.running.delete(run);
        for (const key of keys) if (this.keys.get(key) === run) this.keys.delete(key);
      });
    this.running.add(run);
    for (const key of keys) this.keys.set(key, run);
  }

  /** Waits for every running task; rethrows the first failure. */
  async drain(): Promise<void> {
    await this.settle();
    this.rethrow();
  }

  /** Waits for every running task, whatever happened. */
  async settle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }

  private rethrow(): void {
    if (this.failure) throw this.failure.error;
  }
}
