import { once } from 'node:events';
import type { Collection } from 'mongodb';
import { createGzip, type Gzip } from 'node:zlib';
import type { CollectionSpec } from '../../shared/catalogue';
import type { CollectionRules } from '../../shared/migration-profile';
import type { CollectionProgress, DocumentProblem } from '../../shared/migration';
import { dynamoJsonLine } from '../adapters/dynamodb/import-table';
import { ContiguousBatches } from './contiguous-batches';
import { convertWithRules } from './fix-rules';
import { marshalItem } from '../adapters/dynamodb/marshal-item';
import type { CollectionExport, ExportedPart } from './export-checkpoint';
import { partKey, PartSplitter } from './export-parts';
import type { PartSink } from './export-sink';
import type { JobControl } from './job-control';
import { parseId, readDocuments, serializeId } from '../adapters/mongodb/read-documents';

interface ExportCollectionInput {
  source: Collection;
  sourceUrl: string;
  spec: CollectionSpec;
  /** The profile's fix rules for this collection, as the direct copy applies them. */
  rules?: CollectionRules;
  sink: PartSink;
  prefix: string;
  partBytes: number;
  /** Parts being stored at once (each holds its upload's buffers). */
  parallelParts: number;
  /** Restored from the checkpoint; finished parts are appended in order. */
  state: CollectionExport;
  progress: CollectionProgress;
  control: JobControl;
  onProblem(problem: DocumentProblem): void;
  onCheckpoint(): void;
}

interface OpenPart extends ExportedPart {
  gzip: Gzip;
  done: Promise<void>;
}

/**
 * One collection to gzip-compressed DynamoDB JSON parts: read (by `_id`, after the last finished
 * part) → convert (the direct copy's rules) → one `{"Item":...}` line each → gzip → the sink.
 * Parts are stored in parallel; the checkpoint keeps the unbroken run of finished parts, so a
 * killed export re-reads only from the first unfinished one. Returns false when cancelled.
 */
export async function exportCollection(input: ExportCollectionInput): Promise<boolean> {
  const { state, progress, control } = input;
  const splitter = new PartSplitter(input.partBytes);
  const parts = partStore(input);
  let part: OpenPart | undefined;
  const afterId = state.parts.at(-1)?.lastId === undefined ? undefined : parseId(state.parts.at(-1)!.lastId!);
  for await (const documents of readDocuments(input.source, { afterId, url: input.sourceUrl })) {
    progress.read += documents.length;
    for (const doc of documents) {
      part ??= parts.open();
      part.lastId = serializeId(doc._id);
      const bytes = await writeDocument(input, part, doc);
      if (bytes !== undefined && splitter.add(bytes)) {
        await parts.close(part);
        part = undefined;
      }
    }
    await control.waitIfPaused();
    if (control.cancelled) break;
  }
  // An empty collection still gets one (empty) part: ImportTable needs an object under its prefix.
  if (part || (!control.cancelled && parts.noneYet())) await parts.close(part ?? parts.open());
  await parts.settle();
  if (control.cancelled) return false;
  state.done = true;
  input.onCheckpoint();
  return true;
}

/**
 * Converts `doc` and writes its line (and its moved fields' lines) into `part`; returns the bytes
 * written, or undefined when the document does not convert (logged and counted as failed).
 */
async function writeDocument(input: ExportCollectionInput, part: OpenPart, doc: Parameters<typeof convertWithRules>[0]): Promise<number | undefined> {
  const { spec, progress } = input;
  const conversion = convertWithRules(doc, spec, input.rules);
  if (!conversion.ok) {
    input.onProblem({ collection: spec.name, id: conversion.key, code: conversion.code, reason: conversion.reason });
    part.failed++;
    progress.failed++;
    return undefined;
  }
  // A moved field's item (fix rule oversized: moveField) goes in the same part as its document.
  let bytes = 0;
  for (const item of [conversion.item, ...(conversion.fieldItems ?? []).map((f) => f.item)]) {
    const line = dynamoJsonLine(marshalItem(item));
    bytes += Buffer.byteLength(line);
    if (!part.gzip.write(line)) await once(part.gzip, 'drain');
  }
  part.documents++;
  part.bytes += bytes;
  progress.written++;
  return bytes;
}

/** Opens parts in index order and stores them in parallel; the checkpoint records the unbroken run of stored ones. */
function partStore(input: ExportCollectionInput) {
  const { spec, state } = input;
  const contiguous = new ContiguousBatches<ExportedPart>();
  const storing = new Set<Promise<void>>();
  const firstIndex = state.parts.length;
  let nextIndex = firstIndex;
  return {
    /** No part recorded by an earlier run and none opened by this one. */
    noneYet: () => nextIndex === 0,
    open(): OpenPart {
      const index = nextIndex++;
      const key = partKey(input.prefix, spec.name, index);
      // Level 1: ImportTable bills the uncompressed bytes, so stronger levels would spend much of the
      // export's CPU to save a little S3 storage.
      const gzip = createGzip({ level: 1 });
      // No cancel signal: a cancel stops reading and lets the open parts finish, so every part
      // the checkpoint records is whole and ends where the next run starts.
      const target = input.sink.open(key);
      gzip.pipe(target.stream);
      gzip.on('error', (error) => target.stream.destroy(error));
      return { index, key, documents: 0, failed: 0, bytes: 0, gzip, done: target.done };
    },
    async close(closing: OpenPart): Promise<void> {
      closing.gzip.end();
      const stored = closing.done.then(() => {
        const { gzip: _gzip, done: _done, ...record } = closing;
        state.uploads++;
        state.parts.push(...contiguous.complete(closing.index - firstIndex, record));
        input.onCheckpoint();
      });
      storing.add(stored);
      stored.then(() => storing.delete(stored), () => {});
      // Bounded parallelism: wait for the oldest part once the window is full.
      while (storing.size >= input.parallelParts) await Promise.race(storing);
    },
    settle: () => Promise.all(storing),
  };
}
