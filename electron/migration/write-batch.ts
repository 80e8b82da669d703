import { BatchWriteItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { translateDynamoError } from '../adapters/dynamodb/errors';
import { backoffDelay, DEFAULT_BACKOFF, isThrottling, sleep, type BackoffPolicy } from './backoff';
import { marshalItem } from './marshal-item';

export type Item = Record<string, unknown>;

interface WriteFailure {
  key: string;
  reason: string;
}

interface WriteOutcome {
  written: number;
  failures: WriteFailure[];
}

export interface WriteTarget {
  doc: DynamoDBDocumentClient;
  table: string;
  /** For error messages: the endpoint or region. */
  where: string;
  backoff?: BackoffPolicy;
  /** The job's cancel: aborts the request in flight and the backoff sleep. */
  signal?: AbortSignal;
}

type RawItem = Record<string, AttributeValue>;

/** Failures of the whole request, not of an item: splitting the batch could not help. */
const WHOLE_REQUEST = new Set(['UNREACHABLE', 'AUTH_FAILED', 'NOT_FOUND']);

function isAboutTheItems(error: unknown, target: WriteTarget): boolean {
  const e = error as { name?: string; $fault?: string };
  // Cancelled, or DynamoDB itself failing (5xx, already retried by the SDK): no item is to blame.
  if (e.name === 'AbortError' || e.$fault === 'server') return false;
  return !WHOLE_REQUEST.has(translateDynamoError(error, { where: target.where, table: target.table }).code);
}

/**
 * Writes up to 25 items with one BatchWriteItem, retrying UnprocessedItems and throttling with
 * backoff. Items are marshalled here (marshal-item.ts), one at a time, so one that cannot be
 * fails alone. A batch that fails for any other reason than the whole request (DynamoDB rejects
 * it as a whole when one item is bad; anything else the SDK throws) is split in halves until each
 * bad item fails alone and every good one is written. Errors that are not about the items
 * (unreachable, credentials, missing table) are thrown.
 */
export async function writeBatch(target: WriteTarget, items: Item[]): Promise<WriteOutcome> {
  const failures: WriteFailure[] = [];
  const raw: RawItem[] = [];
  for (const item of items) {
    try {
      raw.push(marshalItem(item));
    } catch (error) {
      failures.push({ key: String(item.id), reason: `the item cannot be sent: ${(error as Error).message}` });
    }
  }
  const outcome = await writeRaw(target, raw);
  return { written: outcome.written, failures: [...failures, ...outcome.failures] };
}

async function writeRaw(target: WriteTarget, items: RawItem[]): Promise<WriteOutcome> {
  const policy = target.backoff ?? DEFAULT_BACKOFF;
  let pending = items;
  let written = 0;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > policy.maxRetries) {
      return { written, failures: pending.map((item) => ({ key: keyOf(item), reason: `still unprocessed after ${policy.maxRetries} retries (throttled)` })) };
    }
    if (attempt > 0) await sleep(backoffDelay(attempt, policy), target.signal);
    let unprocessed: RawItem[];
    try {
      const result = await target.doc.send(new BatchWriteItemCommand({
        RequestItems: { [target.table]: pending.map((Item) => ({ PutRequest: { Item } })) },
      }), { abortSignal: target.signal });
      unprocessed = (result.UnprocessedItems?.[target.table] ?? []).map((request) => request.PutRequest!.Item!);
    } catch (error) {
      if (isThrottling(error)) continue;
      if (isAboutTheItems(error, target)) {
        const split = await splitRejected(target, pending, error);
        return { written: written + split.written, failures: split.failures };
      }
      throw translateDynamoError(error, { where: target.where, table: target.table });
    }
    written += pending.length - unprocessed.length;
    pending = unprocessed;
  }
  return { written, failures: [] };
}

const keyOf = (item: RawItem) => item.id?.S ?? '';

async function splitRejected(target: WriteTarget, items: RawItem[], error: unknown): Promise<WriteOutcome> {
  if (items.length === 1) {
    return { written: 0, failures: [{ key: keyOf(items[0]!), reason: `DynamoDB rejected the item: ${(error as Error).message}` }] };
  }
  const middle = Math.ceil(items.length / 2);
  const halves = await Promise.all([writeRaw(target, items.slice(0, middle)), writeRaw(target, items.slice(middle))]);
  return { written: halves[0].written + halves[1].written, failures: [...halves[0].failures, ...halves[1].failures] };
}
