import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectionPrefix, partKey, PartSplitter } from './export-parts';

/** The sizes of the parts a sequence of lines is split into. */
function split(partBytes: number, lines: number[]): number[][] {
  const splitter = new PartSplitter(partBytes);
  const parts: number[][] = [[]];
  for (const line of lines) {
    parts.at(-1)!.push(line);
    if (splitter.add(line)) parts.push([]);
  }
  return parts.at(-1)!.length === 0 ? parts.slice(0, -1) : parts;
}

describe('PartSplitter', () => {
  it('closes a part at the line that reaches the size, never splitting a line', () => {
    expect(split(100, [40, 40, 40, 40, 40])).toEqual([[40, 40, 40], [40, 40]]);
    expect(split(100, [100, 1, 99, 250])).toEqual([[100], [1, 99], [250]]);
  });

  it('keeps every line, in order; each closed part reaches the size and is under it before its last line', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5000 }), fc.array(fc.integer({ min: 1, max: 2000 }), { maxLength: 300 }), (size, lines) => {
      const parts = split(size, lines);
      expect(parts.flat()).toEqual(lines);
      for (const [i, part] of parts.entries()) {
        const total = part.reduce((a, b) => a + b, 0);
        if (i < parts.length - 1) expect(total).toBeGreaterThanOrEqual(size);
        expect(total - part.at(-1)!).toBeLessThan(size);
      }
    }));
  });

  it('splits the same lines the same way every time (a resume rebuilds the same parts)', () => {
    const lines = Array.from({ length: 500 }, (_, i) => 50 + ((i * 37) % 400));
    expect(split(4096, lines)).toEqual(split(4096, lines));
  });

  it('refuses a size below one byte', () => {
    expect(() => new PartSplitter(0)).toThrow(RangeError);
  });
});

describe('part keys', () => {
  it('puts each collection in a folder of its own, so one ImportTable prefix holds one collection', () => {
    expect(partKey('run1', 'alerts', 7)).toBe('run1/alerts/part-00007.json.gz');
    expect(partKey('', 'alerts', 0)).toBe('alerts/part-00000.json.gz');
    expect(collectionPrefix('a/b/', 'alerts')).toBe('a/b/alerts/');
    expect(partKey('x', 'alerts_x', 0).startsWith(collectionPrefix('x', 'alerts'))).toBe(false);
  });
});
