import { describe, expect, it } from 'vitest';
import { initialLimiter, LIMIT_RANGE, nextLimit, type LimiterSample, type LimiterState } from './concurrency-limit';

const steady: LimiterSample = { throughput: 1000, latencyMs: 20, throttled: false, saturated: true };
/** Throughput that grows with the limit, as it does below the target's limit. */
const growing = (limit: number): LimiterSample => ({ ...steady, throughput: limit * 1000 });

/** Feeds `samples(limit)` interval after interval, as the job would. */
function run(state: LimiterState, intervals: number, samples: (limit: number) => LimiterSample): LimiterState {
  for (let i = 0; i < intervals; i++) state = nextLimit(state, samples(state.limit));
  return state;
}

describe('nextLimit', () => {
  it('doubles while the window is full and latency holds, then grows one at a time after a sign of a limit', () => {
    let state = initialLimiter(4);
    state = nextLimit(state, growing(4));
    expect(state.limit).toBe(8);
    state = nextLimit(state, { ...growing(8), latencyMs: 50 });
    expect(state).toMatchObject({ limit: 7, slowStart: false });
    state = nextLimit(state, { ...growing(7), throughput: 9000 });
    expect(state.limit).toBe(8);
  });

  it('halves on throttling, down to one', () => {
    let state = nextLimit(initialLimiter(16), { ...steady, throttled: true });
    expect(state).toMatchObject({ limit: 8, slowStart: false });
    state = run(state, 5, () => ({ ...steady, throttled: true }));
    expect(state.limit).toBe(LIMIT_RANGE.min);
  });

  it('holds when the reader, not the window, is the limit, and when more in flight bought nothing; probes again later', () => {
    expect(nextLimit(initialLimiter(4), { ...steady, saturated: false }).limit).toBe(4);
    let state = nextLimit(initialLimiter(4), steady);
    const limits = [];
    for (let i = 0; i < 5; i++) limits.push((state = nextLimit(state, steady)).limit);
    expect(limits).toEqual([8, 8, 8, 8, 9]);
  });

  it('settles where latency starts to queue: a target that serves 10 batches at once at 20 ms', () => {
    // Past 10 in flight, batches wait their turn: latency grows with the limit.
    const target = (limit: number): LimiterSample => ({ throughput: Math.min(limit, 10) * 25 / 0.02, latencyMs: 20 * Math.max(1, limit / 10), throttled: false, saturated: true });
    // Latency may double before it steps down (the tolerance), so it settles between 10 and about 20.
    let state = run(initialLimiter(), 30, target);
    const seen = [];
    for (let i = 0; i < 30; i++) seen.push((state = nextLimit(state, target(state.limit))).limit);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...seen)).toBeLessThanOrEqual(22);
  });

  it('never leaves its range', () => {
    expect(run(initialLimiter(), 50, growing).limit).toBe(LIMIT_RANGE.max);
    expect(initialLimiter(100).limit).toBe(LIMIT_RANGE.max);
  });
});
