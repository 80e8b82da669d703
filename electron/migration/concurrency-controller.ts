import type { ConcurrencyReport } from '../../shared/migration';
import { initialLimiter, nextLimit, type LimiterState } from './concurrency-limit';

/** An interval must be this long, with this many finished batches, to say something. */
const INTERVAL_MS = 500;
const MIN_BATCHES = 4;

/**
 * The batches-in-flight limit of one job: fixed when the user chose a number, else measured
 * interval by interval (concurrency-limit.ts) from what the job's batches report here. One
 * controller per job, so the next collection starts where the last one left off.
 */
export class ConcurrencyController {
  private state: LimiterState;
  private peak: number;
  private interval = { started: Date.now(), items: 0, batches: 0, latencyMs: 0, throttled: false, starts: 0, waited: 0 };

  constructor(private readonly fixed: number | undefined, private readonly now: () => number = Date.now) {
    this.state = initialLimiter(fixed);
    this.peak = this.state.limit;
    this.interval.started = now();
  }

  get limit(): number {
    return this.fixed ?? this.state.limit;
  }

  /** A batch is about to start; `waited`: every slot was busy. */
  started(waited: boolean): void {
    this.interval.starts++;
    if (waited) this.interval.waited++;
  }

  /**
   * Any request of the job was throttled or left entries unprocessed. Heard at once: under
   * heavy throttling batches finish too rarely to wait for them.
   */
  throttled(): void {
    this.interval.throttled = true;
    this.evaluate();
  }

  finished(items: number, latencyMs: number): void {
    const i = this.interval;
    i.items += items;
    i.batches++;
    i.latencyMs += latencyMs;
    this.evaluate();
  }

  private evaluate(): void {
    const i = this.interval;
    const elapsed = this.now() - i.started;
    if (this.fixed !== undefined || elapsed < INTERVAL_MS || (i.batches < MIN_BATCHES && !i.throttled)) return;
    this.state = nextLimit(this.state, {
      throughput: i.items / (elapsed / 1000),
      latencyMs: i.batches > 0 ? i.latencyMs / i.batches : 0,
      throttled: i.throttled,
      saturated: i.waited * 2 >= i.starts,
    });
    this.peak = Math.max(this.peak, this.state.limit);
    this.interval = { started: this.now(), items: 0, batches: 0, latencyMs: 0, throttled: false, starts: 0, waited: 0 };
  }

  report(): ConcurrencyReport {
    return { mode: this.fixed === undefined ? 'adaptive' : 'fixed', current: this.limit, peak: this.peak };
  }
}
