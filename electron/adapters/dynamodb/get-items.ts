import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoClients } from './client';
import { translateDynamoError } from './errors';
import { MOVED_FROM_ATTRIBUTE } from './moved-field';
import { scanAllSegments } from './scan-segments';
import { AppError } from '../../../shared/errors';
import { sendWithRetries, type RetryControl } from '../retry/send-with-retries';
import type { Item } from './write-batch';

/** BatchGetItem's limit. */
export const GET_BATCH = 100;

/**
 * The items under these keys (at most 100, distinct), read consistently; throttling,
 * UnprocessedKeys and transient failures retried by the engine's retry policy. Keys still
 * unprocessed when its budget runs out fail the read (verify cannot judge them).
 */
export async function getItems(clients: DynamoClients, table: string, keys: string[], control: RetryControl = {}): Promise<Map<string, Item>> {
  const found = new Map<string, Item>();
  const send = async (pending: Array<{ id: string }>, signal: AbortSignal | undefined) => {
    const result = await clients.doc.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } }), { abortSignal: signal });
    for (const item of result.Responses?.[table] ?? []) found.set(String(item.id), item);
    return (result.UnprocessedKeys?.[table]?.Keys ?? []) as Array<{ id: string }>;
  };
  try {
    const outcome = await sendWithRetries(keys.map((id) => ({ id })), send, control);
    if (outcome.left.length > 0) throw new AppError('TIMEOUT', `DynamoDB at ${clients.where} left ${outcome.left.length} keys of ${table} unread: ${outcome.reason}. Try again when the table has read capacity to spare.`);
  } catch (error) {
    throw translateDynamoError(error, { where: clients.where, table });
  }
  return found;
}

/** Every key in the table, read by a parallel Scan that projects only `id`. */
export async function scanKeys(clients: DynamoClients, table: string, onKey: (key: string) => void, signal?: AbortSignal): Promise<number> {
  let count = 0;
  const input = { TableName: table, ProjectionExpression: '#id', ExpressionAttributeNames: { '#id': 'id' } };
  try {
    await scanAllSegments(clients.doc, input, (page) => {
      for (const item of page.Items ?? []) {
        onKey(String(item.id));
        count++;
      }
    }, signal);
  } catch (error) {
    throw translateDynamoError(error, { where: clients.where, table });
  }
  return count;
}

/**
 * The items that hold documents (the seed's count check), by a parallel Scan with Select COUNT
 * (nothing but counts travels): an item holding a field moved out of a document (fix rule
 * `oversized: moveField`) is part of that document, not one of its own.
 */
export async function countItems(clients: DynamoClients, table: string, signal?: AbortSignal): Promise<number> {
  let count = 0;
  const input = { TableName: table, Select: 'COUNT' as const, FilterExpression: 'attribute_not_exists(#from)', ExpressionAttributeNames: { '#from': MOVED_FROM_ATTRIBUTE } };
  try {
    await scanAllSegments(clients.doc, input, (page) => { count += page.Count ?? 0; }, signal);
  } catch (error) {
    throw translateDynamoError(error, { where: clients.where, table });
  }
  return count;
}
