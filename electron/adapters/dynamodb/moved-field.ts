import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The migration's `oversized: { moveField }` fix: a document too large for one item keeps
 * everything but one chosen top-level field, and that field goes to an item of its own **in the
 * same table**, keyed `<id>#<field>`. The catalogue's tables have one key, `id` (a string, no sort
 * key), so a derived `id` is the only way to put a second item beside the first without a new
 * table. The document's item names the field in `__moved`; the field's item holds `__movedFrom`
 * (the document's key) and the field itself, and no GSI key attribute, so it is in no index.
 * The console and verify read the two back as one document (`recombine`).
 */
export const MOVED_ATTRIBUTE = '__moved';
export const MOVED_FROM_ATTRIBUTE = '__movedFrom';

/** The key of the item holding `field` of the document keyed `key`. */
export function movedFieldKey(key: string, field: string): string {
  return `${key}#${field}`;
}

/** The moved field's item key, when `item` is a document's item whose field was moved out. */
export function movedFieldKeyOf(item: Record<string, unknown>): string | undefined {
  const field = item[MOVED_ATTRIBUTE];
  return typeof field === 'string' && typeof item.id === 'string' ? movedFieldKey(item.id, field) : undefined;
}

/** True for the item that holds a moved field (not a document of its own). */
export function isMovedFieldItem(item: Record<string, unknown>): boolean {
  return typeof item[MOVED_FROM_ATTRIBUTE] === 'string';
}

/**
 * The document's whole item: its own attributes without the marker, plus the field from the
 * field's item. A missing field item leaves the marker, so the loss shows as a difference.
 */
export function recombine<T extends Record<string, unknown>>(item: T, fieldItem: Record<string, unknown> | undefined): T {
  const field = item[MOVED_ATTRIBUTE];
  if (typeof field !== 'string' || !fieldItem || !(field in fieldItem)) return item;
  const whole: Record<string, unknown> = { ...item, [field]: fieldItem[field] };
  delete whole[MOVED_ATTRIBUTE];
  return whole as T;
}

/** BatchGetItem's limit. */
const GET_BATCH = 100;

/**
 * A page of items as the console shows documents: the items holding moved fields left out (they
 * are parts of other documents), and each document whose field was moved out given it back, read
 * from its field item (BatchGetItem, 100 keys a call; keys left unprocessed are asked again, a few times).
 */
export async function withMovedFields<T extends Record<string, unknown>>(doc: DynamoDBDocumentClient, table: string, items: T[], signal?: AbortSignal): Promise<T[]> {
  const documents = items.filter((item) => !isMovedFieldItem(item));
  const fieldKeys = [...new Set(documents.map(movedFieldKeyOf).filter((key): key is string => key !== undefined))];
  if (fieldKeys.length === 0) return documents;
  const fields = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < fieldKeys.length; i += GET_BATCH) {
    let keys: Record<string, unknown>[] = fieldKeys.slice(i, i + GET_BATCH).map((id) => ({ id }));
    // Bounded: a field still unread after that shows as its `__moved` marker, not as a hang.
    for (let attempt = 0; keys.length > 0 && attempt < 5; attempt++) {
      const response = await doc.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: keys } } }), { abortSignal: signal });
      for (const item of response.Responses?.[table] ?? []) fields.set(String(item.id), item);
      keys = response.UnprocessedKeys?.[table]?.Keys ?? [];
    }
  }
  return documents.map((item) => recombine(item, fields.get(movedFieldKeyOf(item) ?? '')));
}
