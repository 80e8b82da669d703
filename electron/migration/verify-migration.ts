import type { CollectionSpec } from '../../shared/catalogue';
import { AppError } from '../../shared/errors';
import { VerifyOptionsSchema, type CollectionVerify, type DocumentProblem, type VerifyOptions, type VerifyResult } from '../../shared/migration';
import type { StoredRecord as Item, TargetSession } from '../adapters/ports';
import { compareItems } from './compare-items';
import { engineContext, type AnyContext, type EngineContext } from './context';
import { conversionRules, type ConversionRules } from './conversion-rules';
import { rulesFor, type CollectionRules } from '../../shared/migration-profile';
import { InFlightWindow } from './in-flight-window';
import { judgeSuspects, push, Suspects, type Content } from './judge-suspects';
import { KeyHashes } from './key-hashes';
import { selectCollections } from './migration-job';

interface Expected {
  key: string;
  item: Item;
  /** The fix rules that made the item differ from the document (fix-rules.ts). */
  rules: string[];
}

/** An item equal to what its rules produced: counted per rule, apart from real differences. */
function countRuleChanged(content: Content, rules: string[]): void {
  if (!content.ruleChanged) return;
  for (const rule of new Set(rules)) content.ruleChanged[rule] = (content.ruleChanged[rule] ?? 0) + 1;
}

/** One collection's verify: where it reads and writes, and how its records compare. */
interface VerifyRun {
  ctx: EngineContext;
  conversion: ConversionRules;
  reader: TargetSession;
  spec: CollectionSpec;
  rules: CollectionRules | undefined;
}

/**
 * Target reads of 100 keys (BatchGetItem's limit) in flight at once: verify reads while the source streams, so
 * it goes at the speed of reads, not of one round trip after another.
 */
const READS_IN_FLIGHT = 8;

/** Compares converted source documents with the items under their keys; differing ones become suspects. */
async function compareChunk(run: VerifyRun, chunk: Expected[], content: Content, suspects: Suspects): Promise<void> {
  const found = await run.reader.readByKeys(run.spec.name, [...new Set(chunk.map((e) => e.key))], run.conversion.targetKey);
  for (const { key, item, rules } of chunk) {
    const stored = found.get(key);
    // The target's record in the form the expected one has (a compressed item comes whole from the port).
    const actual = stored && run.conversion.comparable(stored, run.spec);
    if (!actual) {
      push(content.missing, key);
      continue;
    }
    const differences = compareItems(item, actual);
    if (differences.length > 0) suspects.add({ key, differences });
    else countRuleChanged(content, rules);
  }
  content.compared += chunk.length;
}

/**
 * Scans the target's keys: a record with no source document is extra, an item holding a field
 * moved out of a document is part of it. Returns the records that hold documents.
 */
async function scanForExtras({ ctx, spec, conversion }: VerifyRun, keys: KeyHashes, fieldKeys: KeyHashes, content: Content): Promise<number> {
  let fieldItems = 0;
  const records = await ctx.target.scanKeys(spec.name, conversion.targetKey, (key) => {
    if (fieldKeys.count(key) > 0) fieldItems++;
    else if (keys.count(key) === 0) push(content.extra, key);
  }, ctx.signal);
  return records - fieldItems;
}

/**
 * What gets compared: every document, in chunks of `batch`, or a uniform random sample of
 * `sample` (reservoir sampling), compared once the source has been read.
 */
function comparisonPicker(sample: number | undefined, batch: number, compare: (chunk: Expected[]) => Promise<void>) {
  const reservoir: Expected[] = [];
  let chunk: Expected[] = [];
  let seen = 0;
  return {
    async add(expected: Expected): Promise<void> {
      if (sample === undefined) {
        chunk.push(expected);
        if (chunk.length === batch) {
          await compare(chunk);
          chunk = [];
        }
      } else if (reservoir.length < sample) {
        reservoir.push(expected);
      } else {
        const slot = Math.floor(Math.random() * (seen + 1));
        if (slot < sample) reservoir[slot] = expected;
      }
      seen++;
    },
    async finish(): Promise<void> {
      const rest = sample === undefined ? chunk : reservoir;
      for (let i = 0; i < rest.length; i += batch) await compare(rest.slice(i, i + batch));
    },
  };
}

/** Decides each suspect (judge-suspects.ts), reading its holders from the source and its item again from the target. */
async function judge(run: VerifyRun, suspects: Suspects, keys: KeyHashes, content: Content): Promise<void> {
  const { ctx, spec, rules, conversion: direction } = run;
  await judgeSuspects(spec, suspects.list, keys, content, {
    holders: (key) => ctx.source.readByKeys(spec.name, [key], (doc) => direction.sourceKey(doc, rules)),
    item: async (key) => {
      const item = (await run.reader.readByKeys(spec.name, [key], direction.targetKey)).get(key);
      return item && direction.comparable(item, spec);
    },
    expected: (doc) => direction.expect(doc, spec, rules),
  });
}

/**
 * Streams the whole source once (every document converted exactly as the copy converts it, so
 * unmigratable documents are known and every key is counted), compares all of them, or a uniform
 * random sample of `sample` (reservoir sampling), with the items under their keys, then scans
 * the table's keys for items with no source document. Memory stays flat in the document count:
 * keys are counted by hash (key-hashes.ts), and only differing documents (up to the list limit)
 * are held until the end.
 */
