import { describe, expect, it } from 'vitest';
import { InFlightWindow } from './in-flight-window';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('InFlightWindow', () => {
  it('never runs more than the limit at once', async () => {
    const window = new InFlightWindow(() => 3);
    let running = 0;
    let peak = 0;
    for (let i = 0; i < 20; i++) {
      await window.start([`k${i}`], async () => {
        peak = Math.max(peak, ++running);
        await new Promise((r) => setTimeout(r, 2));
        running--;
      });
    }
    await window.drain();
    expect(peak).toBe(3);
  });

  it('starts a batch holding a key only after the running batch with that key is done', async () => {
    const window = new InFlightWindow(() => 4);
    const order: string[] = [];
    const first = deferred();
    await window.start(['a', 'b'], async () => {
      await first.promise;
      order.push('first');
    });
    const second = window.start(['c', 'a'], async () => { order.push('second'); });
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual([]);
    first.resolve();
    await second;
    await window.drain();
    expect(order).toEqual(['first', 'second']);
  });

  it('rethrows a task failure on the next start or drain', async () => {
    const window = new InFlightWindow(() => 2);
    await window.start(['a'], async () => { throw new Error('unreachable'); });
    await expect(window.drain()).rejects.toThrow('unreachable');
    await expect(window.start(['b'], async () => {})).rejects.toThrow('unreachable');
  });
});
