import { randomUUID } from 'node:crypto';
import type { Document } from '../database-adapter';

/** How many sorted results are kept, and for how long: enough for "Load more" in a few tabs. */
const MAX_SNAPSHOTS = 4;
const SNAPSHOT_TTL_MS = 10 * 60_000;

/**
 * The sorted result of a full read, kept so that later pages are sliced from it instead of
 * reading the whole table again (a second full Scan per "Load more" would cost the whole table
 * each time). An expired snapshot is read again: the cursor then still works, at full cost.
 */
export class SortedSnapshots {
  private readonly entries = new Map<string, { items: Document[]; expires: number }>();

  add(items: Document[]): string {
    const now = Date.now();
    for (const [id, entry] of this.entries) if (entry.expires <= now) this.entries.delete(id);
    while (this.entries.size >= MAX_SNAPSHOTS) this.entries.delete(this.entries.keys().next().value!);
    const id = randomUUID();
    this.entries.set(id, { items, expires: now + SNAPSHOT_TTL_MS });
    return id;
  }

  get(id: string | undefined): Document[] | undefined {
    const entry = id === undefined ? undefined : this.entries.get(id);
    return entry && entry.expires > Date.now() ? entry.items : undefined;
  }
}
