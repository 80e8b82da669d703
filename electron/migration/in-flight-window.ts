/**
 * Runs at most `limit` batch writes at once: the bounded queue that gives the pipeline its
 * backpressure (the reader waits here, so memory stays flat). A batch that holds a key another
 * running batch is writing waits for that one first, so the later document always lands last.
 * The first error of a task is rethrown to whoever starts or drains next.
 */
export class InFlightWindow {
  private readonly running = new Set<Promise<void>>();
  private readonly keys = new Map<string, Promise<void>>();
  private failure: { error: unknown } | undefined;

  /** `limit` is asked before every start, so an adaptive limit takes effect at once. */
  constructor(private readonly limit: () => number) {}

  /** Batches running now. */
  get busy(): number {
    return this.running.size;
  }

  async start(keys: readonly string[], task: () => Promise<void>): Promise<void> {
    for (;;) {
      this.rethrow();
      const conflicts = keys.flatMap((key) => this.keys.get(key) ?? []);
      if (conflicts.length > 0) await Promise.all(conflicts);
      else if (this.running.size >= this.limit()) await Promise.race(this.running);
      else break;
    }
    const run: Promise<void> = task()
      .catch((error: unknown) => { this.failure ??= { error }; })
      .finally(() => {
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
