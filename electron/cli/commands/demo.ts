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
import { startLiveWriter } from '../../sandbox/live-writer';
import { followHooks } from '../../migration/change-capture';
import { cutOver, switchLines } from '../live-cutover';

/** The live writer's pace in `demo --live`: a busy Alert Whisperer's webhooks. */
const LIVE_CHANGES_PER_SECOND = 20;

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
      .option('--live', 'a writer inserts, updates and deletes alerts throughout: full load, change capture until in sync, stop writes, drain, verify, switch')
      .action(runAction(async (flags: SampleFlags & ProfileFlags & { concurrency: number; live?: boolean }) => {
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
            const profile = flags.profile ? { profile: flags.profile } : {};
            const writer = flags.live ? await startLiveWriter(ctx.source.db, LIVE_CHANGES_PER_SECOND) : undefined;
            if (writer) write(`A live writer changes alerts ${LIVE_CHANGES_PER_SECOND} times a second (inserts, updates, deletes) from now on.`);
            write(flags.live ? 'Migrating MongoDB → DynamoDB, recording the oplog position first...' : 'Migrating MongoDB → DynamoDB...');
            const summary = await runMigration(ctx, { collections: [], concurrency: flags.concurrency, ...profile }, flags.live ? followHooks(ctx) : undefined);
            const o = summary.overall;
            write(`Migration ${summary.state}: ${o.written} written, ${o.failed} failed in ${(summary.elapsedMs / 1000).toFixed(1)}s\n`);
            if (summaryExitCode(summary) === 2) {
              write(`Error: ${summary.error?.message ?? summary.state}`);
              await writer?.stop();
              return EXIT_PROBLEMS;
            }
            const capture = writer ? await cutOver(ctx, writer, write) : undefined;
            const result = await verifyMigration(ctx, profile);
            printVerify(result, write);
            if (flags.profile) return profileOutcome(summary, result, write);
            const unexpected = summary.failures.filter((f) => !isPlantedProblem(f));
            const missingPlanted = PLANTED_PROBLEMS.filter((p) => !summary.failures.some((f) => isPlantedProblem(f) && f.id === p.id));
            write('');
            if (unexpected.length > 0) printProblems('Unexpected failures:', unexpected, write);
            if (missingPlanted.length > 0) write(`Planted problem documents that did not fail as expected: ${missingPlanted.map((p) => `${p.collection}/${p.id}`).join(', ')}`);
            if (capture && capture.failed > 0) write(`Change capture could not apply ${capture.failed} changes (see above).`);
            const ok = result.ok && unexpected.length === 0 && missingPlanted.length === 0 && (capture?.failed ?? 0) === 0;
            if (ok && capture) for (const line of ['', ...switchLines(ctx)]) write(line);
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
