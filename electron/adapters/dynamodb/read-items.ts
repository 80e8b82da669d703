import { QueryCommand, ScanCommand, type DynamoDBDocumentClient, type QueryCommandInput, type ScanCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Document } from '../database-adapter';
import { expandItem } from './compressed-item';
import { withMovedFields } from './moved-field';

/** A Query or a Scan, without paging fields: the functions here page it. */
export type ReadRequest =
  | { operation: 'Query'; input: QueryCommandInput }
  | { operation: 'Scan'; input: ScanCommandInput };

export type ItemKey = Record<string, unknown>;

export interface ReadStats {
  scanned: number;
  capacity: number;
}

interface Response {
  Items?: Document[];
  Count?: number;
  ScannedCount?: number;
  LastEvaluatedKey?: ItemKey;
  ConsumedCapacity?: { CapacityUnits?: number };
}

async function send(doc: DynamoDBDocumentClient, request: ReadRequest, extra: Partial<QueryCommandInput & ScanCommandInput>, stats: ReadStats, signal?: AbortSignal): Promise<Response> {
  const input = { ...request.input, ...extra, ReturnConsumedCapacity: 'TOTAL' as const };
  const response: Response = request.operation === 'Query'
    ? await doc.send(new QueryCommand(input as QueryCommandInput), { abortSignal: signal })
    : await doc.send(new ScanCommand(input as ScanCommandInput), { abortSignal: signal });
  // Items the migration stored gzip-compressed or split (its oversized fixes) are read whole.
  const table = request.input.TableName;
  if (response.Items && table) response.Items = await withMovedFields(doc, table, response.Items.map(expandItem), signal);
  stats.scanned += response.ScannedCount ?? 0;
  stats.capacity += response.ConsumedCapacity?.CapacityUnits ?? 0;
  return response;
}

// A page with a FilterExpression keeps reading; each further request asks for twice as many items.
const MAX_REQUEST_ITEMS = 2000;

/**
 * Reads until `want` items matched and one more is seen, or the table/index is exhausted, and
 * returns where the next page starts: the key of the last item returned, only when a further
 * item matches. Never reads past the first item of the next page; without `lookAhead`, not past
 * the last item of this one (and returns no cursor).
 */
export async function readPage(
  doc: DynamoDBDocumentClient, request: ReadRequest, want: number, startKey: ItemKey | undefined, keyAttributes: string[],
  keep: (item: Document) => boolean = () => true, lookAhead = true, signal?: AbortSignal,
): Promise<{ items: Document[]; nextKey?: ItemKey; stats: ReadStats }> {
  const stats: ReadStats = { scanned: 0, capacity: 0 };
  const items: Document[] = [];
  let exclusiveStartKey = startKey;
  let batch = want + 1;
  for (;;) {
    const response = await send(doc, request, { Limit: batch, ...(exclusiveStartKey ? { ExclusiveStartKey: exclusiveStartKey } : {}) }, stats, signal);
    const received = (response.Items ?? []).filter(keep);
    const room = want - items.length;
    items.push(...received.slice(0, room));
    if (received.length > room) {
      const last = items[items.length - 1]!;
      return { items, nextKey: Object.fromEntries(keyAttributes.map((a) => [a, last[a]])), stats };
    }
    if (!response.LastEvaluatedKey) return { items, stats };
    // A full page keeps reading until one more item matches: a cursor promises more documents.
    if (items.length === want && !lookAhead) return { items, stats };
    exclusiveStartKey = response.LastEvaluatedKey;
    batch = Math.min(batch * 2, MAX_REQUEST_ITEMS);
  }
}

// Full passes over a table use parallel Scan segments; 4 suits a local server and a small client.
const SCAN_SEGMENTS = 4;

async function readAllPages(doc: DynamoDBDocumentClient, request: ReadRequest, extra: Partial<ScanCommandInput>, stats: ReadStats, onPage: (r: Response) => void, signal?: AbortSignal): Promise<void> {
  let start: ItemKey | undefined;
  do {
    const response = await send(doc, request, { ...extra, ...(start ? { ExclusiveStartKey: start } : {}) }, stats, signal);
    onPage(response);
    start = response.LastEvaluatedKey;
  } while (start);
}

/** Every page of a Query, or of a Scan read in parallel segments; `signal` aborts the requests in flight. */
export function eachPage(doc: DynamoDBDocumentClient, request: ReadRequest, extra: Partial<ScanCommandInput>, stats: ReadStats, onPage: (r: Response) => void, signal?: AbortSignal): Promise<void> {
  if (request.operation === 'Query') return readAllPages(doc, request, extra, stats, onPage, signal);
  return Promise.all(Array.from({ length: SCAN_SEGMENTS }, (_, segment) =>
    readAllPages(doc, request, { ...extra, Segment: segment, TotalSegments: SCAN_SEGMENTS }, stats, onPage, signal))).then(() => undefined);
}

/** Every matching item: for sorts no index answers. Scans run in parallel segments. */
export async function readAll(doc: DynamoDBDocumentClient, request: ReadRequest, keep: (item: Document) => boolean = () => true, signal?: AbortSignal): Promise<{ items: Document[]; stats: ReadStats }> {
  const stats: ReadStats = { scanned: 0, capacity: 0 };
  const items: Document[] = [];
  await eachPage(doc, request, {}, stats, (r) => items.push(...(r.Items ?? []).filter(keep)), signal);
  return { items, stats };
}

/** The number of matching items, with Select COUNT (no items are transferred). */
export async function countItems(doc: DynamoDBDocumentClient, request: ReadRequest, signal?: AbortSignal): Promise<number> {
  let count = 0;
  await eachPage(doc, request, { Select: 'COUNT' }, { scanned: 0, capacity: 0 }, (r) => { count += r.Count ?? 0; }, signal);
  return count;
}
