import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { COLLECTIONS, collectionSpec, tableName, type CollectionSpec } from '../../../shared/catalogue';
import type { CollectionDescription, CollectionInfo, PingResult, QueryPlan, QueryPreview } from '../../../shared/database';
import { AppError } from '../../../shared/errors';
import type { PlannedRead } from '../../../shared/planned-read';
import type { Filter, FindOptions, Projection, Update } from '../../../shared/query';
import type { DatabaseAdapter, Document, FindPage } from '../database-adapter';
import { decodeCursor, encodeCursor, foreignCursor } from '../page-cursor';
import { projectDocument } from '../project-document';
import { sortDocuments } from '../sort-documents';
import { DEFAULT_PAGE_SIZE, checkFilter, checkFindOptions, checkProjection, checkUpdate } from '../validate-input';
import { ExpressionBuilder, and, fitExpression, or, type Expression } from './build-expression';
import { allHazards } from './list-hazards';
import { matchesOrRefuse } from './match-item';
import type { DynamoClients } from './client';
import { translateDynamoError, unexpectedAnswer } from './errors';
import { toItemValue } from './item-value';
import { toItemCondition, type ItemCondition as Condition } from './item-scalar';
import { planQuery, type KeyCondition, type Plan } from './plan-query';
import { countItems, readAll, readPage, type ItemKey, type ReadRequest, type ReadStats } from './read-items';
import { expandItem } from './compressed-item';
import { withMovedFields } from './moved-field';
import { SortedSnapshots } from './sorted-snapshots';
import { describeTable } from './table-admin';
import { adaptToItem, buildUpdate, changes, operations, type UpdateParts } from './update-expression';

const CursorSchema = z.union([
  z.object({ after: z.record(z.string(), z.union([z.string(), z.number()])) }).strict(),
  z.object({ offset: z.number().int().nonnegative(), snapshot: z.string().max(100).optional() }).strict(),
]);

type Position = z.infer<typeof CursorSchema>;

/** A Scan reads 4 KB per read unit, half a unit when eventually consistent (the default). */
const SCAN_BYTES_PER_RCU = 8192;

/** A read the planner chose, ready to send: the request, plus how to page and describe it. */
interface PreparedRead {
  plan: Plan;
  table: string;
  request?: ReadRequest;
  /** The attributes that identify a position in what is read (the table key, plus the GSI's). */
  keyAttributes: string[];
  /**
   * Decides each item read: drops what the key condition admits beyond the filter (see
   * Plan.exclude) and what the FilterExpression could not say, and refuses an item whose
   * answer depends on a list (match-item.ts).
   */
  keep?: (item: Document) => boolean;
  /** False when the FilterExpression leaves part of the filter to `keep` (lists too long for 4 KB). */
  complete: boolean;
  /** Reads of exactly the excluded items, subtracted from a count. */
  excluded: (ReadRequest | undefined)[];
  /** Paths where a list would need MongoDB's array semantics (list-hazards.ts). */
  hazards: string[];
  /** The read restricted to items with such a list, to look for one before counting. */
  hazardous?: ReadRequest;
}

/** The filter checked, with its typed values as DynamoDB holds them (item-scalar.ts). */
const itemFilter = (filter: Filter): Condition => toItemCondition(checkFilter(filter));

function keyConditionExpression(key: KeyCondition, b: ExpressionBuilder): string {
  const parts = [`${b.path(key.partition.attribute)} = ${b.value(key.partition.value)}`];
  const range = key.range;
  if (range) {
    const path = b.path(range.attribute);
    if (range.op === 'between') parts.push(`${path} BETWEEN ${b.value(range.low)} AND ${b.value(range.high)}`);
    else if (range.op === 'begins_with') parts.push(`begins_with(${path}, ${b.value(range.value)})`);
    else parts.push(`${path} ${{ eq: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' }[range.op]} ${b.value(range.value)}`);
  }
  return parts.join(' AND ');
}

