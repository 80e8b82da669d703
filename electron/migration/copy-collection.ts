import type { Collection } from 'mongodb';
import type { CollectionSpec } from '../../shared/catalogue';
import type { CollectionProgress, DocumentProblem } from '../../shared/migration';
import { BatchBuilder, type ItemBatch } from './batch-items';
import type { CollectionCheckpoint } from './checkpoint-store';
import { ContiguousBatches } from './contiguous-batches';
import { convertDocument } from './convert-document';
import { InFlightWindow } from './in-flight-window';
import type { JobControl } from './job-control';
import { parseId, readDocuments, serializeId } from './read-documents';
import { writeBatch, type WriteTarget } from './write-batch';

interface CopyCollectionInput {
  source: Collection;
  /** For error messages (no credentials). */
  sourceUrl: string;
  spec: CollectionSpec;
  target: WriteTarget;
  concurrency: number;
  /** Restored from the checkpoint; advanced here as the unbroken prefix grows. */
  checkpoint: CollectionCheckpoint;
  progress: CollectionProgress;
  control: JobControl;
  onProblem(problem: DocumentProblem): void;
  /** Called when the checkpoint moved; the caller decides when to persist it. */
  onCheckpoint(): void;
}

interface BatchResult {
  lastId: unknown;
  written: number;
  failed: number;
  skipped: number;
}

/**
 * One collection through the pipeline: read (by `_id`, after the checkpoint) → convert →
 * batch (25, de-duplicated) → write (N in flight, retried, split) → checkpoint. Returns false
 * when cancelled before the end.
 */
export async function copyCollection(input: CopyCollectionInput): Promise<boolean> {
  const { spec, progress, checkpoint, control } = input;
  const window = new InFlightWindow(input.concurrency);
  const contiguous = new ContiguousBatches<BatchResult>();
  const builder = new BatchBuilder();
  const problem = (id: string, code: DocumentProblem['code'], reason: string) => input.onProblem({ collection: spec.name, id, code, reason });

  const finished = (batch: ItemBatch, result: BatchResult) => {
    const joined = contiguous.complete(batch.seq, result);
    if (joined.length === 0) return;
    for (const done of joined) {
      checkpoint.written += done.written;
      checkpoint.failed += done.failed;
      checkpoint.skipped += done.skipped;
    }
    checkpoint.lastId = serializeId(joined.at(-1)!.lastId);
    input.onCheckpoint();
  };

  const dispatch = async (batch: ItemBatch) => {
    await control.waitIfPaused();
    if (control.cancelled) return;
    await window.start(batch.keys, async () => {
      const outcome = batch.items.length > 0 ? await writeBatch(input.target, batch.items) : { written: 0, failures: [] };
      for (const failure of outcome.failures) problem(failure.key, 'WRITE_FAILED', failure.reason);
      progress.written += outcome.written;
      progress.failed += outcome.failures.length;
      progress.skipped += batch.superseded;
      finished(batch, { lastId: batch.lastId, written: outcome.written, failed: outcome.failures.length + batch.unconverted, skipped: batch.superseded });
    });
  };

  const afterId = checkpoint.lastId === undefined ? undefined : parseId(checkpoint.lastId);
  try {
    for await (const documents of readDocuments(input.source, { afterId, url: input.sourceUrl })) {
      progress.read += documents.length;
      for (const doc of documents) {
        const conversion = convertDocument(doc, spec);
        if (conversion.ok) {
          const batch = builder.add(conversion.key, conversion.item, doc._id);
          if (batch) await dispatch(batch);
        } else {
          problem(conversion.key, conversion.code, conversion.reason);
          progress.failed++;
          builder.skip(doc._id);
        }
      }
      if (control.cancelled) return false;
    }
    const last = builder.flush();
    if (last) await dispatch(last);
    await window.drain();
  } finally {
    await window.settle();
  }
  if (control.cancelled) return false;
  checkpoint.done = true;
  input.onCheckpoint();
  return true;
}
