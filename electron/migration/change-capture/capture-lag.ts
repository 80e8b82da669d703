import type { CaptureStatus } from '../../../shared/cutover';
import type { OplogChange } from '../../adapters/mongodb/oplog';

export type { CaptureStatus, CollectionLag } from '../../../shared/cutover';

/** Lag under this many seconds, with nothing more waiting in the oplog, is "in sync" (unless the caller sets its own threshold). */
export const IN_SYNC_SECONDS = 2;

/**
 * Per collection: what is waiting, since when, and what was applied. Batches are read while the
 * one before is applied, so up to two wait at once: each is counted from its read to its apply.
 */
export class LagTracker {
  private batches: OplogChange[][] = [];
  private readonly applied = new Map<string, number>();
  /** The last read filled its limit (more changes wait than are counted), or nothing was read yet. */
  private more = true;

  constructor(private readonly collections: readonly string[], private readonly inSyncSeconds = IN_SYNC_SECONDS) {}

  read(changes: OplogChange[], more: boolean): void {
    this.more = more;
    if (changes.length > 0) this.batches.push(changes);
  }

  done(changes: OplogChange[]): void {
    for (const change of changes) this.applied.set(change.collection, (this.applied.get(change.collection) ?? 0) + 1);
    this.batches = this.batches.filter((batch) => batch !== changes);
  }

  private waiting(): Map<string, { count: number; oldest: number }> {
    const waiting = new Map<string, { count: number; oldest: number }>();
    for (const change of this.batches.flat()) {
      const entry = waiting.get(change.collection);
      if (entry) {
        entry.count++;
        entry.oldest = Math.min(entry.oldest, change.at);
      } else waiting.set(change.collection, { count: 1, oldest: change.at });
    }
    return waiting;
  }

  status(now = Date.now()): Pick<CaptureStatus, 'secondsBehind' | 'pending' | 'applied' | 'collections'> & { inSync: boolean } {
    const all = this.waiting();
    const collections = this.collections.map((collection) => {
      const waiting = all.get(collection);
      return { collection, pending: waiting?.count ?? 0, secondsBehind: waiting ? Math.max(0, (now - waiting.oldest) / 1000) : 0, applied: this.applied.get(collection) ?? 0 };
    });
    const secondsBehind = Math.max(0, ...collections.map((c) => c.secondsBehind));
    return {
      collections,
      secondsBehind,
      pending: collections.reduce((sum, c) => sum + c.pending, 0),
      applied: collections.reduce((sum, c) => sum + c.applied, 0),
      inSync: !this.more && secondsBehind < this.inSyncSeconds,
    };
  }
}
