import { randomUUID } from 'node:crypto';
import type { VerifyProgress } from '../../shared/contract';
import type { VerifyResult } from '../../shared/migration';
import { ProgressEmitter } from '../migration/progress-emitter';
import { toErrorData } from './error-data';
import type { VerifyJob } from './job-registry';

type OnProgress = (done: number, total: number, phase?: string) => void;

/**
 * Runs `verify` in the background as a job: progress through the jobs' one emitter (throttled),
 * a cancel that aborts its reads, and a final event with the result, the error or the cancel.
 */
export function startVerifyJob(verify: (onProgress: OnProgress, signal: AbortSignal) => Promise<VerifyResult>, log: (line: string) => void): VerifyJob {
  const id = randomUUID();
  const started = Date.now();
  const aborter = new AbortController();
  const emitter = new ProgressEmitter<VerifyProgress>({ jobId: id, state: 'running', done: 0, total: 0, elapsedMs: 0, phase: 'connecting' });
  const elapsedMs = () => Date.now() - started;
  const end = (change: Partial<VerifyProgress>) => emitter.update({ ...emitter.progress(), elapsedMs: elapsedMs(), ...change }, true);
  const onProgress: OnProgress = (done, total, phase) => emitter.update({ jobId: id, state: 'running', done, total, elapsedMs: elapsedMs(), ...(phase ? { phase } : {}) });
  const done = verify(onProgress, aborter.signal).then(
    (result) => end({ state: 'completed', result }),
    (error: unknown) => end(aborter.signal.aborted ? { state: 'cancelled', phase: 'cancelled' } : { state: 'failed', error: toErrorData(error, log) }),
  );
  return {
    id,
    progress: () => emitter.progress(),
    onProgress: (listener) => emitter.onProgress(listener),
    cancel: () => aborter.abort(),
    done,
  };
}
