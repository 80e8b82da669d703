import { DEFAULT_TABLE_PREFIX } from '../../shared/catalogue';
import type { CallName } from '../../shared/contract';
import type { ApiCore, Handlers } from './api-core';

type MigrationCall = Extract<CallName, `migration.${string}`> | 'jobs.list' | 'cloudformation.template';

/** Migration jobs (plan, start, pause, resume, cancel, status, failures), the job list and the CloudFormation template. */
export function migrationHandlers<Context>(core: ApiCore<Context>): Handlers<MigrationCall> {
  const { deps, jobs } = core;
  return {
    'migration.plan': async ({ sourceId, targetId, collections, profile, priceRegion }) => core.withContext(sourceId, targetId, (context) => deps.engine.plan(context, collections, profile, priceRegion)),
    'migration.start': async ({ sourceId, targetId, options }) => {
      const job = await core.startOnPair(sourceId, targetId, 'migration', (context) => deps.engine.start(context, options));
      jobs.add('migration', options.collections, job);
      return { jobId: job.id };
    },
    'migration.pause': async ({ jobId }) => jobs.control(jobId, 'migration', 'pause'),
    'migration.resume': async ({ jobId }) => jobs.control(jobId, 'migration', 'resume'),
    'migration.cancel': async ({ jobId }) => jobs.control(jobId, 'migration', 'cancel'),
    'migration.status': async ({ jobId }) => jobs.get(jobId, 'migration').progress(),
    'migration.failures': async ({ jobId }) => jobs.get(jobId, 'migration').failures(),

    'jobs.list': async () => jobs.list(),

    'cloudformation.template': async ({ tablePrefix }) => {
      const template = deps.engine.template(tablePrefix || DEFAULT_TABLE_PREFIX);
      return { template, json: JSON.stringify(template, null, 2) };
    },
  };
}
