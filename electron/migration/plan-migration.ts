import { BSON } from 'mongodb';
import { PRICE_SOURCE, PRICES_AS_OF, pricesFor, type RegionPrices } from '../../shared/aws-prices';
import { tableName, type CollectionSpec } from '../../shared/catalogue';
import type { CollectionPlan, DocumentProblem, MigrationPlan } from '../../shared/migration';
import { dynamoJsonLine } from '../adapters/dynamodb/import-table';
import { describeTable } from '../adapters/dynamodb/table-admin';
import { ASSUMED_EXPORT_SPEEDUP, choosePath, indexesHit } from './choose-path';
import { engineContext, type MigrationContext } from './context';
import { planCapacity } from './capacity-plan';
import { duplicateProblem } from './duplicate-keys';
import { convertWithRules, keyUnderRules, type FieldItem } from './fix-rules';
import { RuleEffects } from './rule-effects';
import { marshalItem } from '../adapters/dynamodb/marshal-item';
import { checkExistingTable, monthlyStorageUsd, provisionedAlternative, storedBytes, writeCostUsd } from './plan-trust';
import { rulesFor, type MigrationProfile } from '../../shared/migration-profile';
import { KeyHashes } from './key-hashes';
import { loadMeasuredRate } from './measured-rate';
import { MIN_DOCUMENTS_FOR_RATE, selectCollections } from './migration-job';
import type { StoredRecord as Item } from '../adapters/ports';

/** Used until a migration has measured the real rate here. */
const ASSUMED_DOCS_PER_SECOND = 2000;
const LISTED_PROBLEMS = 100;

/** The documents-per-second the duration estimate uses, and where it comes from. */
function planRate(stateDir: string): MigrationPlan['rate'] {
  // A rate measured over a few documents (start-up, a warm cache) says nothing of a long run.
  const saved = loadMeasuredRate(stateDir);
  const measured = saved && saved.documents >= MIN_DOCUMENTS_FOR_RATE ? saved : undefined;
  return measured
    ? { docsPerSecond: Math.round(measured.docsPerSecond), source: `measured by the migration of ${measured.measuredAt}, over ${measured.documents} documents` }
    : { docsPerSecond: ASSUMED_DOCS_PER_SECOND, source: 'assumed: no migration measured yet in this state folder' };
}

/**
 * A dry run: reads every document, converts it exactly as the copy would, and reports sizes,
 * the documents that cannot be written and why (a key shared by several documents included: one
 * problem per document that would be replaced), write units, cost and duration. Writes nothing.
 * Costs use the prices of `priceRegion`, else of the target connection's region (shared/aws-prices.ts).
 */
export async function planMigration(ctx: MigrationContext, collections: string[], profile?: MigrationProfile, priceRegion?: string): Promise<MigrationPlan> {
  const { prices, chosenBy } = pricesFor(priceRegion, ctx.target.config.region);
  const rate = planRate(ctx.stateDir);
  const plans: CollectionPlan[] = [];
  for (const spec of selectCollections(collections)) plans.push(await planCollection(ctx, spec, { profile, prices, rate }));
  const sum = (field: 'documents' | 'problemCount' | 'writeUnits' | 'estimatedCostUsd' | 'estimatedSeconds') => plans.reduce((s, p) => s + p[field], 0);
  return {
    collections: plans,
    totals: { documents: sum('documents'), problemCount: sum('problemCount'), writeUnits: sum('writeUnits'), estimatedCostUsd: sum('estimatedCostUsd'), estimatedSeconds: sum('estimatedSeconds') },
    rate,
    prices: { ...prices, asOf: PRICES_AS_OF, source: PRICE_SOURCE, chosenBy },
    capacity: planCapacity(sum('documents'), sum('writeUnits'), rate.docsPerSecond, prices),
  };
}

/** Sizes as DynamoDB counts them, write units (table and GSIs), storage and import bytes of the items a collection becomes. */
class ItemTally {
  items = 0;
  bytes = 0;
  largest = 0;
  writeUnits = 0;
  indexedUnits = 0;
  storage = 0;
  jsonBytes = 0;

  constructor(private readonly spec: CollectionSpec) {}

  add(item: Item, size: number): void {
    const units = Math.max(1, Math.ceil(size / 1024));
    const hit = indexesHit(item, this.spec.indexes);
    this.items++;
    this.bytes += size;
    this.largest = Math.max(this.largest, size);
    this.writeUnits += units;
    this.indexedUnits += units * (1 + hit);
    this.storage += storedBytes(size, hit);
    this.jsonBytes += Buffer.byteLength(dynamoJsonLine(marshalItem(item)));
  }
}

