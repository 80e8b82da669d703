import { BSON } from 'mongodb';
import { tableName } from '../../shared/catalogue';
import type { CollectionPlan, DocumentProblem, MigrationPlan } from '../../shared/migration';
import { dynamoJsonLine } from '../adapters/dynamodb/import-table';
import { describeTable } from '../adapters/dynamodb/table-admin';
import { AWS_PRICES } from './aws-prices';
import { ASSUMED_EXPORT_SPEEDUP, choosePath, indexesHit } from './choose-path';
import { engineContext, type MigrationContext } from './context';
import { planCapacity } from './capacity-plan';
import { duplicateProblem } from './duplicate-keys';
import { convertWithRules, keyUnderRules } from './fix-rules';
import { RuleEffects } from './rule-effects';
import { marshalItem } from '../adapters/dynamodb/marshal-item';
import { checkExistingTable, monthlyStorageUsd, provisionedAlternative, storedBytes } from './plan-trust';
import { rulesFor, type MigrationProfile } from '../../shared/migration-profile';
import { KeyHashes } from './key-hashes';
import { loadMeasuredRate } from './measured-rate';
import { MIN_DOCUMENTS_FOR_RATE, selectCollections } from './migration-job';

/** Used until a migration has measured the real rate here. */
const ASSUMED_DOCS_PER_SECOND = 2000;
const LISTED_PROBLEMS = 100;

/**
 * A dry run: reads every document, converts it exactly as the copy would, and reports sizes,
 * the documents that cannot be written and why (a key shared by several documents included: one
 * problem per document that would be replaced), write units, cost and duration. Writes nothing.
 */
export async function planMigration(ctx: MigrationContext, collections: string[], profile?: MigrationProfile): Promise<MigrationPlan> {
  // A rate measured over a few documents (start-up, a warm cache) says nothing of a long run.
  const saved = loadMeasuredRate(ctx.stateDir);
  const measured = saved && saved.documents >= MIN_DOCUMENTS_FOR_RATE ? saved : undefined;
  const rate = measured
    ? { docsPerSecond: Math.round(measured.docsPerSecond), source: `measured by the migration of ${measured.measuredAt}, over ${measured.documents} documents` }
    : { docsPerSecond: ASSUMED_DOCS_PER_SECOND, source: 'assumed: no migration measured yet in this state folder' };
  const plans: CollectionPlan[] = [];
  const { source } = engineContext(ctx);
  for (const spec of selectCollections(collections)) {
    const table = tableName(spec.name, ctx.target.config.tablePrefix);
    const problems: DocumentProblem[] = [];
    let documents = 0, totalBytes = 0, largestBytes = 0, problemCount = 0, writeUnits = 0, jsonBytes = 0, indexedUnits = 0;
    let items = 0, itemBytes = 0, largestItem = 0, storage = 0;
    const keys = new KeyHashes();
    const rules = rulesFor(profile, spec.name);
    const effects = new RuleEffects();
    for await (const { records } of source.read(spec.name)) {
      for (const doc of records) {
        documents++;
        const bytes = BSON.calculateObjectSize(doc);
        totalBytes += bytes;
        largestBytes = Math.max(largestBytes, bytes);
        const conversion = convertWithRules(doc, spec, rules);
        if (conversion.ok) {
          effects.add(conversion.key, conversion.changes);
          const units = Math.max(1, Math.ceil(conversion.size / 1024));
          const hit = indexesHit(conversion.item, spec.indexes);
          writeUnits += units;
          indexedUnits += units * (1 + hit);
          items++;
          itemBytes += conversion.size;
          largestItem = Math.max(largestItem, conversion.size);
          storage += storedBytes(conversion.size, hit);
          jsonBytes += Buffer.byteLength(dynamoJsonLine(marshalItem(conversion.item)));
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
    const choice = choosePath({ documents, writeUnits: indexedUnits, jsonBytes, tableExists, directDocsPerSecond: rate.docsPerSecond, exportDocsPerSecond: rate.docsPerSecond * ASSUMED_EXPORT_SPEEDUP });
    plans.push({
      collection: spec.name, table, tableExists, paths: { jsonBytes, writeUnitsWithIndexes: indexedUnits, ...choice },
      ...(existing ? { tableItems: existing.ItemCount ?? 0 } : {}),
      ...(profile ? { ruleEffects: effects.list() } : {}),
      itemBytes: { average: items ? Math.round(itemBytes / items) : 0, largest: largestItem },
      monthlyStorageUsd: monthlyStorageUsd(storage),
      provisioned: provisionedAlternative(indexedUnits, documents / rate.docsPerSecond),
      tableCheck: existing ? checkExistingTable(spec, existing) : [],
      documents, averageBytes: documents ? Math.round(totalBytes / documents) : 0, largestBytes, problems, problemCount, writeUnits,
      estimatedCostUsd: indexedUnits * AWS_PRICES.usdPerWriteUnit, estimatedSeconds: documents / rate.docsPerSecond,
    });
  }
  const sum = (field: 'documents' | 'problemCount' | 'writeUnits' | 'estimatedCostUsd' | 'estimatedSeconds') => plans.reduce((s, p) => s + p[field], 0);
  return {
    collections: plans,
    totals: { documents: sum('documents'), problemCount: sum('problemCount'), writeUnits: sum('writeUnits'), estimatedCostUsd: sum('estimatedCostUsd'), estimatedSeconds: sum('estimatedSeconds') },
    rate,
    prices: { region: AWS_PRICES.region, asOf: AWS_PRICES.asOf, source: AWS_PRICES.source },
    capacity: planCapacity(sum('documents'), sum('writeUnits'), rate.docsPerSecond),
  };
}
