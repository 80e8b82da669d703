import type { MigrationPlan } from '../../../shared/migration';
import { planMigration } from '../../migration';
import { AWS_PRICES } from '../../migration/aws-prices';
import type { CliCommand } from '../cli-command';
import { addConnectionOptions, checkCollectionNames, type ConnectionFlags } from '../config';
import { withContext } from '../open-context';
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
  if (plan.prices) write(`Prices (${plan.prices.region}, ${plan.prices.asOf}): $${AWS_PRICES.usdPerWriteUnit * 1e6} per million write units (per table and GSI), ImportTable $${AWS_PRICES.usdPerImportGb} per GB of uncompressed data; ${plan.prices.source}. ImportTable only creates new tables.`);
}

function printPlan(plan: MigrationPlan, write: (line: string) => void): void {
  write('Dry run: nothing was written.');
  write(`${'collection'.padEnd(24)} ${'docs'.padStart(9)} ${'avg'.padStart(9)} ${'largest'.padStart(9)} ${'problems'.padStart(8)} ${'WRUs'.padStart(9)} ${'cost $'.padStart(9)}  table`);
  for (const c of plan.collections) {
    write(`${c.collection.padEnd(24)} ${String(c.documents).padStart(9)} ${kb(c.averageBytes).padStart(9)} ${kb(c.largestBytes).padStart(9)} ${String(c.problemCount).padStart(8)} ${String(c.writeUnits).padStart(9)} ${c.estimatedCostUsd.toFixed(4).padStart(9)}  ${c.table}${c.tableExists ? '' : ' (will be created)'}`);
  }
  const t = plan.totals;
  write(`${'total'.padEnd(24)} ${String(t.documents).padStart(9)} ${''.padStart(9)} ${''.padStart(9)} ${String(t.problemCount).padStart(8)} ${String(t.writeUnits).padStart(9)} ${t.estimatedCostUsd.toFixed(4).padStart(9)}`);
  write(`Estimated duration: ${Math.ceil(t.estimatedSeconds)}s at ${plan.rate.docsPerSecond} docs/s (${plan.rate.source}); cost at $1.25 per million write units.`);
  printPaths(plan, write);
  const problems = plan.collections.flatMap((c) => c.problems);
  if (problems.length > 0) printProblems('Documents that cannot be migrated:', problems, write);
}

export const planCommand: CliCommand = {
  register(program) {
    addConnectionOptions(program.command('plan').argument('[collections...]', 'collections to plan (default: all 13)')
      .description('Dry run: sizes, documents that cannot be migrated and why, write units, cost and duration'))
      .option('--json', 'print the plan as JSON')
      .addOption(profileOption())
      .action(runAction(async (collections: string[], flags: ConnectionFlags & ProfileFlags & { json?: boolean }) => {
        checkCollectionNames(collections);
        const plan = await withContext(flags, (ctx) => planMigration(ctx, collections, flags.profile));
        if (flags.json) process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
        else printPlan(plan, (line) => process.stdout.write(`${line}\n`));
        return EXIT_OK;
      }));
  },
};
