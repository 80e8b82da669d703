import { BatchWriteItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { translateDynamoError } from './errors';
import { marshalItem } from './marshal-item';
import { sendWithRetries, type RetryControl } from '../retry/send-with-retries';

export type Item = Record<string, unknown>;

interface WriteFailure {
  key: string;
  reason: string;
}

interface WriteOutcome {
  written: number;
  failures: WriteFailure[];
}

export interface WriteTarget extends RetryControl {
  /** The engine's client (one attempt per request: the retries are sendWithRetries's). */
  doc: DynamoDBDocumentClient;
  table: string;
  /** For error messages: the endpoint or region. */
  where: string;
}

type RawItem = Record<string, AttributeValue>;

/**
 * Failures of the whole request, not of an item: splitting the batch could not help. A request
 * past its deadline (TIMEOUT) is a stalled server: halves would only stall again.
 */
const WHOLE_REQUEST = new Set(['UNREACHABLE', 'AUTH_FAILED', 'NOT_FOUND', 'CANCELLED', 'TIMEOUT']);

function isAboutTheItems(error: unknown, target: WriteTarget): boolean {
  const e = error as { name?: string; $fault?: string };
  // Cancelled, or DynamoDB itself failing (5xx, already retried): no item is to blame.
  if (e.name === 'AbortError' || e.$fault === 'server') return false;
  return !WHOLE_REQUEST.has(translateDynamoError(error, { where: target.where, table: target.table }).code);
}

/**
 * Writes up to 25 items with one BatchWriteItem, retrying UnprocessedItems, throttling and
 * transient failures by the engine's retry policy (send-with-retries.ts). Items are marshalled here (marshal-item.ts), one at a time, so one that cannot be
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
  let written = 0;
  let current = items;
  const send = async (pending: RawItem[], signal: AbortSignal | undefined) => {
    const result = await target.doc.send(new BatchWriteItemCommand({
      RequestItems: { [target.table]: pending.map((Item) => ({ PutRequest: { Item } })) },
    }), { abortSignal: signal });
    const unprocessed = (result.UnprocessedItems?.[target.table] ?? []).map((request) => request.PutRequest!.Item!);
    written += pending.length - unprocessed.length;
    current = unprocessed;
    return unprocessed;
  };
  let outcome;
  try {
    outcome = await sendWithRetries(items, send, target);
  } catch (error) {
    if (isAboutTheItems(error, target)) {
      // Items written by earlier attempts are not sent again: the split gets only what is left.
      const split = await splitRejected(target, current, error);
      return { written: written + split.written, failures: split.failures };
    }
    throw translateDynamoError(error, { where: target.where, table: target.table });
  }
  return { written, failures: outcome.left.map((item) => ({ key: keyOf(item), reason: outcome.reason! })) };
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
