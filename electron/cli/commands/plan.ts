import type { MigrationPlan } from '../../../shared/migration';
import { planMigration } from '../../migration';
import { InvalidArgumentError, Option } from 'commander';
import { PRICE_REGIONS, regionPrices, unknownPriceRegion } from '../../../shared/aws-prices';
import { planRestore, type RestorePlan } from '../../migration/plan-restore';
import type { CliCommand } from '../cli-command';
import { addConnectionOptions, addDirectionOptions, checkCollectionNames, directionOf, type ConnectionFlags, type DirectionFlags } from '../config';
import { withContext, withPorts } from '../open-context';
import { printProblems } from '../report';
import { profileOption, type ProfileFlags } from '../profile-option';
import { EXIT_OK, runAction } from '../run-action';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const seconds = (s: number) => (s < 120 ? `${Math.ceil(s)}s` : `${Math.round(s / 60)}min`);

/** Direct copy against S3 + ImportTable, per collection, with the recommendation and its reason. */
function printPaths(plan: MigrationPlan, write: (line: string) => void): void {
  write('');
  write(`${'collection'.padEnd(24)} ${'direct $'.padStart(9)} ${'time'.padStart(7)} ${'via S3 $'.padStart(9)} ${'time'.padStart(7)}  recommended: why`);
  for (const c of plan.collections) {
    if (!c.paths) continue;
    const p = c.paths;
    const s3 = p.s3.available ? `${p.s3.costUsd.toFixed(4).padStart(9)} ${seconds(p.s3.seconds).padStart(7)}` : `${'n/a'.padStart(9)} ${''.padStart(7)}`;
    write(`${c.collection.padEnd(24)} ${p.direct.costUsd.toFixed(4).padStart(9)} ${seconds(p.direct.seconds).padStart(7)} ${s3}  ${p.recommended === 's3' ? 'via S3' : 'direct'}: ${p.why}`);
  }
  write(`Paths at ${plan.prices.region} prices: $${plan.prices.usdPerMillionWrites} per million write units (per table and GSI), ImportTable $${plan.prices.usdPerImportGb} per GB of uncompressed data. ImportTable only creates new tables.`);
}

/** Item sizes as DynamoDB counts them, storage per month, the provisioned alternative, and what existing tables hold. */
function printTargetDetails(plan: MigrationPlan, write: (line: string) => void): void {
  write('');
  write(`${'collection'.padEnd(24)} ${'item avg'.padStart(9)} ${'largest'.padStart(9)} ${'storage $/mo'.padStart(12)} ${'prov. WCU'.padStart(9)} ${'prov. $'.padStart(9)}  existing table`);
  for (const c of plan.collections) {
    const check = c.tableCheck?.length ? c.tableCheck.join('; ') : c.tableExists ? 'fits' : '-';
    write(`${c.collection.padEnd(24)} ${kb(c.itemBytes?.average ?? 0).padStart(9)} ${kb(c.itemBytes?.largest ?? 0).padStart(9)} ${(c.monthlyStorageUsd ?? 0).toFixed(4).padStart(12)} ${String(c.provisioned?.writeCapacityUnits ?? 0).padStart(9)} ${(c.provisioned?.costUsd ?? 0).toFixed(4).padStart(9)}  ${check}`);
  }
  const p = plan.prices;
  write(`Item sizes as DynamoDB counts them; storage at $${p.usdPerGbMonth} per GB-month (items + 100 bytes, table and GSIs); provisioned: write capacity to finish in the estimated time at $${p.usdPerWcuHour} per WCU-hour (${p.region}; the seed guide's $0.47 per WCU-month is us-east-1's), by the started hour.`);
}

/** Per collection, what each of the profile's fix rules changes, with examples (before → after). */
function printRuleEffects(plan: MigrationPlan, write: (line: string) => void): void {
  if (!plan.collections.some((c) => c.ruleEffects)) return;
  write('');
  write('Fix rules (from the profile), before anything is written:');
  const effects = plan.collections.flatMap((c) => (c.ruleEffects ?? []).map((e) => ({ collection: c.collection, ...e })));
  if (effects.length === 0) write('  none of the rules changes a document of these collections');
  for (const e of effects) {
    write(`  ${e.collection} ${e.rule}: ${e.documents} document${e.documents === 1 ? '' : 's'}`);
    for (const x of e.examples) write(`    ${x.id} ${x.path}: ${x.before} → ${x.after}`);
  }
}

