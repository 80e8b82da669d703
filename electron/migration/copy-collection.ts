import type { SourcePage, SourcePort, TargetSession } from '../adapters/ports';
import type { CollectionSpec } from '../../shared/catalogue';
import type { CollectionRules } from '../../shared/migration-profile';
import type { CollectionProgress, DocumentProblem } from '../../shared/migration';
import { BatchBuilder, documentsOutcome, type ItemBatch } from './batch-items';
import type { BatchSlots } from './batch-slots';
import type { CollectionCheckpoint } from './checkpoint-store';
import { ContiguousBatches } from './contiguous-batches';
import type { ConversionRules } from './conversion-rules';
import { duplicateProblem } from './duplicate-keys';
import type { ConcurrencyController } from './concurrency-controller';
import { InFlightWindow } from './in-flight-window';
import type { JobControl } from './job-control';
import { KeyHashes } from './key-hashes';

interface CopyCollectionInput {
  source: SourcePort;
  spec: CollectionSpec;
  /** The direction's conversion (conversion-rules.ts). */
  conversion: ConversionRules;
  /** The profile's fix rules for this collection (fix-rules.ts); none: as convertDocument. */
  rules?: CollectionRules;
  target: TargetSession;
  /** The job's batches-in-flight limit; it hears each batch's size and time. */
  concurrency: ConcurrencyController;
  /** The job's slots under that limit, shared with the collections copied beside this one. */
  slots: BatchSlots;
  /** Restored from the checkpoint; advanced here as the unbroken prefix grows. */
  checkpoint: CollectionCheckpoint;
  progress: CollectionProgress;
  control: JobControl;
  onProblem(problem: DocumentProblem): void;
  /** Called when the checkpoint moved; the caller decides when to persist it. */
  onCheckpoint(): void;
}

/** Source look-ups that name every document sharing a key; past this, only the one just read is named. */
const HOLDER_LOOKUPS = 100;

interface BatchResult {
  /** The source position after the batch's last record (SourcePage.markAt). */
  lastId: unknown;
  written: number;
  failed: number;
}

/**
 * One collection through the pipeline: read (by `_id`, after the checkpoint) → convert →
 * batch (25, de-duplicated) → write (N in flight, retried, split) → checkpoint. Returns false
 * when cancelled before the end.
 *
 * A key shared by several documents is a data problem: the last in `_id` order is in the table,
 * the others count as failed and the key is logged (DUPLICATE_KEY) with the `_id`s holding it.
 * Keys are remembered by hash for this run only: a duplicate across a resume goes unnoticed here
 * (plan and verify see it).
 */
export async function copyCollection(input: CopyCollectionInput): Promise<boolean> {
  const { spec, checkpoint, control } = input;
  const window = new InFlightWindow(input.slots);
  const feed = recordFeeder(input, batchDispatcher(input, window));
  try {
    for await (const page of input.source.read(spec.name, checkpoint.lastId)) {
      await feed.page(page);
      if (control.cancelled) return false;
    }
    await feed.flush();
    await window.drain();
  } finally {
    await window.settle();
  }
  if (control.cancelled) return false;
  checkpoint.done = true;
  input.onCheckpoint();
  return true;
}

function reportProblem(input: CopyCollectionInput, id: string, code: DocumentProblem['code'], reason: string): void {
  input.onProblem({ collection: input.spec.name, id, code, reason });
}

/** Reads → converts → batches: hands each full batch to `dispatch`, and logs what does not convert. */
function recordFeeder(input: CopyCollectionInput, dispatch: (batch: ItemBatch) => Promise<void>) {
  const { spec, progress } = input;
  const builder = new BatchBuilder();
  const keys = new KeyHashes();
  const duplicate = duplicateReporter(input);
  return {
    async page(page: SourcePage): Promise<void> {
      const documents = page.records;
      progress.read += documents.length;
      for (let i = 0; i < documents.length; i++) {
        const doc = documents[i]!;
        const conversion = input.conversion.convert(doc, spec, input.rules);
        if (conversion.ok) {
          const repeated = keys.add(conversion.key) > 1;
          if (repeated) await duplicate(conversion.key, doc._id);
          const batch = builder.add(conversion.key, conversion.item, page.markAt(i), repeated, conversion.fieldItems);
          if (batch) await dispatch(batch);
        } else {
          reportProblem(input, conversion.key, conversion.code, conversion.reason);
          progress.failed++;
          builder.skip(page.markAt(i));
        }
      }
    },
    async flush(): Promise<void> {
      const last = builder.flush();
      if (last) await dispatch(last);
    },
  };
}

/** Logs a key seen again with the `_id`s holding it (looked up in the source for the first HOLDER_LOOKUPS). */
function duplicateReporter(input: CopyCollectionInput): (key: string, id: unknown) => Promise<void> {
  const { spec } = input;
  let lookups = 0;
  return async (key, id) => {
    const holders = lookups++ < HOLDER_LOOKUPS ? (await input.source.readByKeys(spec.name, [key], (doc) => input.conversion.sourceKey(doc, input.rules))).map((d) => d._id) : [id];
    input.onProblem(duplicateProblem(spec.name, key, holders));
  };
}

/** Writes each batch under the job's pause, cancel and in-flight limit, then advances the checkpoint. */
function batchDispatcher(input: CopyCollectionInput, window: InFlightWindow): (batch: ItemBatch) => Promise<void> {
  const { control } = input;
  const advance = checkpointAdvancer(input);
  return async (batch) => {
    await control.waitIfPaused();
    if (control.cancelled) return;
    input.concurrency.started(input.slots.full);
    await window.start(batch.keys, async () => advance(batch, await writeBatch(input, batch)));
  };
}

/** One batch to the target: its failures logged, the progress counted, what the checkpoint gains returned. */
async function writeBatch(input: CopyCollectionInput, batch: ItemBatch): Promise<BatchResult> {
  const { progress } = input;
  const sent = performance.now();
  const outcome = batch.items.length > 0 ? await input.target.write(input.spec.name, batch.items, batch.keys) : { written: 0, failures: [] };
  input.concurrency.finished(batch.items.length, performance.now() - sent);
  for (const failure of outcome.failures) reportProblem(input, failure.key, 'WRITE_FAILED', failure.reason);
  // An item written over one an earlier batch wrote: that earlier document is no longer in the table.
  const failedKeys = new Set(outcome.failures.map((f) => f.key));
  const replaced = batch.replaced.filter((key) => !failedKeys.has(key)).length;
  const documents = documentsOutcome(batch, failedKeys);
  const lost = documents.failed + batch.superseded + replaced;
  progress.written += documents.written - replaced;
  progress.failed += lost;
  return { lastId: batch.lastId, written: documents.written - replaced, failed: lost + batch.unconverted };
}

/** Batches finish out of order: the checkpoint moves only over the unbroken prefix of finished ones. */
function checkpointAdvancer(input: CopyCollectionInput): (batch: ItemBatch, result: BatchResult) => void {
  const { checkpoint } = input;
  const contiguous = new ContiguousBatches<BatchResult>();
  return (batch, result) => {
    const joined = contiguous.complete(batch.seq, result);
    if (joined.length === 0) return;
    for (const done of joined) {
      checkpoint.written += done.written;
      checkpoint.failed += done.failed;
    }
    checkpoint.lastId = input.source.resumeToken(joined.at(-1)!.lastId);
    input.onCheckpoint();
  };
}
