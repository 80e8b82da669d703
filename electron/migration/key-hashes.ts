/** Two independent 32-bit FNV-1a style hashes of a string's UTF-16 code units: 64 bits in all. */
function hash64(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  // Zero marks an empty slot.
  return [(a >>> 0) || 1, b >>> 0];
}

/**
 * How often each key has been seen, in 9 bytes per slot instead of a Set of strings: a
 * collection's keys are counted in a flat, small table (about 18 MB for a million keys) by their
 * 64-bit hashes. Two different keys share a hash with a chance of about 3 in 100 million at a
 * million keys, so callers that report a duplicate confirm it at the source.
 */
export class KeyHashes {
  private hi = new Uint32Array(1024);
  private lo = new Uint32Array(1024);
  private counts = new Uint8Array(1024);
  private size = 0;

  /** Counts one more occurrence; returns how many times the key has now been seen (capped at 255). */
  add(key: string): number {
    if ((this.size + 1) * 2 > this.hi.length) this.grow();
    const [h, l] = hash64(key);
    const slot = this.find(h, l);
    if (this.hi[slot] === 0) {
      this.hi[slot] = h;
      this.lo[slot] = l;
      this.size++;
    }
    if (this.counts[slot]! < 255) this.counts[slot]!++;
    return this.counts[slot]!;
  }

  /** How many times the key was added (0 when never). */
  count(key: string): number {
    const [h, l] = hash64(key);
    return this.counts[this.find(h, l)]!;
  }

  /** The slot holding (h, l), or the empty slot where it belongs (linear probing). */
  private find(h: number, l: number): number {
    const mask = this.hi.length - 1;
    let slot = (l ^ Math.imul(h, 0x9e3779b1)) & mask;
    while (this.hi[slot] !== 0 && (this.hi[slot] !== h || this.lo[slot] !== l)) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { hi, lo, counts } = this;
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(hi.length * 2);
    this.counts = new Uint8Array(hi.length * 2);
    for (let i = 0; i < hi.length; i++) {
      if (hi[i] === 0) continue;
      const slot = this.find(hi[i]!, lo[i]!);
      this.hi[slot] = hi[i]!;
      this.lo[slot] = lo[i]!;
      this.counts[slot] = counts[i]!;
    }
  }
}
