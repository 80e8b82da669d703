import { randomUUID } from 'node:crypto';
import type { ExportChunkOutput, ParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { csvRecords, jsonRecords } from '../../shared/export-format';
import type { DatabaseAdapter } from '../adapters/database-adapter';
import { toWireValue } from '../adapters/wire-value';

type StartInput = ParsedInput<'export.start'>;

interface Session {
  adapter: DatabaseAdapter;
  input: StartInput;
  sort: StartInput['sort'];
  cursor?: string;
  columns: string[];
  exported: number;
  pages: number;
  done: boolean;
  lastUsed: number;
}

/** Documents per `export.next`: one page in memory at a time, whatever the result's size. */
export const EXPORT_PAGE_SIZE = 1000;
// An export the renderer stopped asking for (tab closed) is dropped after this long.
const IDLE_MS = 10 * 60_000;
const MAX_SESSIONS = 8;

/**
 * Exports of whole results, pulled by the renderer one page at a time (export.next), so the main
 * process holds one page however large the result, and cancelling is simply not asking again
 * (export.cancel frees the session at once).
 */
export class ExportSessions {
  private readonly sessions = new Map<string, Session>();

  async start(adapter: DatabaseAdapter, input: StartInput): Promise<{ exportId: string; notes: string[] }> {
    this.dropIdle();
    if (this.sessions.size >= MAX_SESSIONS) throw new AppError('CONFLICT', `${MAX_SESSIONS} exports are already running. Cancel one or wait for it to finish.`);
    const options = { ...(input.sort ? { sort: input.sort } : {}), ...(input.index ? { index: input.index } : {}) };
    const planned = await adapter.explain(input.collection, input.filter, options);
    const notes: string[] = [];
    let sort = input.sort;
    if (planned.backend === 'dynamodb' && planned.sortInMemory) {
      // Sorting would hold every match in memory and re-read the table for every page.
      sort = undefined;
      notes.push(`Exported in the order DynamoDB returns the items, not sorted by ${planned.sortInMemory.map(([f]) => f).join(', ')}: no index gives that order, and sorting would need the whole result in memory.`);
    }
    const exportId = randomUUID();
    this.sessions.set(exportId, { adapter, input, sort, columns: [], exported: 0, pages: 0, done: false, lastUsed: Date.now() });
    return { exportId, notes };
  }

  async next(exportId: string): Promise<ExportChunkOutput> {
    const session = this.session(exportId);
    session.lastUsed = Date.now();
    const { input } = session;
    if (session.done) return this.output(session, [], undefined);
    const page = await session.adapter.find(input.collection, input.filter, {
      limit: EXPORT_PAGE_SIZE,
      ...(session.sort ? { sort: session.sort } : {}),
      ...(input.projection ? { projection: input.projection } : {}),
      ...(input.index ? { index: input.index } : {}),
      ...(session.cursor ? { cursor: session.cursor } : {}),
    });
    const documents = page.documents.map((d) => toWireValue(d) as Record<string, unknown>);
    const records = input.format === 'csv' ? csvRecords(documents, session.columns) : jsonRecords(documents, input.format);
    session.cursor = page.nextCursor;
    session.done = !page.nextCursor;
    session.exported += documents.length;
    session.pages += 1;
    const output = this.output(session, records, page.plan);
    if (session.done) this.sessions.delete(exportId);
    return output;
  }

  cancel(exportId: string): boolean {
    return this.sessions.delete(exportId);
  }

  private output(session: Session, records: string[], plan: ExportChunkOutput['plan']): ExportChunkOutput {
    const csv = session.input.format === 'csv' ? { columns: [...session.columns], width: session.columns.length } : {};
    return { records, ...csv, exported: session.exported, pages: session.pages, done: session.done, ...(plan ? { plan } : {}) };
  }

  private session(exportId: string): Session {
    const found = this.sessions.get(exportId);
    if (!found) throw new AppError('NOT_FOUND', 'This export is no longer running (it was cancelled, finished, or left idle for 10 minutes). Start it again.');
    return found;
  }

  private dropIdle(): void {
    const now = Date.now();
    for (const [id, session] of this.sessions) if (now - session.lastUsed > IDLE_MS) this.sessions.delete(id);
  }
}
