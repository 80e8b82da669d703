/**
 * The one progress emitter of every long job (migration, export, import, verify): the latest
 * progress, listeners, and updates throttled to `intervalMs` (0: every update goes out).
 */
export class ProgressEmitter<P> {
  private readonly listeners = new Set<(progress: P) => void>();
  private lastSent = 0;
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(private current: P, private readonly intervalMs = 100) {}

  progress(): P {
    return this.current;
  }

  onProgress(listener: (progress: P) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** `final` updates go out at once; others at most every `intervalMs`, the latest one winning. */
  update(next: P, final = false): void {
    this.current = next;
    const wait = this.lastSent + this.intervalMs - Date.now();
    if (final || wait <= 0) {
      clearTimeout(this.pending);
      this.pending = undefined;
      this.emit();
    } else {
      this.pending ??= setTimeout(() => { this.pending = undefined; this.emit(); }, wait);
    }
  }

  private emit(): void {
    this.lastSent = Date.now();
    // A listener that throws (a closed window, a broken socket) must not stop the job or the others.
    for (const listener of this.listeners) {
      try { listener(this.current); } catch {}
    }
  }
}
