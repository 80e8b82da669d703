import { describe, expect, it } from 'vitest';
import { BatchSlots } from './batch-slots';
import { InFlightWindow } from './in-flight-window';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('BatchSlots shared by several windows', () => {
  it('caps the batches of all windows together, and every window gets its turn', async () => {
    const slots = new BatchSlots(() => 3);
    let running = 0;
    let peak = 0;
    const done: Record<string, number> = { a: 0, b: 0, c: 0 };
    const copy = async (name: string) => {
      const window = new InFlightWindow(slots);
      for (let i = 0; i < 10; i++) {
        await window.start([`k${i}`], async () => {
          peak = Math.max(peak, ++running);
          await pause(2);
          running--;
          done[name]!++;
        });
      }
      await window.drain();
    };
    const copies = Promise.all(['a', 'b', 'c'].map(copy));
    await pause(15);
    // First come first served: no window waits for another to finish before it gets a slot.
    expect(Object.values(done).every((n) => n > 0)).toBe(true);
    await copies;
    expect(peak).toBe(3);
    expect(slots.busy).toBe(0);
  });

  it('grants waiting batches as soon as the limit grows and a slot comes back', async () => {
    let limit = 1;
    const slots = new BatchSlots(() => limit);
    await slots.acquire();
    const granted: number[] = [];
    const waiters = [1, 2].map((n) => slots.acquire().then(() => granted.push(n)));
    expect(slots.full).toBe(true);
    limit = 3;
    slots.release();
    await Promise.all(waiters);
    expect(granted).toEqual([1, 2]);
    expect(slots.busy).toBe(2);
  });
});
