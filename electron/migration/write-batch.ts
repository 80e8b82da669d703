import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { translateDynamoError } from '../adapters/dynamodb/errors';
import { backoffDelay, DEFAULT_BACKOFF, isThrottling, sleep, type BackoffPolicy } from './backoff';

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

/**
 * Writes up to 25 items with one BatchWriteItem, retrying UnprocessedItems and throttling with
 * backoff. A batch DynamoDB rejects as a whole (ValidationException: one bad item spoils the
 * request) is split in halves until each bad item fails alone and every good one is written.
 * Errors that are not about the items (unreachable, credentials, missing table) are thrown.
 */
export async function writeBatch(target: WriteTarget, items: Item[]): Promise<WriteOutcome> {
  const policy = target.backoff ?? DEFAULT_BACKOFF;
  let pending = items;
  let written = 0;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > policy.maxRetries) {
      return { written, failures: pending.map((item) => ({ key: String(item.id), reason: `still unprocessed after ${policy.maxRetries} retries (throttled)` })) };
    }
    if (attempt > 0) await sleep(backoffDelay(attempt, policy), target.signal);
    let unprocessed: Item[];
    try {
      const result = await target.doc.send(new BatchWriteCommand({
        RequestItems: { [target.table]: pending.map((Item) => ({ PutRequest: { Item } })) },
      }), { abortSignal: target.signal });
      unprocessed = (result.UnprocessedItems?.[target.table] ?? []).map((request) => request.PutRequest!.Item as Item);
    } catch (error) {
      if (isThrottling(error)) continue;
      if ((error as { name?: string }).name === 'ValidationException') {
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

async function splitRejected(target: WriteTarget, items: Item[], error: unknown): Promise<{ written: number; failures: WriteFailure[] }> {
  if (items.length === 1) {
    return { written: 0, failures: [{ key: String(items[0]!.id), reason: `DynamoDB rejected the item: ${(error as Error).message}` }] };
  }
  const middle = Math.ceil(items.length / 2);
  const halves = await Promise.all([writeBatch(target, items.slice(0, middle)), writeBatch(target, items.slice(middle))]);
  return { written: halves[0].written + halves[1].written, failures: [...halves[0].failures, ...halves[1].failures] };
}
