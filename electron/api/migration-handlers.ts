import { DEFAULT_TABLE_PREFIX } from '../../shared/catalogue';
import type { CallName } from '../../shared/contract';
import type { MigrationProgress } from '../../shared/migration';
import type { MigrationJob } from '../migration';
import type { ApiCore, Handlers } from './api-core';
import { toErrorData } from './error-data';

type MigrationCall = Extract<CallName, `migration.${string}`> | 'jobs.list' | 'cloudformation.template';

/** Migration jobs (plan, start, pause, resume, cancel, status, failures), the job list and the CloudFormation template. */
export function migrationHandlers<Context>(core: ApiCore<Context>): Handlers<MigrationCall> {
  const { deps, jobs } = core;
  const migrations = new Map<string, MigrationJob>();
  core.onClose(async () => {
    for (const job of migrations.values()) if (job.progress().state === 'running') await job.cancel();
  });

  function migrationJob(jobId: string): MigrationJob {
    jobs.get(jobId, 'migration');
    return migrations.get(jobId)!;
  }

  async function control(jobId: string, action: 'pause' | 'resume' | 'cancel'): Promise<MigrationProgress> {
    const job = migrationJob(jobId);
    await job[action]();
    return job.progress();
  }

  return {
    'migration.plan': async ({ sourceId, targetId, collections, profile, priceRegion }) => core.withContext(sourceId, targetId, (context) => deps.engine.plan(context, collections, profile, priceRegion)),
    'migration.start': async ({ sourceId, targetId, options }) => {
      const { source, target } = core.pair(sourceId, targetId);
      const opened = await deps.engine.open(source, target);
      let job: MigrationJob;
      try {
        job = deps.engine.start(opened.context, options);
      } catch (error) {
        await opened.close().catch(() => {});
        throw error;
      }
      void job.done.catch((error: unknown) => deps.log(`migration ${job.id} ended: ${toErrorData(error, deps.log).message}`)).finally(() => opened.close().catch(() => {}));
      migrations.set(job.id, job);
      jobs.add(job.id, 'migration', options.collections, job, (p) => p.state);
      return { jobId: job.id };
    },
    'migration.pause': async ({ jobId }) => control(jobId, 'pause'),
    'migration.resume': async ({ jobId }) => control(jobId, 'resume'),
    'migration.cancel': async ({ jobId }) => control(jobId, 'cancel'),
    'migration.status': async ({ jobId }) => migrationJob(jobId).progress(),
    'migration.failures': async ({ jobId }) => migrationJob(jobId).failures(),

    'jobs.list': async () => jobs.list(),

    'cloudformation.template': async ({ tablePrefix }) => {
      const template = deps.engine.template(tablePrefix || DEFAULT_TABLE_PREFIX);
      return { template, json: JSON.stringify(template, null, 2) };
    },
  };
}
