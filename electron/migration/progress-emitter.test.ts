import { describe, expect, it } from 'vitest';
import { ProgressEmitter } from './progress-emitter';

describe('the progress emitter', () => {
  it('keeps sending to the other listeners when one throws', () => {
    const emitter = new ProgressEmitter(0, 0);
    const seen: number[] = [];
    emitter.onProgress(() => { throw new Error('closed window'); });
    emitter.onProgress((p) => seen.push(p));
    emitter.update(1);
    emitter.update(2, true);
    expect(seen).toEqual([1, 2]);
  });

  it('throttles updates to its interval, the latest winning, and sends a final one at once', async () => {
    const emitter = new ProgressEmitter(0, 50);
    const seen: number[] = [];
    emitter.onProgress((p) => seen.push(p));
    emitter.update(1);
    emitter.update(2);
    emitter.update(3);
    expect(seen).toEqual([1]);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(seen).toEqual([1, 3]);
    emitter.update(4, true);
    expect(seen).toEqual([1, 3, 4]);
  });
});