/**
 * The DynamoDB side of the adapter API. Every read goes through the planner (plan-query.ts);
 * every write is one conditional request; every SDK error is translated in `attempt`.
 */
export class DynamoDbAdapter implements DatabaseAdapter {
  readonly backend = 'dynamodb' as const;
  private readonly snapshots = new SortedSnapshots();

  constructor(private readonly clients: DynamoClients) {}

  private get prefix(): string {
    return this.clients.config.tablePrefix;
  }

  private spec(collection: string): CollectionSpec {
    const spec = collectionSpec(collection);
    if (!spec) throw new AppError('NOT_FOUND', `${collection} is not one of the Alert Whisperer collections (${COLLECTIONS.map((c) => c.name).join(', ')}).`, { collection });
    return spec;
  }

  private async attempt<T>(table: string | undefined, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw translateDynamoError(error, { where: this.clients.where, ...(table ? { table } : {}) });
    }
  }

  private prepare(collection: string, condition: Condition, sort: FindOptions['sort'] = [], picked?: string): PreparedRead {
    const spec = this.spec(collection);
    const table = tableName(spec.name, this.prefix);
    const plan = planQuery(condition, sort, spec, picked);
    if (plan.operation === 'GetItem') return { plan, table, keyAttributes: [spec.key.attribute], excluded: [], hazards: [], complete: true };
    const hazards = allHazards(plan.filter);
    const keyAttributes = [spec.key.attribute];
    const query = plan.operation === 'Query' ? plan : undefined;
    const matches = (item: Document) => matchesOrRefuse(plan.filter, item);
    const common = {
      plan, table, keyAttributes, hazards, keep: matches,
      complete: fitExpression(plan.filter, new ExpressionBuilder(), { admitListHazards: true }).complete,
      hazardous: hazards.length > 0 ? readRequest(table, query, query?.key, plan.filter, hazards) : undefined,
    };
    if (!query) return { ...common, request: readRequest(table, undefined, undefined, plan.filter), excluded: [] };
    const index = spec.indexes.find((i) => i.name === query.index);
    if (index) keyAttributes.push(...[index.partitionKey, ...(index.sortKey ? [index.sortKey] : [])].map((k) => k.attribute));
    const request = readRequest(table, query, query.key, query.filter);
    const rangeAttribute = query.key.range?.attribute;
    if (!rangeAttribute || query.exclude.length === 0) return { ...common, request, excluded: [] };
    return {
      ...common, request,
      keep: (item) => !query.exclude.some((value) => item[rangeAttribute] === value) && matches(item),
      excluded: query.exclude.map((value) => readRequest(table, query, { ...query.key, range: { attribute: rangeAttribute, op: 'eq', value } }, query.filter)),
    };
  }

  async ping(): Promise<PingResult> {
    const started = performance.now();
    const answer = await this.attempt(undefined, () => this.clients.client.send(new ListTablesCommand({ Limit: 1 })));
    // Anything that answers HTTP with JSON gets this far; only DynamoDB lists table names.
    if (!Array.isArray(answer.TableNames) || !answer.TableNames.every((t) => typeof t === 'string')) throw unexpectedAnswer(this.clients.where, 'ListTables');
    return { latencyMs: performance.now() - started, serverVersion: this.clients.config.endpoint ? `DynamoDB-compatible endpoint ${this.clients.config.endpoint}` : `Amazon DynamoDB (${this.clients.config.region})` };
  }

  async insertOne(collection: string, document: Document): Promise<string> {
    const spec = this.spec(collection);
    const table = tableName(spec.name, this.prefix);
    const id = document.id ?? randomUUID();
    if (typeof id !== 'string' || id === '') throw new AppError('VALIDATION', `The id of a document must be a non-empty string, got ${JSON.stringify(id)}.`, { collection });
    const item = toItemValue({ ...document, id }) as Document;
    await this.attempt(table, async () => {
      try {
        await this.clients.doc.send(new PutCommand({ TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(#id)', ExpressionAttributeNames: { '#id': spec.key.attribute } }));
      } catch (error) {
        if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
        throw new AppError('CONFLICT', `A document with id ${id} already exists in ${collection}.`, { collection, id });
      }
    });
    return id;
  }

  async findOne(collection: string, filter: Filter, projection?: Projection): Promise<Document | null> {
    const page = await this.find(collection, filter, { limit: 1, ...(projection ? { projection: checkProjection(projection) } : {}) });
    return page.documents[0] ?? null;
  }

  async find(collection: string, filter: Filter, options?: FindOptions, signal?: AbortSignal): Promise<FindPage> {
    const condition = itemFilter(filter);
    const { projection, sort = [], limit = DEFAULT_PAGE_SIZE, cursor, index } = checkFindOptions(options);
    const read = this.prepare(collection, condition, sort, index);
    const position = cursor === undefined ? undefined : decodeCursor(cursor, CursorSchema);
    const { documents, nextCursor, stats, fullRead, notes } = await this.attempt(read.table, () => this.readFor(read, sort, limit, position, signal));
    const plan = this.describePlan(read, stats, documents.length, fullRead);
    return {
      documents: documents.map((d) => projectDocument(d, projection)),
      ...(nextCursor ? { nextCursor } : {}),
      plan: { ...plan, notes: [...plan.notes, ...(notes ?? [])] },
    };
  }

  async explain(collection: string, filter: Filter, options?: FindOptions): Promise<PlannedRead> {
    const { sort = [], limit, index } = checkFindOptions(options);
    const read = this.prepare(collection, itemFilter(filter), sort, index);
    const { plan } = read;
    const common = { backend: 'dynamodb' as const, ...(limit ? { limit } : {}) };
    if (plan.operation === 'GetItem') return { ...common, operation: 'GetItem', params: { TableName: read.table, Key: { id: plan.id } }, notes: [] };
    if (!read.request) return { ...common, operation: 'None', params: { TableName: read.table }, notes: ['the filter can match nothing'] };
    const notes = [...plan.notes];
    if (plan.operation === 'Query' && plan.exclude.length > 0) notes.push(`the console then drops items whose ${plan.key.range?.attribute} equals a strict bound (${plan.exclude.join(', ')}): a key condition has no strict BETWEEN`);
    if (!read.complete) notes.push('the $in/$nin lists are too long for an expression: the console decides them on what the request returns');
    if (read.hazards.length > 0) notes.push(`the console refuses items where ${read.hazards.join(', ')} holds a list (MongoDB would look inside it)`);
    return { ...common, operation: read.request.operation, params: { ...read.request.input }, ...(plan.order === 'memory' ? { sortInMemory: sort } : {}), notes };
  }

  async preview(collection: string, filter: Filter, options?: FindOptions): Promise<QueryPreview> {
    const { sort = [], index } = checkFindOptions(options);
    const read = this.prepare(collection, itemFilter(filter), sort, index);
    const { plan } = read;
    const fullRead = plan.operation === 'Scan' && plan.order === 'memory' && read.request !== undefined;
    const base: QueryPreview = {
      backend: 'dynamodb', operation: plan.operation, target: read.table, fullRead, reasons: plan.notes,
      ...(plan.operation === 'Query' && plan.index ? { index: plan.index } : {}),
    };
    if (plan.operation !== 'Scan') return base;
    const table = await this.attempt(read.table, () => describeTable(this.clients, read.table));
    if (!table) return base;
    return { ...base, estimatedItems: table.ItemCount ?? 0, estimatedCapacity: Math.ceil((table.TableSizeBytes ?? 0) / SCAN_BYTES_PER_RCU) };
  }

  private async readFor(read: PreparedRead, sort: NonNullable<FindOptions['sort']>, limit: number, position: Position | undefined, signal?: AbortSignal) {
    const { plan, request } = read;
    const none = { documents: [] as Document[], stats: { scanned: 0, capacity: 0 }, fullRead: false, nextCursor: undefined as string | undefined, notes: undefined as string[] | undefined };
    if (plan.operation === 'GetItem') {
      if (position) return none;
      const response = await this.clients.doc.send(new GetCommand({ TableName: read.table, Key: { id: plan.id }, ReturnConsumedCapacity: 'TOTAL' }), { abortSignal: signal });
      const found = response.Item ? await withMovedFields(this.clients.doc, read.table, [expandItem(response.Item)], signal) : [];
      return { ...none, documents: found, stats: { scanned: found.length, capacity: response.ConsumedCapacity?.CapacityUnits ?? 0 } };
    }
    if (!request) return none;
    if (plan.order === 'memory') return this.readSorted(request, read.keep, sort, limit, position, signal);
    let startKey: ItemKey | undefined;
    if (position) {
      if (!('after' in position) || Object.keys(position.after).sort().join() !== [...read.keyAttributes].sort().join()) {
        throw foreignCursor();
      }
      startKey = position.after;
    }
    if (!position) await this.refuseListAnswers(read);
    const page = await readPage(this.clients.doc, request, limit, startKey, read.keyAttributes, read.keep, true, signal);
    return { ...none, documents: page.items, stats: page.stats, nextCursor: page.nextKey ? encodeCursor({ after: page.nextKey }) : undefined };
  }

  /**
   * A sort no index gives: every match is read and sorted once; later pages are sliced from
   * that sorted snapshot (no request, no capacity) while it is kept.
   */
  private async readSorted(request: ReadRequest, keep: PreparedRead['keep'], sort: NonNullable<FindOptions['sort']>, limit: number, position: Position | undefined, signal?: AbortSignal) {
    if (position && !('offset' in position)) throw foreignCursor();
    const offset = position?.offset ?? 0;
    const kept = this.snapshots.get(position?.snapshot);
    const fresh = kept ? undefined : await readAll(this.clients.doc, request, keep, signal);
    const items = kept ?? sortDocuments(fresh!.items, sort, 'id');
    const snapshot = kept ? position!.snapshot! : this.snapshots.add(items);
    const more = offset + limit < items.length;
    return {
      documents: items.slice(offset, offset + limit),
      stats: fresh?.stats ?? { scanned: 0, capacity: 0 },
      fullRead: !kept,
      nextCursor: more ? encodeCursor({ offset: offset + limit, snapshot }) : undefined,
      notes: kept ? ['this page comes from the sorted read of the first page: no request was sent'] : undefined,
    };
  }

  private describePlan(read: PreparedRead, stats: ReadStats, returned: number, fullRead: boolean): QueryPlan {
    const { plan } = read;
    const notes = [...plan.notes];
    if (plan.operation !== 'GetItem' && !read.request) notes.push('the filter can match nothing; no request was sent');
    if (!read.complete) notes.push('the $in/$nin lists are too long for a DynamoDB expression (4 KB): they are decided here on what the request returns');
    return {
      backend: 'dynamodb', operation: plan.operation, target: read.table,
      ...(plan.operation === 'Query' && plan.index ? { index: plan.index } : {}),
      itemsScanned: stats.scanned, itemsReturned: returned, consumedCapacity: stats.capacity, fullRead, notes,
    };
  }

  /**
   * The key of the item a write targets: from the filter when it names the id, else the first
   * match. The write itself is conditioned on the filter, so a concurrent change makes it miss
   * rather than write the wrong item; the lookup is then retried.
   */
  private async writeTarget(collection: string, condition: Condition): Promise<{ read: PreparedRead; id?: string }> {
    const read = this.prepare(collection, condition);
    if (read.plan.operation === 'GetItem') return { read, id: read.plan.id };
    if (read.plan.operation === 'Query' && !read.plan.index) return { read, id: read.plan.key.partition.value as string };
    if (!read.request) return { read };
    await this.refuseListAnswers(read);
    const page = await readPage(this.clients.doc, read.request, 1, undefined, read.keyAttributes, read.keep, false);
    return { read, id: page.items[0]?.id as string | undefined };
  }

  /**
   * Refuses before a first page or a count when any item's answer depends on a list, so that
   * find, findOne and countDocuments answer or refuse a filter alike, whatever the page size.
   */
  private async refuseListAnswers(read: PreparedRead): Promise<void> {
    if (read.hazardous) await readAll(this.clients.doc, read.hazardous, read.keep);
  }

  /** The filter as a ConditionExpression, with the item required to exist. */
  private writeCondition(condition: Condition, b: ExpressionBuilder, extra: Expression[] = []): string | undefined {
    // A filter too long for an expression was decided in memory when the target was read; the
    // condition then re-checks what fits.
    const expression = and([`attribute_exists(${b.path('id')})`, fitExpression(condition, b).expression, ...extra]);
    return typeof expression === 'string' ? expression : undefined;
  }

  private async conditionalWrite(collection: string, condition: Condition, write: (table: string, id: string) => Promise<number | 'missed'>): Promise<number> {
    const table = tableName(this.spec(collection).name, this.prefix);
    return this.attempt(table, async () => {
      for (let tries = 0; tries < 3; tries++) {
        const { read, id } = await this.writeTarget(collection, condition);
        if (id === undefined) return 0;
        const result = await write(table, id).catch((error: unknown) => {
          if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return 'missed' as const;
          throw error;
        });
        if (result !== 'missed') return result;
        if (read.plan.operation === 'GetItem' || (read.plan.operation === 'Query' && !read.plan.index)) {
          // With the id in the filter there is no other candidate; a list may be why the condition failed.
          if (read.hazards.length > 0) {
            const current = (await this.clients.doc.send(new GetCommand({ TableName: table, Key: { id }, ConsistentRead: true }))).Item;
            if (current) read.keep?.(current);
          }
          return 0;
        }
      }
      return 0;
    });
  }

  async updateOne(collection: string, filter: Filter, update: Update): Promise<number> {
    const condition = itemFilter(filter);
    const ops = operations(checkUpdate(update));
    const send = async (table: string, id: string, parts: (b: ExpressionBuilder) => UpdateParts) => {
      const b = new ExpressionBuilder();
      const { updateExpression, conditions } = parts(b);
      // Every operation was an $unset under a missing parent: nothing to change.
      if (!updateExpression) return 0;
      const conditionExpression = this.writeCondition(condition, b, conditions);
      const response = await this.clients.doc.send(new UpdateCommand({
        TableName: table, Key: { id }, UpdateExpression: updateExpression,
        ConditionExpression: conditionExpression, ...b.attributes(updateExpression, conditionExpression), ReturnValues: 'ALL_OLD',
      }));
      return changes(ops, response.Attributes ?? {}) ? 1 : 0;
    };
    return this.conditionalWrite(collection, condition, async (table, id) => {
      try {
        return await send(table, id, (b) => buildUpdate(ops, b));
      } catch (error) {
        if (!/document path provided in the update expression is invalid/i.test((error as Error).message ?? '')) throw error;
        // A parent document is missing: rewrite the update for the item as it is now.
        const current = (await this.clients.doc.send(new GetCommand({ TableName: table, Key: { id }, ConsistentRead: true }))).Item;
        if (!current) return 'missed';
        return send(table, id, (b) => adaptToItem(ops, current, b));
      }
    });
  }

  async deleteOne(collection: string, filter: Filter): Promise<number> {
    const condition = itemFilter(filter);
    return this.conditionalWrite(collection, condition, async (table, id) => {
      const b = new ExpressionBuilder();
      const conditionExpression = this.writeCondition(condition, b);
      await this.clients.doc.send(new DeleteCommand({ TableName: table, Key: { id }, ConditionExpression: conditionExpression, ...b.attributes(conditionExpression) }));
      return 1;
    });
  }

  async countDocuments(collection: string, filter: Filter): Promise<number> {
    const read = this.prepare(collection, itemFilter(filter));
    return this.attempt(read.table, async () => {
      if (read.plan.operation === 'GetItem') {
        const response = await this.clients.doc.send(new GetCommand({ TableName: read.table, Key: { id: read.plan.id }, ProjectionExpression: '#id', ExpressionAttributeNames: { '#id': 'id' } }));
        return response.Item ? 1 : 0;
      }
      if (!read.request) return 0;
      await this.refuseListAnswers(read);
      if (!read.complete) return (await readAll(this.clients.doc, read.request, read.keep)).items.length;
      const [total, ...excluded] = await Promise.all([read.request, ...read.excluded].map((r) => (r ? countItems(this.clients.doc, r) : 0)));
      return excluded.reduce((count, n) => count - n, total!);
    });
  }

  async listCollections(): Promise<CollectionInfo[]> {
    return Promise.all(COLLECTIONS.map(async (spec): Promise<CollectionInfo> => {
      const physicalName = tableName(spec.name, this.prefix);
      const table = await describeTable(this.clients, physicalName);
      if (!table) return { name: spec.name, physicalName, exists: false, countIsEstimate: false };
      return { name: spec.name, physicalName, exists: true, count: table.ItemCount ?? 0, countIsEstimate: true, sizeBytes: table.TableSizeBytes ?? 0 };
    }));
  }

  async describe(collection: string): Promise<CollectionDescription> {
    const physicalName = tableName(this.spec(collection).name, this.prefix);
    const table = await describeTable(this.clients, physicalName);
    if (!table) throw translateDynamoError({ name: 'ResourceNotFoundException' }, { where: this.clients.where, table: physicalName });
    return {
      name: collection, physicalName,
      primaryKey: (table.KeySchema ?? []).map((k) => ({ attribute: k.AttributeName!, role: k.KeyType! })),
      indexes: (table.GlobalSecondaryIndexes ?? []).map((g) => ({
        name: g.IndexName!, status: g.IndexStatus,
        keys: (g.KeySchema ?? []).map((k) => ({ attribute: k.AttributeName!, role: k.KeyType! })),
      })),
      billingMode: table.BillingModeSummary?.BillingMode ?? 'PROVISIONED',
      status: table.TableStatus,
    };
  }

  async close(): Promise<void> {
    this.clients.doc.destroy();
    this.clients.client.destroy();
  }
}

/**
 * The Query or Scan for a plan; undefined when the filter can match nothing. With `onlyLists`,
 * it reads just the items that hold a list at one of those paths.
 */
function readRequest(table: string, query: { index?: string; scanIndexForward: boolean } | undefined, key: KeyCondition | undefined, filter: Condition, onlyLists: string[] = []): ReadRequest | undefined {
  const b = new ExpressionBuilder();
  const admitting = fitExpression(filter, b, { admitListHazards: true }).expression;
  const filterExpression = onlyLists.length === 0 ? admitting : and([admitting, or(onlyLists.map((path) => `attribute_type(${b.path(path)}, ${b.value('L')})`))]);
  if (filterExpression === false) return undefined;
  const keyCondition = key && keyConditionExpression(key, b);
  const expressions = {
    ...(typeof filterExpression === 'string' ? { FilterExpression: filterExpression } : {}),
    ...b.attributes(keyCondition, typeof filterExpression === 'string' ? filterExpression : undefined),
  };
  if (!query || !keyCondition) return { operation: 'Scan', input: { TableName: table, ...expressions } };
  return {
    operation: 'Query',
    input: { TableName: table, ...(query.index ? { IndexName: query.index } : {}), KeyConditionExpression: keyCondition, ScanIndexForward: query.scanIndexForward, ...expressions },
  };
}
