import type { DynamoClients } from '../adapters/dynamodb/client';
import { expandItem } from '../adapters/dynamodb/compressed-item';
import { translateDynamoError } from '../adapters/dynamodb/errors';
import { MOVED_FROM_ATTRIBUTE, movedFieldKeyOf, recombine } from '../adapters/dynamodb/moved-field';
import { countItems } from '../adapters/dynamodb/read-items';
import type { RetryControl } from './send-with-retries';
import { getItems } from './read-items';
import type { Item } from './write-batch';

/**
 * The items under these keys (at most 100) as the documents they hold, for verify: a
 * gzip-compressed item expanded, and a moved field put back from its own item (fix rules
 * `oversized: gzip` and `oversized: moveField`). A second BatchGetItem reads the moved fields,
 * only when some item has one.
 */
export async function getWholeItems(clients: DynamoClients, table: string, keys: string[], control: RetryControl = {}): Promise<Map<string, Item>> {
  const whole = new Map<string, Item>();
  const fieldKeys = new Map<string, string>();
  for (const [key, item] of await getItems(clients, table, keys, control)) {
    const expanded = expandItem(item);
    whole.set(key, expanded);
    const fieldKey = movedFieldKeyOf(expanded);
    if (fieldKey) fieldKeys.set(fieldKey, key);
  }
  if (fieldKeys.size === 0) return whole;
  const fields = await getItems(clients, table, [...fieldKeys.keys()], control);
  for (const [fieldKey, key] of fieldKeys) whole.set(key, recombine(whole.get(key)!, fields.get(fieldKey)));
  return whole;
}

/** The items holding documents, not moved fields (the seed's counts-only check), by a parallel Scan with Select COUNT. */
export async function countDocumentItems(clients: DynamoClients, table: string, signal?: AbortSignal): Promise<number> {
  const input = { TableName: table, FilterExpression: 'attribute_not_exists(#from)', ExpressionAttributeNames: { '#from': MOVED_FROM_ATTRIBUTE } };
  try {
    return await countItems(clients.doc, { operation: 'Scan', input }, signal);
  } catch (error) {
    throw translateDynamoError(error, { where: clients.where, table });
  }
}
