import { randomUUID } from 'node:crypto';
import type { Document as BsonDocument, Sort as MongoSort } from 'mongodb';
import { z } from 'zod';
import { COLLECTION_NAMES } from '../../../shared/catalogue';
import type { CollectionDescription, CollectionInfo, PingResult, QueryPreview } from '../../../shared/database';
import { AppError } from '../../../shared/errors';
import type { PlannedRead } from '../../../shared/planned-read';
import type { Filter, FindOptions, Projection, Update } from '../../../shared/query';
import type { DatabaseAdapter, Document, FindPage } from '../database-adapter';
import { decodeCursor, encodeCursor } from '../page-cursor';
import { DEFAULT_PAGE_SIZE, checkFilter, checkFindOptions, checkProjection, checkUpdate } from '../validate-input';
import type { MongoHandle } from './connect';
import { translateMongoError } from './errors';
import { toMongoFilter } from './mongo-filter';

const CursorSchema = z.object({ skip: z.number().int().nonnegative() }).strict();

/** The name of the first index an explain()ed plan scans, if any. */
function indexInPlan(plan: unknown): string | undefined {
  if (typeof plan !== 'object' || plan === null) return undefined;
  const stage = plan as { stage?: string; indexName?: string };
  if (stage.stage === 'IXSCAN' && stage.indexName) return stage.indexName;
  for (const value of Object.values(plan)) {
    const found = indexInPlan(value);
    if (found) return found;
  }
  return undefined;
}

/**
 * The MongoDB side of the adapter API, on the official driver. Filters go to the server as
 * given, after the same validation the DynamoDB adapter applies, so the same operators are
 * refused on both. MongoDB is the reference for what every query returns.
 */
export class MongoDbAdapter implements DatabaseAdapter {
  readonly backend = 'mongodb' as const;
  /** FerretDB's explain() does not name indexes, so plans on it skip that round trip. */
  private ferretDb: boolean | undefined;

  constructor(private readonly handle: MongoHandle) {}

  private collection(name: string) {
    if (!/^[^$\0]+$/.test(name) || name.startsWith('system.')) throw new AppError('VALIDATION', `"${name}" is not a collection name.`, { collection: name });
    return this.handle.db.collection(name);
  }

