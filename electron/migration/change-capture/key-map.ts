import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { documentKey } from '../convert-document';
import { serializeId } from '../../adapters/mongodb/read-documents';

const FILE = 'cdc-keys.jsonl';

/**
 * Where a deleted document's item is. An oplog delete names only `_id`, but the item's key is the
 * document's `id` when it has one: the map keeps `_id → key` for every document whose key is not
 * the string of its `_id` (in Alert Whisperer data, all of them: `id` is a UUID). It is filled from
 * the source before the full load (only `_id` and `id` are read) and by every applied change,
 * and kept as an append-only file (one `[collection, _id, key | null]` line each) flushed to disk
 * before the oplog position that needs it is saved. Memory: about 150 bytes a document.
 */
export class KeyMap {
  private readonly keys = new Map<string, string>();
  private pending: string[] = [];
  private readonly fd: number;

  constructor(stateDir: string, fresh: boolean) {
    const path = join(stateDir, FILE);
    if (!fresh) this.replay(path);
    this.fd = openSync(path, fresh ? 'w' : 'a');
  }

  private replay(path: string): void {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return;
    }
    for (const line of text.split('\n')) {
      let entry: [string, string, string | null];
      // A kill mid-write leaves at most the last line cut short; its position was not saved.
      try { entry = JSON.parse(line) as typeof entry; } catch { continue; }
      if (entry[2] === null) this.keys.delete(`${entry[0]}\0${entry[1]}`);
      else this.keys.set(`${entry[0]}\0${entry[1]}`, entry[2]);
    }
  }

  /** The item key of a document with this `_id`, as far as known. */
  keyOf(collection: string, id: unknown): string {
    return this.keys.get(`${collection}\0${serializeId(id)}`) ?? documentKey({ _id: id }).key;
  }

  /**
   * Records a document's key; returns the key it had before when that differs (its old item must
   * go). A document first seen by its insert had no item before, whatever its `_id`.
   */
  remember(collection: string, id: unknown, key: string, inserted = false): string | undefined {
    const idText = serializeId(id);
    const mapped = this.keys.get(`${collection}\0${idText}`);
    const before = mapped ?? documentKey({ _id: id }).key;
    if (before === key) return undefined;
    if (key === documentKey({ _id: id }).key) this.forget(collection, id);
    else {
      this.keys.set(`${collection}\0${idText}`, key);
      this.pending.push(JSON.stringify([collection, idText, key]));
    }
    return mapped === undefined && inserted ? undefined : before;
  }

  forget(collection: string, id: unknown): void {
    const idText = serializeId(id);
    if (this.keys.delete(`${collection}\0${idText}`)) this.pending.push(JSON.stringify([collection, idText, null]));
  }

  /** Writes what was recorded since the last flush and flushes it to disk. */
  flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.fd, `${this.pending.join('\n')}\n`);
    this.pending = [];
    fsyncSync(this.fd);
  }

  close(): void {
    try { this.flush(); } finally { closeSync(this.fd); }
  }
}
