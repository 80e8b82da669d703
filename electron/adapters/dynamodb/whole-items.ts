import type { RetryControl } from '../retry/send-with-retries';
import type { DynamoClients } from './client';
import { expandItem } from './compressed-item';
import { getItems } from './get-items';
import { movedFieldKeyOf, recombine } from './moved-field';
import type { Item } from './write-batch';

/**
 * The items under these keys (at most 100) as the documents they hold: a gzip-compressed item
 * expanded, and a moved field put back from its own item (fix rules `oversized: gzip` and
 * `oversized: moveField`). A second BatchGetItem reads the moved fields, only when some item has one.
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