  private async attempt<T>(collection: string | undefined, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw translateMongoError(error, { url: this.handle.config.url, ...(collection ? { collection } : {}) });
    }
  }

  private async buildInfo(): Promise<BsonDocument> {
    const info = await this.handle.db.admin().command({ buildInfo: 1 });
    this.ferretDb = typeof info.ferretdbVersion === 'string';
    return info;
  }

  async ping(): Promise<PingResult> {
    return this.attempt(undefined, async () => {
      const started = performance.now();
      await this.handle.db.admin().command({ ping: 1 });
      const latencyMs = performance.now() - started;
      const info = await this.buildInfo();
      const serverVersion = this.ferretDb ? `FerretDB ${String(info.ferretdbVersion)} (MongoDB ${String(info.version)} compatible)` : `MongoDB ${String(info.version)}`;
      return { latencyMs, serverVersion };
    });
  }

  async insertOne(collection: string, document: Document): Promise<string> {
    const id = document.id ?? randomUUID();
    if (typeof id !== 'string' || id === '') throw new AppError('VALIDATION', `The id of a document must be a non-empty string, got ${JSON.stringify(id)}.`, { collection });
    await this.attempt(collection, () => this.collection(collection).insertOne({ ...document, id }));
    return id;
  }

  async findOne(collection: string, wireFilter: Filter, projection?: Projection): Promise<Document | null> {
    const filter = toMongoFilter(checkFilter(wireFilter));
    const fields = projection === undefined ? undefined : checkProjection(projection);
    return this.attempt(collection, () => this.collection(collection).findOne(filter, fields ? { projection: fields } : {}));
  }

  /** MongoDB reads a page at a time whatever the filter and sort: nothing to warn about ahead. */
  async preview(collection: string, filter: Filter, options?: FindOptions): Promise<QueryPreview> {
    checkFilter(filter);
    checkFindOptions(options);
    return { backend: 'mongodb', operation: 'Find', target: collection, fullRead: false, reasons: [] };
  }

  async find(collection: string, wireFilter: Filter, options?: FindOptions): Promise<FindPage> {
    const filter = toMongoFilter(checkFilter(wireFilter));
    const { projection, sort = [], limit = DEFAULT_PAGE_SIZE, cursor, index: picked } = checkFindOptions(options);
    const skip = cursor === undefined ? 0 : decodeCursor(cursor, CursorSchema).skip;
    // Ties are broken by _id so that skip-based pages neither repeat nor lose documents.
    const order: MongoSort | undefined = sort.length > 0 ? [...sort, ...(sort.some(([f]) => f === '_id') ? [] : [['_id', 1] as [string, 1]])] : undefined;
    const query = () => this.collection(collection).find(filter, { ...(projection ? { projection } : {}), ...(order ? { sort: order } : {}), skip, limit: limit + 1 });
    return this.attempt(collection, async () => {
      const [documents, index] = await Promise.all([query().toArray(), this.indexUsed(query)]);
      const more = documents.length > limit;
      if (more) documents.pop();
      return {
        documents,
        ...(more ? { nextCursor: encodeCursor({ skip: skip + limit }) } : {}),
        plan: {
          backend: 'mongodb', operation: 'Find', target: collection, ...(index ? { index } : {}),
          itemsReturned: documents.length, fullRead: false,
          notes: [
            ...(this.ferretDb ? ['FerretDB v1 does not report which index a query uses'] : []),
            // The pick names DynamoDB's indexes; MongoDB's own planner chooses among its indexes.
            ...(picked !== undefined ? [`index ${picked} ignored: the index choice applies to DynamoDB only`] : []),
          ],
        },
      };
    });
  }

  async explain(collection: string, filter: Filter, options?: FindOptions): Promise<PlannedRead> {
    checkFilter(filter);
    this.collection(collection);
    const { projection, sort, limit } = checkFindOptions(options);
    return { backend: 'mongodb', collection, filter, ...(sort?.length ? { sort } : {}), ...(projection ? { projection } : {}), ...(limit ? { limit } : {}) };
  }

  private async indexUsed(query: () => { explain(verbosity: 'queryPlanner'): Promise<BsonDocument> }): Promise<string | undefined> {
    if (this.ferretDb === undefined) await this.buildInfo();
    if (this.ferretDb) return undefined;
    return indexInPlan((await query().explain('queryPlanner')).queryPlanner);
  }

  async updateOne(collection: string, wireFilter: Filter, update: Update): Promise<number> {
    const filter = toMongoFilter(checkFilter(wireFilter));
    const changes = checkUpdate(update);
    return this.attempt(collection, async () => (await this.collection(collection).updateOne(filter, changes)).modifiedCount);
  }

  async deleteOne(collection: string, wireFilter: Filter): Promise<number> {
    const filter = toMongoFilter(checkFilter(wireFilter));
    return this.attempt(collection, async () => (await this.collection(collection).deleteOne(filter)).deletedCount);
  }

  async countDocuments(collection: string, wireFilter: Filter): Promise<number> {
    const filter = toMongoFilter(checkFilter(wireFilter));
    return this.attempt(collection, () => this.collection(collection).countDocuments(filter));
  }

  /** The catalogue's collections, then any others the database holds. */
  async listCollections(): Promise<CollectionInfo[]> {
    return this.attempt(undefined, async () => {
      const present = new Set((await this.handle.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
      const names = [...COLLECTION_NAMES, ...[...present].filter((n) => !COLLECTION_NAMES.includes(n) && !n.startsWith('system.')).sort()];
      return Promise.all(names.map(async (name): Promise<CollectionInfo> => {
        if (!present.has(name)) return { name, physicalName: name, exists: false, countIsEstimate: false };
        const stats = await this.handle.db.command({ collStats: name }).catch(() => undefined);
        if (stats) return { name, physicalName: name, exists: true, count: Number(stats.count), countIsEstimate: false, sizeBytes: Number(stats.size) };
        return { name, physicalName: name, exists: true, count: await this.collection(name).estimatedDocumentCount(), countIsEstimate: true };
      }));
    });
  }

  async describe(collection: string): Promise<CollectionDescription> {
    return this.attempt(collection, async () => {
      const indexes = await this.collection(collection).listIndexes().toArray();
      return {
        name: collection, physicalName: collection,
        primaryKey: [{ attribute: '_id', role: 'ASC' }],
        indexes: indexes.map((index) => ({
          name: String(index.name),
          keys: Object.entries(index.key as Record<string, unknown>).map(([attribute, direction]) => ({ attribute, role: direction === -1 ? 'DESC' as const : 'ASC' as const })),
          ...(index.unique ? { unique: true } : {}),
        })),
      };
    });
  }

  async close(): Promise<void> {
    await this.handle.client.close();
  }
}
