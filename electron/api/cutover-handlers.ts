import type { CallName, CallOutput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { ApiCore, Handlers } from './api-core';

type CutoverCall = Extract<CallName, `cutover.${string}`>;

/**
 * The guided cutover as one job of the registry: it lives in the main process, so a reloaded
 * console finds it (jobs.list) and subscribes to `cutover.progress` again. One runs at a time:
 * two would follow one oplog into the same tables and share one state folder.
 */
export function cutoverHandlers<Context>(core: ApiCore<Context>): Handlers<CutoverCall> {
  const { deps, jobs } = core;

  function refuseSecondRun(): void {
    const running = jobs.list().find((job) => job.kind === 'cutover' && job.state === 'running');
    if (running) throw new AppError('CONFLICT', `A cutover is already running (step "${jobs.get(running.jobId, 'cutover').progress().step}"). Follow it on the Cutover page, or cancel it before starting another.`);
  }

  return {
    'cutover.start': async ({ sourceId, targetId, options }): Promise<CallOutput<'cutover.start'>> => {
      refuseSecondRun();
      const job = await core.startOnPair(sourceId, targetId, 'cutover', (context) => deps.engine.cutover(context, options));
      jobs.add('cutover', job.progress().collections, job);
      return { jobId: job.id };
    },
    'cutover.status': async ({ jobId }) => jobs.get(jobId, 'cutover').progress(),
    'cutover.confirmStopWrites': async ({ jobId, verify }) => {
      const job = jobs.get(jobId, 'cutover');
      job.confirmStopWrites(verify);
      return job.progress();
    },
    'cutover.cancel': async ({ jobId }) => {
      const job = jobs.get(jobId, 'cutover');
      job.cancel();
      return job.progress();
    },
  };
}
