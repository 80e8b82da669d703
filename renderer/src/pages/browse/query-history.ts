import { z } from 'zod';

/**
 * Query history and saved queries, per backend and collection, kept in the renderer's
 * localStorage (this origin only). Only what the filter bar holds is stored: filters, sorts and
 * projections the user typed, never a connection or a secret.
 */
export const QueryDraftSchema = z.object({
  filter: z.string(),
  sortField: z.string(),
  sortDirection: z.union([z.literal(1), z.literal(-1)]),
  limit: z.number().int().positive(),
  projection: z.string(),
});
export type QueryDraft = z.infer<typeof QueryDraftSchema>;

const EntrySchema = z.object({ draft: QueryDraftSchema, at: z.string(), name: z.string().optional() });
export type QueryEntry = z.infer<typeof EntrySchema>;
const ListSchema = z.array(EntrySchema);

export const HISTORY_LIMIT = 20;
const key = (kind: 'history' | 'saved', backend: string, collection: string) => `awc.queries.${kind}.${backend}.${collection}`;
const same = (a: QueryDraft, b: QueryDraft) => JSON.stringify(a) === JSON.stringify(b);

/** A list from storage; anything unreadable (edited by hand, an older shape) reads as empty. */
function read(storage: Storage, name: string): QueryEntry[] {
  try {
    const parsed = ListSchema.safeParse(JSON.parse(storage.getItem(name) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

function write(storage: Storage, name: string, entries: QueryEntry[]): void {
  try {
    storage.setItem(name, JSON.stringify(entries));
  } catch {
    // A full or disabled storage loses the history, not the query.
  }
}

export class QueryStore {
  constructor(private readonly storage: Storage, private readonly backend: string, private readonly collection: string) {}

  history(): QueryEntry[] {
    return read(this.storage, key('history', this.backend, this.collection));
  }

  saved(): QueryEntry[] {
    return read(this.storage, key('saved', this.backend, this.collection));
  }

  /** Newest first; a query run again moves to the top instead of repeating. */
  remember(draft: QueryDraft, now = new Date()): void {
    const rest = this.history().filter((e) => !same(e.draft, draft));
    write(this.storage, key('history', this.backend, this.collection), [{ draft, at: now.toISOString() }, ...rest].slice(0, HISTORY_LIMIT));
  }

  /** Saving under an existing name replaces that query. */
  save(name: string, draft: QueryDraft, now = new Date()): void {
    const rest = this.saved().filter((e) => e.name !== name);
    write(this.storage, key('saved', this.backend, this.collection), [...rest, { name, draft, at: now.toISOString() }].sort((a, b) => a.name!.localeCompare(b.name!)));
  }

  remove(name: string): void {
    write(this.storage, key('saved', this.backend, this.collection), this.saved().filter((e) => e.name !== name));
  }
}

/** How a query reads in a list: the filter, then sort and projection when set. */
export function describeDraft(draft: QueryDraft): string {
  const parts = [draft.filter.trim() || '{}'];
  if (draft.sortField.trim()) parts.push(`sort ${draft.sortField.trim()} ${draft.sortDirection === 1 ? '↑' : '↓'}`);
  if (draft.projection.trim()) parts.push(`fields ${draft.projection.trim()}`);
  return parts.join(' · ');
}
