import type { TableDescription } from '@aws-sdk/client-dynamodb';
import type { CollectionSpec } from '../../shared/catalogue';
import type { RegionPrices } from '../../shared/aws-prices';

/** DynamoDB bills 100 bytes of overhead per stored item, in the table and in each index. */
const ITEM_OVERHEAD_BYTES = 100;

/**
 * Provisioned capacity instead of on-demand for the copy (the seed guide's "Cost Considerations"
 * alternative, its $0.47 per WCU-month being us-east-1's hourly price × 730 h): enough write
 * capacity units (table and GSIs together) to write every unit in the estimated time, paid by the
 * started hour at the region's price.
 */
export function provisionedAlternative(writeUnitsWithIndexes: number, seconds: number, prices: RegionPrices): { writeCapacityUnits: number; costUsd: number } {
  if (writeUnitsWithIndexes === 0) return { writeCapacityUnits: 0, costUsd: 0 };
  const writeCapacityUnits = Math.ceil(writeUnitsWithIndexes / Math.max(seconds, 1));
  const hours = Math.max(1, Math.ceil(seconds / 3600));
  return { writeCapacityUnits, costUsd: writeCapacityUnits * hours * prices.usdPerWcuHour };
}

/** Bytes DynamoDB bills storage for: the item and its overhead, in the table and in each GSI it lands in (projection ALL). */
export function storedBytes(itemBytes: number, indexesHit: number): number {
  return (itemBytes + ITEM_OVERHEAD_BYTES) * (1 + indexesHit);
}

export function monthlyStorageUsd(bytes: number, prices: RegionPrices): number {
  return (bytes / 1024 ** 3) * prices.usdPerGbMonth;
}

/** What the dry run found in an existing table that the migration will meet: its key, its GSIs, its items. */
/** On-demand write cost: write request units already counted for the table and each GSI. */
export function writeCostUsd(writeUnitsWithIndexes: number, prices: RegionPrices): number {
  return (writeUnitsWithIndexes / 1_000_000) * prices.usdPerMillionWrites;
}

export function checkExistingTable(spec: CollectionSpec, existing: TableDescription): string[] {
  const notes: string[] = [];
  const key = existing.KeySchema ?? [];
  const keyType = existing.AttributeDefinitions?.find((a) => a.AttributeName === spec.key.attribute)?.AttributeType;
  if (key.length !== 1 || key[0]?.AttributeName !== spec.key.attribute || keyType !== spec.key.type) {
    notes.push(`key is ${key.map((k) => `${k.AttributeName} (${k.KeyType})`).join(', ') || 'unknown'}, not ${spec.key.attribute} (String): the migration will refuse this table`);
  }
  const present = new Set(existing.GlobalSecondaryIndexes?.map((g) => g.IndexName));
  const missing = spec.indexes.filter((i) => !present.has(i.name)).map((i) => i.name);
  if (missing.length > 0) notes.push(`GSI ${missing.join(', ')} missing: the migration adds ${missing.length === 1 ? 'it' : 'them'} first`);
  const extra = [...present].filter((name) => !spec.indexes.some((i) => i.name === name));
  if (extra.length > 0) notes.push(`GSI ${extra.join(', ')} not in the catalogue: writes to it are not counted in the cost`);
  const items = existing.ItemCount ?? 0;
  if (items > 0) notes.push(`holds about ${items} items: those sharing a key with a document are overwritten`);
  return notes;
}
