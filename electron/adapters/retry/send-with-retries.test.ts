import { describe, expect, it } from 'vitest';
import type { RetryPolicy } from './backoff';
import { sendWithRetries } from './send-with-retries';

const FAST: RetryPolicy = { baseMs: 1, capMs: 4, throttleRetries: 3, transientRetries: 2 };
const throttled = () => Object.assign(new Error('Rate exceeded'), { name: 'ProvisionedThroughputExceededException' });
const serverError = () => Object.assign(new Error('Internal'), { name: 'InternalServerError', $fault: 'server' });

describe('sendWithRetries', () => {
  it('keeps retrying while each attempt gets something through, however long that takes', async () => {
    let heard = 0;
    // One entry per attempt, then a throttle, and again: far more attempts than the budget of 3.
    let attempts = 0;
    const outcome = await sendWithRetries([1, 2, 3, 4, 5, 6, 7, 8], async (pending) => {
      if (attempts++ % 2 === 1) throw throttled();
      return pending.slice(1);
    }, { policy: { ...FAST, throttleRetries: 1 }, onThrottled: () => heard++ });
    expect(outcome.left).toEqual([]);
    expect(attempts).toBeGreaterThan(10);
    expect(heard).toBeGreaterThan(5);
  });

  it('returns what is left, with the reason, when throttling outlasts the budget', async () => {
    let attempts = 0;
    const outcome = await sendWithRetries(['a', 'b'], async () => { attempts++; throw throttled(); }, { policy: FAST });
    expect(outcome.left).toEqual(['a', 'b']);
    expect(outcome.reason).toMatch(/throttled after 3 retries/);
    expect(attempts).toBe(FAST.throttleRetries + 1);
  });

  it('retries 5xx on its own short budget, then throws; other errors at once', async () => {
    let attempts = 0;
    await expect(sendWithRetries(['a'], async () => { attempts++; throw serverError(); }, { policy: FAST })).rejects.toMatchObject({ name: 'InternalServerError' });
    expect(attempts).toBe(FAST.transientRetries + 1);
    attempts = 0;
    await expect(sendWithRetries(['a'], async () => { attempts++; throw new Error('ValidationException'); }, { policy: FAST })).rejects.toThrow('ValidationException');
    expect(attempts).toBe(1);
  });

  it('a cancel ends a long backoff sleep at once', async () => {
    const aborter = new AbortController();
    const started = performance.now();
    setTimeout(() => aborter.abort(), 50);
    const sending = sendWithRetries(['a'], async () => { throw throttled(); }, { policy: { ...FAST, baseMs: 60_000, capMs: 60_000 }, signal: aborter.signal });
    await expect(sending).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a pause interrupts the attempt in flight and sends it again after resume, costing no retry', async () => {
    let pauser = new AbortController();
    let resume!: () => void;
    let paused: Promise<void> | undefined;
    const sent: number[] = [];
    const outcome = await sendWithRetries(['a'], (pending, signal) => {
      sent.push(Date.now());
      if (sent.length > 1) return Promise.resolve([]);
      // The first attempt hangs until the pause aborts it.
      return new Promise<string[]>((_, reject) => {
        signal!.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })));
        paused = new Promise((r) => { resume = r; });
        pauser.abort();
        setTimeout(() => { pauser = new AbortController(); resume(); }, 30);
      });
    }, { policy: { ...FAST, throttleRetries: 0, transientRetries: 0 }, signal: new AbortController().signal, attemptSignal: () => pauser.signal, waitIfPaused: () => paused ?? Promise.resolve() });
    expect(outcome.left).toEqual([]);
    expect(sent).toHaveLength(2);
  });
});
