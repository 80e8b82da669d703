import type { ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../../../shared/catalogue';
import { AppError } from '../../../shared/errors';
import type { SourcePage, SourcePort, StoredRecord } from '../ports';
import type { DynamoClients } from './client';
import { expandItem } from './compressed-item';
import { translateDynamoError } from './errors';
import { countItems, getItems } from './get-items';
import { SCAN_SEGMENTS, segmentPages } from './scan-segments';
import { describeTable } from './table-admin';

/** Where a segmented read stands: per Scan segment, the key of the last item handed out. */
interface ScanPosition {
  segments: number;
  after: Record<string, string>;
}

/** A record's place in the stream: the positions before its page, and its own key in its segment. */
interface ScanMark {
  before: Record<string, string>;
  segment: number;
  key: string;
}

function parsePosition(token: string | undefined): ScanPosition {
  if (token === undefined) return { segments: SCAN_SEGMENTS, after: {} };
  const parsed = JSON.parse(token) as ScanPosition;
  if (parsed.segments !== SCAN_SEGMENTS) {
    throw new AppError('CONFLICT', `The checkpoint was read in ${parsed.segments} Scan segments, this version reads in ${SCAN_SEGMENTS}: start a new migration instead of resuming.`);
  }
  return parsed;
}

type Pending = Promise<{ segment: number; result: IteratorResult<ScanCommandOutput> }>;

/**
 * A table read as a parallel Scan: each segment is its own resumable stream (a resume starts it
 * after the last key it handed out, its own LastEvaluatedKey), one page in flight per segment.
 * Pages are handed out as they arrive; a record's mark holds every segment's position as of that
 * record, so the mark of the last record of a written prefix is a complete resume point.
 */
async function* readSegments(clients: DynamoClients, table: string, resume: string | undefined): AsyncGenerator<SourcePage> {
  const positions = { ...parsePosition(resume).after };
  const pagers = Array.from({ length: SCAN_SEGMENTS }, (_, s) => segmentPages(clients.doc, { TableName: table, ConsistentRead: true }, s, positions[s] === undefined ? undefined : { id: positions[s] }));
  const next = (segment: number): Pending => pagers[segment]!.next().then((result) => ({ segment, result }));
  const inFlight = new Map<number, Pending>(pagers.map((_, s) => [s, next(s)]));
  try {
    while (inFlight.size > 0) {
      const { segment, result } = await Promise.race(inFlight.values());
      if (result.done) {
        inFlight.delete(segment);
        continue;
      }
      inFlight.set(segment, next(segment));
      const records = (result.value.Items ?? []).map((item) => expandItem(item as StoredRecord));
      if (records.length === 0) continue;
      const before = { ...positions };
      positions[segment] = String(records.at(-1)!.id);
      yield { records, markAt: (i): ScanMark => ({ before, segment, key: String(records[i]!.id) }) };
    }
  } catch (error) {
    throw translateDynamoError(error, { where: clients.where, table });
  } finally {
    for (const pending of inFlight.values()) pending.catch(() => {});
  }
}

/** A DynamoDB table set (one prefix) as a migration source. Items come whole: compressed ones (the gzip fix) expanded. */
export function dynamoSource(clients: DynamoClients): SourcePort {
  const prefix = clients.config.tablePrefix;
  const table = (name: string) => tableName(name, prefix);
  const itemCount = async (name: string) => (await describeTable(clients, table(name)))?.ItemCount ?? 0;
  return {
    backend: 'dynamodb',
    describe: () => `${clients.where} prefix ${prefix}`,
    where: table,
    read: (name, resume) => readSegments(clients, table(name), resume),
    resumeToken(mark) {
      const { before, segment, key } = mark as ScanMark;
      return JSON.stringify({ segments: SCAN_SEGMENTS, after: { ...before, [segment]: key } } satisfies ScanPosition);
    },
    // DescribeTable's ItemCount (AWS refreshes it about every six hours): a progress total, not a count.
    quickCount: itemCount,
    exactCount: (name, signal) => countItems(clients, table(name), signal),
    snapshot: async (name) => ({ count: await itemCount(name), at: new Date().toISOString() }),
    async readByKeys(name, keys) {
      // A table holds one item per key: there are no duplicates to order.
      const found = await getItems(clients, table(name), keys);
      return [...found.values()].map((item) => expandItem(item));
    },
  };
}
