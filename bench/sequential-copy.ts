// The seed guide's way of migrating, the baseline the engine is measured against: read, convert,
// write one batch of 25 at a time, nothing in flight beside it.
import type { Collection } from 'mongodb';
import type { CollectionSpec } from '../shared/catalogue';
import { convertDocument } from '../electron/migration/convert-document';
import { readDocuments } from '../electron/adapters/mongodb/read-documents';
import { writeBatch, type Item, type WriteTarget } from '../electron/adapters/dynamodb/write-batch';

export interface SequentialRun {
  copied: number;
  /** When the source's first batch arrived (Date.now()). */
  firstBatchAt?: number;
}

export async function sequentialCopy(source: Collection, sourceUrl: string, spec: CollectionSpec, writer: WriteTarget, limit: number): Promise<SequentialRun> {
  let copied = 0;
  let firstBatchAt: number | undefined;
  let pending: Item[] = [];
  for await (const batch of readDocuments(source, { url: sourceUrl })) {
    firstBatchAt ??= Date.now();
    for (const doc of batch) {
      if (copied >= limit) break;
      copied++;
      const conversion = convertDocument(doc, spec);
      if (conversion.ok) pending.push(conversion.item);
      if (pending.length === 25) {
        await writeBatch(writer, pending);
        pending = [];
      }
    }
    if (copied >= limit) break;
  }
  if (pending.length > 0) await writeBatch(writer, pending);
  return { copied, ...(firstBatchAt === undefined ? {} : { firstBatchAt }) };
}
