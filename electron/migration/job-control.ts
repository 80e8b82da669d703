/**
 * Pause, resume and cancel for a running copy: the copy loop asks before each batch, and every
 * request and backoff sleep of the job carries `signal`, so a cancel interrupts them at once.
 */
export class JobControl {
  paused = false;
  cancelled = false;
  private waiters: Array<() => void> = [];
  private readonly aborter = new AbortController();

  get signal(): AbortSignal {
    return this.aborter.signal;
  }

  pause(): void {
    if (!this.cancelled) this.paused = true;
  }

  resume(): void {
    this.paused = false;
    for (const wake of this.waiters.splice(0)) wake();
  }

  cancel(): void {
    this.cancelled = true;
    this.aborter.abort();
    this.resume();
  }

  /** Resolves at once unless paused; then when resumed or cancelled. */
  waitIfPaused(): Promise<void> {
    return this.paused ? new Promise((resolve) => this.waiters.push(resolve)) : Promise.resolve();
  }
}