/** Keys of moved fields' items (`<id>#<field>`), to find one that a document's key equals, in either order. */
class FieldKeys {
  private readonly keys = new KeyHashes();

  /** Records the conversion's field items; returns a key it shares with another document or field item. */
  clash(conversion: { key: string; fieldItems?: FieldItem[] }, documentKeys: KeyHashes): string | undefined {
    let clash = this.keys.count(conversion.key) > 0 ? conversion.key : undefined;
    for (const { key } of conversion.fieldItems ?? []) {
      if (this.keys.add(key) > 1 || documentKeys.count(key) > 0) clash ??= key;
    }
    return clash;
  }
}

interface PlanInputs {
  profile: MigrationProfile | undefined;
  prices: RegionPrices;
  rate: MigrationPlan['rate'];
}

/** One collection's dry run: every document converted as the copy would, and what it costs at `prices`. */
async function planCollection(ctx: MigrationContext, spec: CollectionSpec, { profile, prices, rate }: PlanInputs): Promise<CollectionPlan> {
  const table = tableName(spec.name, ctx.target.config.tablePrefix);
  const problems: DocumentProblem[] = [];
  let documents = 0, totalBytes = 0, largestBytes = 0, problemCount = 0;
  const tally = new ItemTally(spec);
  const keys = new KeyHashes();
  const fieldKeys = new FieldKeys();
  const rules = rulesFor(profile, spec.name);
  const effects = new RuleEffects();
  const { source } = engineContext(ctx);
  for await (const { records } of source.read(spec.name)) {
    for (const doc of records) {
      documents++;
      const bytes = BSON.calculateObjectSize(doc);
      totalBytes += bytes;
      largestBytes = Math.max(largestBytes, bytes);
      const conversion = convertWithRules(doc, spec, rules);
      if (conversion.ok) {
        effects.add(conversion.key, conversion.changes);
        // A moved field's item is written, stored and indexed (in none) like the document's own.
        for (const part of [conversion, ...(conversion.fieldItems ?? [])]) tally.add(part.item, part.size);
        const clash = fieldKeys.clash(conversion, keys);
        if (clash) {
          problemCount++;
          if (problems.length < LISTED_PROBLEMS) problems.push({ collection: spec.name, id: clash, code: 'DUPLICATE_KEY', reason: `a document and the item of a field moved out of another both have the key ${clash}: one would overwrite the other` });
        }
        if (keys.add(conversion.key) === 1) continue;
        problemCount++;
        if (problems.length < LISTED_PROBLEMS && !problems.some((p) => p.code === 'DUPLICATE_KEY' && p.id === conversion.key)) {
          const holders = await source.readByKeys(spec.name, [conversion.key], (d) => keyUnderRules(d, rules));
          problems.push(duplicateProblem(spec.name, conversion.key, holders.map((d) => d._id)));
        }
      } else {
        problemCount++;
        if (problems.length < LISTED_PROBLEMS) problems.push({ collection: spec.name, id: conversion.key, code: conversion.code, reason: conversion.reason });
      }
    }
  }
  const existing = await describeTable(ctx.target, table);
  const tableExists = existing !== undefined;
  const { writeUnits, indexedUnits, jsonBytes } = tally;
  const choice = choosePath({ documents, writeUnits: indexedUnits, jsonBytes, tableExists, directDocsPerSecond: rate.docsPerSecond, exportDocsPerSecond: rate.docsPerSecond * ASSUMED_EXPORT_SPEEDUP, prices });
  return {
    collection: spec.name, table, tableExists, paths: { jsonBytes, writeUnitsWithIndexes: indexedUnits, ...choice },
    ...(existing ? { tableItems: existing.ItemCount ?? 0 } : {}),
    ...(profile ? { ruleEffects: effects.list() } : {}),
    itemBytes: { average: tally.items ? Math.round(tally.bytes / tally.items) : 0, largest: tally.largest },
    monthlyStorageUsd: monthlyStorageUsd(tally.storage, prices),
    provisioned: provisionedAlternative(indexedUnits, documents / rate.docsPerSecond, prices),
    tableCheck: existing ? checkExistingTable(spec, existing) : [],
    documents, averageBytes: documents ? Math.round(totalBytes / documents) : 0, largestBytes, problems, problemCount, writeUnits,
    estimatedCostUsd: writeCostUsd(indexedUnits, prices), estimatedSeconds: documents / rate.docsPerSecond,
  };
}