function printPlan(plan: MigrationPlan, write: (line: string) => void): void {
  write('Dry run: nothing was written.');
  const p = plan.prices;
  write(`Prices: ${p.region} (${p.chosenBy}; other regions: --price-region), as of ${p.asOf}, from the ${p.source}.`);
  write(`${'collection'.padEnd(24)} ${'docs'.padStart(9)} ${'avg'.padStart(9)} ${'largest'.padStart(9)} ${'problems'.padStart(8)} ${'WRUs'.padStart(9)} ${'cost $'.padStart(9)}  table`);
  for (const c of plan.collections) {
    write(`${c.collection.padEnd(24)} ${String(c.documents).padStart(9)} ${kb(c.averageBytes).padStart(9)} ${kb(c.largestBytes).padStart(9)} ${String(c.problemCount).padStart(8)} ${String(c.writeUnits).padStart(9)} ${c.estimatedCostUsd.toFixed(4).padStart(9)}  ${c.table}${c.tableExists ? '' : ' (will be created)'}`);
  }
  const t = plan.totals;
  write(`${'total'.padEnd(24)} ${String(t.documents).padStart(9)} ${''.padStart(9)} ${''.padStart(9)} ${String(t.problemCount).padStart(8)} ${String(t.writeUnits).padStart(9)} ${t.estimatedCostUsd.toFixed(4).padStart(9)}`);
  write(`Estimated duration: ${Math.ceil(t.estimatedSeconds)}s at ${plan.rate.docsPerSecond} docs/s (${plan.rate.source}); cost at $${p.usdPerMillionWrites} per million write units, for the table and each GSI an item lands in.`);
  printPaths(plan, write);
  const c = plan.capacity;
  if (c) write(`Capacity: a new on-demand table takes ${c.onDemandInitialWcu} writes/s, so expect ${c.expectedDocsPerSecond} docs/s (limited by ${c.limitedBy}); on-demand $${c.onDemandCostUsd.toFixed(2)}, or provisioned ${c.provisioned.wcu} WCU for ${c.provisioned.hours} h $${c.provisioned.costUsd.toFixed(2)} then on-demand${c.warmThroughputWcu ? `, or warm throughput of ${c.warmThroughputWcu} WCU (one-time charge, see AWS pricing)` : ''} (${p.region} prices of ${c.pricesAsOf}).`);
  printTargetDetails(plan, write);
  printRuleEffects(plan, write);
  const problems = plan.collections.flatMap((c) => c.problems);
  if (problems.length > 0) printProblems(plan.collections.some((c) => c.ruleEffects) ? 'Documents still unmigratable under the profile:' : 'Documents that cannot be migrated:', problems, write);
}

/** `--price-region <region>`: a region of the price list, else one line naming the known ones (exit 2). */
function priceRegionOption(): Option {
  return new Option('--price-region <region>', `region whose AWS prices the plan uses (default: --region when it has prices, else us-east-1; one of ${PRICE_REGIONS.join(', ')})`)
    .argParser((value: string) => {
      if (!regionPrices(value)) throw new InvalidArgumentError(unknownPriceRegion(value));
      return value;
    });
}

/** The way back's dry run: items, the ones that cannot be restored, and per field what the item cannot tell. */
function printRestorePlan(plan: RestorePlan, write: (line: string) => void): void {
  write('Dry run (DynamoDB → MongoDB): nothing was written.');
  write(`${'collection'.padEnd(24)} ${'items'.padStart(9)} ${'problems'.padStart(8)}  table`);
  for (const c of plan.collections) write(`${c.collection.padEnd(24)} ${String(c.items).padStart(9)} ${String(c.problemCount).padStart(8)}  ${c.source}`);
  write(`${'total'.padEnd(24)} ${String(plan.totals.items).padStart(9)} ${String(plan.totals.problemCount).padStart(8)}`);
  const fields = plan.collections.flatMap((c) => c.fields.map((f) => ({ collection: c.collection, ...f })));
  if (fields.length > 0) {
    write('');
    write('What the items cannot tell (the restored type is a guess; shared/field-types.ts names the fields restored by type):');
    for (const f of fields) write(`  ${f.collection}.${f.path} (${f.items} item${f.items === 1 ? '' : 's'}): ${f.note}`);
  }
  const problems = plan.collections.flatMap((c) => c.problems);
  if (problems.length > 0) printProblems('Items that cannot be restored:', problems, write);
}

type PlanFlags = ConnectionFlags & DirectionFlags & ProfileFlags & { json?: boolean; priceRegion?: string };

async function plan(collections: string[], flags: PlanFlags): Promise<number> {
  checkCollectionNames(collections);
  const direction = directionOf(flags);
  const write = (line: string) => process.stdout.write(`${line}\n`);
  if (direction.from === 'dynamodb') {
    const restore = await withPorts(flags, direction, (ctx) => planRestore(ctx, collections));
    if (flags.json) write(JSON.stringify(restore, null, 2));
    else printRestorePlan(restore, write);
    return EXIT_OK;
  }
  const forward = await withContext(flags, (ctx) => planMigration(ctx, collections, flags.profile, flags.priceRegion));
  if (flags.json) write(JSON.stringify(forward, null, 2));
  else printPlan(forward, write);
  return EXIT_OK;
}

export const planCommand: CliCommand = {
  register(program) {
    addDirectionOptions(addConnectionOptions(program.command('plan').argument('[collections...]', 'collections to plan (default: all 13)')
      .description('Dry run: sizes, documents that cannot be migrated and why, write units, cost and duration; --from dynamodb: the way back\'s fields it cannot restore exactly')))
      .option('--json', 'print the plan as JSON')
      .addOption(profileOption())
      .addOption(priceRegionOption())
      .action(runAction(plan));
  },
};
