import { describe, expect, it } from 'vitest';
import { sleep } from './backoff';

describe('sleep', () => {
  it('ends at once with CANCELLED when the job is cancelled mid-wait', async () => {
    const aborter = new AbortController();
    const started = performance.now();
    const waiting = sleep(10_000, aborter.signal);
    setTimeout(() => aborter.abort(), 20);
    await expect(waiting).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('does not start when already cancelled, and waits normally otherwise', async () => {
    const aborter = new AbortController();
    aborter.abort();
    await expect(sleep(10_000, aborter.signal)).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(sleep(5, new AbortController().signal)).resolves.toBeUndefined();
  });
});
