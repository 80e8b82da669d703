/**
 * The adaptive number of batches in flight: AIMD with a latency gradient, as a pure function of
 * one measured interval, so it can be tested without a database.
 *
 * - Throttled in the interval: halve (multiplicative decrease; DynamoDB asked us to slow down).
 * - Latency above twice the lowest seen: the target (or this machine's CPU) queues what we send,
 *   more in flight only adds waiting: step down by an eighth.
 * - The window was full (the reader waited for a slot) and throughput grew with the last step:
 *   grow, doubling until the first sign of a limit (slow start), then one at a time (additive
 *   increase).
 * - Otherwise hold: the reader, not the window, is the limit, or more in flight bought nothing.
 *   After a few holds, probe one step up anyway, so a faster target is noticed.
 */
export interface LimiterState {
  limit: number;
  /** Doubling until the first throttle or latency rise. */
  slowStart: boolean;
  /**
   * The lowest average batch latency seen in the job. It never drifts up: a drifting base is
   * relearned from queued latencies and lets the limit creep up past the knee.
   */
  baseLatencyMs?: number;
  lastThroughput?: number;
  /** Intervals held since the last change. */
  holds: number;
}

export interface LimiterSample {
  /** Items written per second in the interval. */
  throughput: number;
  /** Average time of one batch request (with its retries) in the interval. */
  latencyMs: number;
  throttled: boolean;
  /** At least half the batches started in the interval had to wait for a free slot. */
  saturated: boolean;
}

export const LIMIT_RANGE = { min: 1, max: 32 } as const;
export const INITIAL_LIMIT = 4;
const LATENCY_TOLERANCE = 2;
/** Throughput above this share of the last interval's counts as growth, not noise. */
const GROWTH = 1.03;
const PROBE_AFTER_HOLDS = 4;

const clamp = (limit: number) => Math.max(LIMIT_RANGE.min, Math.min(LIMIT_RANGE.max, Math.round(limit)));

export function initialLimiter(limit = INITIAL_LIMIT): LimiterState {
  return { limit: clamp(limit), slowStart: true, holds: 0 };
}

export function nextLimit(state: LimiterState, sample: LimiterSample): LimiterState {
  if (sample.throttled) {
    // The previous throughput was measured at a rate the table refused: forget it.
    return { limit: clamp(Math.floor(state.limit / 2)), slowStart: false, holds: 0, ...(state.baseLatencyMs === undefined ? {} : { baseLatencyMs: state.baseLatencyMs }) };
  }
  const baseLatencyMs = Math.min(sample.latencyMs, state.baseLatencyMs ?? sample.latencyMs);
  const next = { ...state, baseLatencyMs, lastThroughput: sample.throughput, holds: 0 };
  if (sample.latencyMs > baseLatencyMs * LATENCY_TOLERANCE) {
    return { ...next, slowStart: false, limit: clamp(state.limit - Math.max(1, Math.floor(state.limit / 8))) };
  }
  const grew = state.lastThroughput === undefined || sample.throughput >= state.lastThroughput * GROWTH;
  if (!sample.saturated || !(grew || state.holds >= PROBE_AFTER_HOLDS)) return { ...next, holds: state.holds + 1 };
  return { ...next, limit: clamp(state.slowStart && grew ? state.limit * 2 : state.limit + 1) };
}
