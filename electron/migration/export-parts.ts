/** Uncompressed DynamoDB JSON per part unless told otherwise: about 10-20 MB once gzipped. */
export const DEFAULT_PART_BYTES = 128 * 1024 * 1024;

/** `alerts/part-00007.json.gz` under the export's prefix: one folder per collection, for ImportTable's key prefix. */
export function partKey(prefix: string, collection: string, index: number): string {
  return `${collectionPrefix(prefix, collection)}part-${String(index).padStart(5, '0')}.json.gz`;
}

/** The trailing slash keeps `alerts/` from also matching a collection named `alerts_x`. */
export function collectionPrefix(prefix: string, collection: string): string {
  const base = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
  return `${base}${collection}/`;
}

/**
 * Where a part ends: after the line that brings it to `partBytes` (uncompressed) or more. A
 * line is never split, so a part exceeds the size by less than one item (400 KB at most).
 * Deterministic: the same documents after the same `_id` give the same parts, so a resumed
 * export rebuilds exactly the parts it had not finished.
 */
export class PartSplitter {
  private bytes = 0;
  private lines = 0;

  constructor(readonly partBytes: number) {
    if (!(partBytes >= 1)) throw new RangeError(`part size must be at least 1 byte, not ${partBytes}`);
  }

  /** Adds a line; true when the part is full with it and must be closed. */
  add(lineBytes: number): boolean {
    this.bytes += lineBytes;
    this.lines++;
    if (this.bytes < this.partBytes) return false;
    this.bytes = 0;
    this.lines = 0;
    return true;
  }

  /** Lines added since the last full part: an unfinished last part when non-zero. */
  get pending(): number {
    return this.lines;
  }
}
