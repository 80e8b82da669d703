import { describe, expect, it } from 'vitest';
import { KeyHashes } from './key-hashes';

describe('KeyHashes', () => {
  it('counts each key, across growth, and knows keys it never saw', () => {
    const keys = new KeyHashes();
    for (let i = 0; i < 5000; i++) expect(keys.add(`alert-${i}`)).toBe(1);
    expect(keys.add('alert-17')).toBe(2);
    expect(keys.add('alert-17')).toBe(3);
    expect(keys.count('alert-4999')).toBe(1);
    expect(keys.count('alert-5000')).toBe(0);
    expect(keys.count('')).toBe(0);
    expect(keys.add('constructor')).toBe(1);
  });
});
