// The firehose baseline: BatchWriteItem of pre-built items at `concurrency` batches in flight, no
// source reads, unprocessed items resent at once. What the write side alone can take.
import type { Collection } from 'mongodb';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CollectionSpec } from '../shared/catalogue';
import { convertDocument } from '../electron/migration/convert-document';
import { readDocuments } from '../electron/adapters/mongodb/read-documents';
import type { Item } from '../electron/adapters/dynamodb/write-batch';

/** The first 1000 documents converted once: the firehose repeats them under fresh keys. */
export async function firehoseTemplates(source: Collection, sourceUrl: string, spec: CollectionSpec): Promise<Item[]> {
  const templates: Item[] = [];
  for await (const batch of readDocuments(source, { url: sourceUrl })) {
    for (const doc of batch) {
      const conversion = convertDocument(doc, spec);
      if (conversion.ok) templates.push(conversion.item);
    }
    if (templates.length >= 1000) break;
  }
  return templates;
}

/** Writes `count` items built from `templates` into `table`; returns the milliseconds it took. */
export async function firehose(doc: DynamoDBDocumentClient, table: string, templates: Item[], count: number, concurrency: number): Promise<number> {
  let next = 0;
  const started = Date.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const items = [];
      for (let i = 0; i < 25 && next < count; i++, next++) items.push({ PutRequest: { Item: { ...templates[next % templates.length], id: `f-${next}` } } });
      let request = items;
      while (request.length > 0) {
        const result = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: request } }));
        request = (result.UnprocessedItems?.[table] ?? []) as typeof items;
      }
    }
  }));
  return Date.now() - started;
}