async function verifyContent(run: VerifyRun, sample: number | undefined, tick: () => void, onPhase: (phase: string) => void): Promise<{ content: Content; sourceCount: number; targetCount: number; unmigratableCount: number; unjudged: number }> {
  const { ctx, spec, rules, conversion: direction } = run;
  const content: Content = { compared: 0, sampled: sample !== undefined, unmigratable: [], missing: [], extra: [], different: [], ...(rules ? { ruleChanged: {} } : {}) };
  const keys = new KeyHashes();
  // Items holding a field moved out of a document: expected in the table, not documents of their own.
  const fieldKeys = new KeyHashes();
  const suspects = new Suspects();
  const reads = new InFlightWindow(() => READS_IN_FLIGHT);
  const picker = comparisonPicker(sample, ctx.target.readBatch, (expected) => reads.start([], () => compareChunk(run, expected, content, suspects)));
  let sourceCount = 0;
  let unmigratableCount = 0;
  // Reads still in flight are awaited whatever happens, so none outlives the verify.
  try {
    for await (const { records } of ctx.source.read(spec.name)) {
      for (const doc of records) {
        tick();
        sourceCount++;
        const conversion = direction.expect(doc, spec, rules);
        if (!conversion.ok) {
          unmigratableCount++;
          push<DocumentProblem>(content.unmigratable, { collection: spec.name, id: conversion.key, code: conversion.code, reason: conversion.reason });
          continue;
        }
        for (const field of conversion.fieldItems ?? []) fieldKeys.add(field.key);
        const expected = { key: conversion.key, item: conversion.item, rules: conversion.rules ?? [] };
        // A key seen before: one of the documents holding it cannot be in the table.
        if (keys.add(expected.key) > 1) unmigratableCount++;
        await picker.add(expected);
      }
    }
    await picker.finish();
    await reads.drain();
  } finally {
    await reads.settle();
  }
  await judge(run, suspects, keys, content);
  onPhase(`looking for extra items in ${ctx.target.where(spec.name)}`);
  const targetCount = await scanForExtras(run, keys, fieldKeys, content);
  return { content, sourceCount, targetCount, unmigratableCount, unjudged: suspects.dropped };
}

/**
 * The seed's count check (`✓ alerts: MongoDB=1250, DynamoDB=1250`) and, unless `countsOnly`,
 * a content check item by item. Counts match when the table holds one item per source document
 * that can be migrated (documents that never can, and keys shared by two documents, are listed
 * as unmigratable, not as missing; the item of a field moved out of a document is part of that
 * document, not counted as one).
 */
export async function verifyMigration(anyCtx: AnyContext, input: Partial<VerifyOptions>, onProgress?: (done: number, total: number, phase?: string) => void): Promise<VerifyResult> {
  const parsed = VerifyOptionsSchema.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION', `Invalid verify options: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const options = parsed.data;
  const ctx = engineContext(anyCtx);
  const conversion = conversionRules(ctx.source.backend, ctx.target.backend);
  const specs = selectCollections(options.collections);
  // Metadata counts for the progress total; the counts reported are exact (streamed, or counted).
  const estimates = new Map<string, number>();
  onProgress?.(0, 0, 'counting documents');
  for (const spec of specs) estimates.set(spec.name, await ctx.source.quickCount(spec.name));
  const total = [...estimates.values()].reduce((a, b) => a + b, 0);
  let done = 0;
  let lastReport = 0;
  let phase = 'starting';
  const report = () => onProgress?.(Math.min(done, total), total, phase);
  const onPhase = (next: string) => { phase = next; report(); };
  const tick = () => {
    done++;
    // The source is read by the driver, which knows nothing of the signal: stop between documents.
    if (ctx.signal?.aborted) throw new AppError('CANCELLED', 'Verify was cancelled.');
    if (Date.now() - lastReport >= 200) {
      lastReport = Date.now();
      report();
    }
  };
  const collections: CollectionVerify[] = [];
  for (const spec of specs) {
    const table = ctx.target.where(spec.name);
    const exactCount = () => ctx.source.exactCount(spec.name, ctx.signal);
    if (!(await ctx.target.exists(spec.name, ctx.signal))) {
      const sourceCount = await exactCount();
      done += estimates.get(spec.name)!;
      collections.push({ collection: spec.name, table, sourceCount, targetCount: 0, countsMatch: sourceCount === 0, ok: sourceCount === 0 });
      continue;
    }
    if (options.countsOnly) {
      const [sourceCount, targetCount] = await Promise.all([exactCount(), ctx.target.count(spec.name, ctx.signal)]);
      done += estimates.get(spec.name)!;
      collections.push({ collection: spec.name, table, sourceCount, targetCount, countsMatch: sourceCount === targetCount, ok: sourceCount === targetCount });
      continue;
    }
    onPhase(`comparing ${spec.name} with ${table}`);
    const reader = ctx.target.session({ signal: ctx.signal });
    const run = { ctx, conversion, reader, spec, rules: options.profile && rulesFor(options.profile, spec.name) };
    const { content, sourceCount, targetCount, unmigratableCount, unjudged } = await verifyContent(run, options.sample, tick, onPhase)
      .finally(() => reader.close());
    const countsMatch = targetCount === sourceCount - unmigratableCount;
    // More differing documents than a list holds: those past it were not judged, so not clean.
    const ok = unjudged === 0 && countsMatch && content.missing.length === 0 && content.extra.length === 0 && content.different.length === 0;
    collections.push({ collection: spec.name, table, sourceCount, targetCount, countsMatch, content, ok });
  }
  done = total;
  onPhase('done');
  return { collections, ok: collections.every((c) => c.ok) };
}
