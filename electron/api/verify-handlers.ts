import { randomUUID } from 'node:crypto';
import type { CallName, VerifyProgress } from '../../shared/contract';
import type { ApiCore, Handlers } from './api-core';
import { toErrorData } from './error-data';
import { ProgressEmitter } from './job-registry';

type VerifyCall = Extract<CallName, `verify.${string}`>;

/** Verify runs: started in the background, watched through the job registry, cancellable. */
export function verifyHandlers<Context>(core: ApiCore<Context>): Handlers<VerifyCall> {
  const { deps, jobs } = core;
  // Verify runs by job: what verify.cancel stops.
  const verifies = new Map<string, AbortController>();
  core.onClose(() => { for (const aborter of verifies.values()) aborter.abort(); });

  return {
    'verify.start': async ({ sourceId, targetId, options }) => {
      core.pair(sourceId, targetId);
      const jobId = randomUUID();
      const started = Date.now();
      const aborter = new AbortController();
      const emitter = new ProgressEmitter<VerifyProgress>({ jobId, state: 'running', done: 0, total: 0, elapsedMs: 0, phase: 'connecting' });
      jobs.add(jobId, 'verify', options.collections, emitter, (p) => p.state);
      verifies.set(jobId, aborter);
      const end = (change: Partial<VerifyProgress>) => emitter.update({ ...emitter.progress(), elapsedMs: Date.now() - started, ...change }, true);
      core.withContext(sourceId, targetId, (context) => deps.engine.verify(context, options, (done, total, phase) => {
        emitter.update({ jobId, state: 'running', done, total, elapsedMs: Date.now() - started, ...(phase ? { phase } : {}) });
      }, aborter.signal)).then(
        (result) => end({ state: 'completed', result }),
        (error: unknown) => end(aborter.signal.aborted ? { state: 'cancelled', phase: 'cancelled' } : { state: 'failed', error: toErrorData(error, deps.log) }),
      ).finally(() => verifies.delete(jobId));
      return { jobId };
    },
    'verify.status': async ({ jobId }) => jobs.get<VerifyProgress>(jobId, 'verify').progress(),
    'verify.cancel': async ({ jobId }) => {
      const job = jobs.get<VerifyProgress>(jobId, 'verify');
      verifies.get(jobId)?.abort();
      return job.progress();
    },
  };
}
