import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyMigration } from '../../migration';
import { isPlantedProblem, PLANTED_PROBLEMS, startSandbox } from '../../sandbox';
import type { CliCommand } from '../cli-command';
import { concurrencyOption } from '../config';
import { withContext } from '../open-context';
import { printProblems, printVerify } from '../report';
import { EXIT_OK, EXIT_PROBLEMS, runAction } from '../run-action';
import { runMigration, summaryExitCode } from '../run-migration';
import { addSampleOptions, type SampleFlags } from './sandbox';
import { profileOption, type ProfileFlags } from '../profile-option';
import type { MigrationSummary, VerifyResult } from '../../../shared/migration';

/**
 * With a profile, the planted documents are the rules' to fix: every failure is reported, and
 * the demo is OK when verify is clean and nothing was left behind.
 */
function profileOutcome(summary: MigrationSummary, result: VerifyResult, write: (line: string) => void): number {
  const fixed = result.collections.reduce((n, c) => n + Object.values(c.content?.ruleChanged ?? {}).reduce((a, b) => a + b, 0), 0);
  write('');
  if (summary.failures.length > 0) printProblems('Documents still unmigratable under the profile:', summary.failures, write);
  const ok = result.ok && summary.failures.length === 0;
  write(ok
    ? `Demo OK: every document was migrated and verified; ${fixed} of them as the profile's fix rules changed them (counted apart above).`
    : 'Demo found problems (see above).');
  return ok ? EXIT_OK : EXIT_PROBLEMS;
}

/**
 * The README's first command. Exit code 0 means: everything migrated and verified, and the
 * only documents that failed are the ones the sample data plants on purpose (too large, a
 * regular expression, a null index key, a numeric id), each failing for its expected reason.
 */
export const demoCommand: CliCommand = {
  register(program) {
    addSampleOptions(program.command('demo').description('Start local servers, load sample data, migrate everything with progress, verify, report'))
      .addOption(concurrencyOption())
      .addOption(profileOption())
      .action(runAction(async (flags: SampleFlags & ProfileFlags & { concurrency: number }) => {
        const write = (line: string) => process.stdout.write(`${line}\n`);
        write(`Node ${process.version}`);
        write('Starting local servers and loading sample data...');
        const sandbox = await startSandbox({ alerts: flags.alerts, seed: flags.seed, log: write });
        const stateDir = mkdtempSync(join(tmpdir(), 'awc-demo-'));
        try {
          for (const line of sandbox.descriptions) write(line);
          const total = Object.values(sandbox.counts).reduce((a, b) => a + b, 0);
          write(`Loaded ${total} sample documents into 13 collections (seed ${flags.seed}).\n`);
          const flagsFor = { mongoUrl: sandbox.mongoUrl, endpoint: sandbox.dynamoEndpoint, region: 'us-east-1', prefix: 'AlertWhisperer', stateDir };
          return await withContext(flagsFor, async (ctx) => {
            write('Migrating MongoDB → DynamoDB...');
            const profile = flags.profile ? { profile: flags.profile } : {};
            const summary = await runMigration(ctx, { collections: [], concurrency: flags.concurrency, ...profile });
            const o = summary.overall;
            write(`Migration ${summary.state}: ${o.written} written, ${o.failed} failed in ${(summary.elapsedMs / 1000).toFixed(1)}s\n`);
            if (summaryExitCode(summary) === 2) {
              write(`Error: ${summary.error?.message ?? summary.state}`);
              return EXIT_PROBLEMS;
            }
            const result = await verifyMigration(ctx, profile);
            printVerify(result, write);
            if (flags.profile) return profileOutcome(summary, result, write);
            const unexpected = summary.failures.filter((f) => !isPlantedProblem(f));
            const missingPlanted = PLANTED_PROBLEMS.filter((p) => !summary.failures.some((f) => isPlantedProblem(f) && f.id === p.id));
            write('');
            if (unexpected.length > 0) printProblems('Unexpected failures:', unexpected, write);
            if (missingPlanted.length > 0) write(`Planted problem documents that did not fail as expected: ${missingPlanted.map((p) => `${p.collection}/${p.id}`).join(', ')}`);
            const ok = result.ok && unexpected.length === 0 && missingPlanted.length === 0;
            write(ok
              ? `Demo OK: everything that can be migrated was migrated and verified; the ${summary.failures.length} failures are the sample data's planted unmigratable documents.`
              : 'Demo found problems (see above).');
            return ok ? EXIT_OK : EXIT_PROBLEMS;
          });
        } finally {
          rmSync(stateDir, { recursive: true, force: true });
          await sandbox.stop();
        }
      }));
  },
};
