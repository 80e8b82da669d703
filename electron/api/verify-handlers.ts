import type { CallName } from '../../shared/contract';
import type { ApiCore, Handlers } from './api-core';
import { startVerifyJob } from './verify-job';

type VerifyCall = Extract<CallName, `verify.${string}`>;

/** Verify runs: started in the background, watched and cancelled through the job registry. */
export function verifyHandlers<Context>(core: ApiCore<Context>): Handlers<VerifyCall> {
  const { deps, jobs } = core;
  return {
    'verify.start': async ({ sourceId, targetId, options }) => {
      core.pair(sourceId, targetId);
      const job = startVerifyJob((onProgress, signal) => core.withContext(sourceId, targetId, (context) => deps.engine.verify(context, options, onProgress, signal)), deps.log);
      jobs.add('verify', options.collections, job);
      return { jobId: job.id };
    },
    'verify.status': async ({ jobId }) => jobs.get(jobId, 'verify').progress(),
    'verify.cancel': async ({ jobId }) => jobs.control(jobId, 'verify', 'cancel'),
  };
}
