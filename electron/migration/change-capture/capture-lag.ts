import type { ErrorCode } from '../../../shared/errors';
import type { OplogChange } from '../../adapters/mongodb/oplog';

export interface CollectionLag {
  collection: string;
  /** Changes read from the oplog and not applied yet. */
  pending: number;
  /** Age of the oldest change not applied yet; 0 when none is waiting. */
  secondsBehind: number;
  applied: number;
}

export interface CaptureStatus {
  state: 'starting' | 'catching-up' | 'in-sync' | 'stopped' | 'failed';
  secondsBehind: number;
  pending: number;
  applied: number;
  failed: number;
  /** The saved position as `seconds.increment` of the oplog Timestamp. */
  position: string;
  collections: CollectionLag[];
  error?: { code: ErrorCode; message: string };
}

/** Lag under this many seconds, with nothing more waiting in the oplog, is "in sync". */
export const IN_SYNC_SECONDS = 2;

/** Per collection: what is waiting, since when, and what was applied. */
export class LagTracker {
  private readonly waiting = new Map<string, { count: number; oldest: number }>();
  private readonly applied = new Map<string, number>();
  /** The last read filled its limit (more changes wait than are counted), or nothing was read yet. */
  private more = true;

  constructor(private readonly collections: readonly string[]) {}

  read(changes: OplogChange[], more: boolean): void {
    this.more = more;
    this.waiting.clear();
    for (const change of changes) {
      const entry = this.waiting.get(change.collection);
      if (entry) {
        entry.count++;
        entry.oldest = Math.min(entry.oldest, change.at);
      } else this.waiting.set(change.collection, { count: 1, oldest: change.at });
    }
  }

  done(changes: OplogChange[]): void {
    for (const change of changes) this.applied.set(change.collection, (this.applied.get(change.collection) ?? 0) + 1);
    this.waiting.clear();
  }

  status(now = Date.now()): Pick<CaptureStatus, 'secondsBehind' | 'pending' | 'applied' | 'collections'> & { inSync: boolean } {
    const collections = this.collections.map((collection) => {
      const waiting = this.waiting.get(collection);
      return { collection, pending: waiting?.count ?? 0, secondsBehind: waiting ? Math.max(0, (now - waiting.oldest) / 1000) : 0, applied: this.applied.get(collection) ?? 0 };
    });
    const secondsBehind = Math.max(0, ...collections.map((c) => c.secondsBehind));
    return {
      collections,
      secondsBehind,
      pending: collections.reduce((sum, c) => sum + c.pending, 0),
      applied: collections.reduce((sum, c) => sum + c.applied, 0),
      inSync: !this.more && secondsBehind < IN_SYNC_SECONDS,
    };
  }
}
