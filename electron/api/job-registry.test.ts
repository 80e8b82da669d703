import { describe, expect, it } from 'vitest';
import type { VerifyResult } from '../../shared/migration';
import type { MigrationJob } from '../migration';
import { JobRegistry } from './job-registry';
import { startVerifyJob } from './verify-job';

/** A migration job whose state the test moves, recording the controls it receives. */
function fakeMigration(id: string, state: 'running' | 'paused' | 'completed' = 'running') {
  const calls: string[] = [];
  let current = state;
  let finish!: () => void;
  const done = new Promise<void>((resolve) => { finish = resolve; });
  const job = {
    id,
    progress: () => ({ jobId: id, state: current }),
    onProgress: () => () => {},
    pause: () => { calls.push('pause'); current = 'paused'; },
    resume: () => { calls.push('resume'); current = 'running'; },
    cancel: () => { calls.push('cancel'); setTimeout(finish, 20); },
    failures: () => [],
    done,
  } as unknown as MigrationJob;
  return { job, calls };
}

const verifyThat = (run: (signal: AbortSignal) => Promise<VerifyResult>) => startVerifyJob((_onProgress, signal) => run(signal), () => {});
const never = (signal: AbortSignal) => new Promise<VerifyResult>((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));

describe('one registry for migration and verify jobs', () => {
  it('lists both kinds with their state, and finds each only under its own kind', () => {
    const jobs = new JobRegistry();
    const migration = fakeMigration('m1');
    const verify = verifyThat(never);
    jobs.add('migration', ['alerts'], migration.job);
    jobs.add('verify', ['users'], verify);
    expect(jobs.list()).toEqual(expect.arrayContaining([
      expect.objectContaining({ jobId: 'm1', kind: 'migration', state: 'running', collections: ['alerts'] }),
      expect.objectContaining({ jobId: verify.id, kind: 'verify', state: 'running', collections: ['users'] }),
    ]));
    expect(() => jobs.get('m1', 'verify')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    verify.cancel();
  });

  it('pauses and resumes a migration; a verify job can only be cancelled', async () => {
    const jobs = new JobRegistry();
    const migration = fakeMigration('m1');
    const verify = verifyThat(never);
    jobs.add('migration', [], migration.job);
    jobs.add('verify', [], verify);
    await expect(jobs.control('m1', 'migration', 'pause')).resolves.toMatchObject({ state: 'paused' });
    await expect(jobs.control('m1', 'migration', 'resume')).resolves.toMatchObject({ state: 'running' });
    expect(migration.calls).toEqual(['pause', 'resume']);
    await expect(jobs.control(verify.id, 'verify', 'pause')).rejects.toMatchObject({ code: 'VALIDATION' });
    await jobs.control(verify.id, 'verify', 'cancel');
    await verify.done;
    expect(jobs.get(verify.id, 'verify').progress()).toMatchObject({ state: 'cancelled', phase: 'cancelled' });
  });

  it('at close, cancels every job that has not ended (paused ones too) and waits for them', async () => {
    const jobs = new JobRegistry();
    const running = fakeMigration('run');
    const paused = fakeMigration('pause', 'paused');
    const ended = fakeMigration('end', 'completed');
    const verify = verifyThat(never);
    for (const { job } of [running, paused, ended]) jobs.add('migration', [], job);
    jobs.add('verify', [], verify);
    await jobs.cancelAll();
    expect([running.calls, paused.calls, ended.calls]).toEqual([['cancel'], ['cancel'], []]);
    expect(verify.progress().state).toBe('cancelled');
  });

  it('keeps an ended job, so a reloaded page still gets its last progress', async () => {
    const jobs = new JobRegistry();
    const result: VerifyResult = { ok: true, collections: [] };
    const verify = verifyThat(async () => result);
    jobs.add('verify', [], verify);
    await verify.done;
    const seen: unknown[] = [];
    jobs.watch(verify.id, 'verify', (p) => seen.push(p));
    expect(seen).toEqual([expect.objectContaining({ state: 'completed', result })]);
  });
});

describe('a verify job', () => {
  it('reports a failure with its error, not as a cancel', async () => {
    const job = verifyThat(async () => { throw Object.assign(new Error('refused'), { name: 'X' }); });
    await job.done;
    expect(job.progress()).toMatchObject({ state: 'failed', error: { message: expect.any(String) } });
  });

  it('sends progress through the emitter, the final event at once', async () => {
    const job = startVerifyJob(async (onProgress) => { onProgress(1, 2, 'counting'); return { ok: true, collections: [] }; }, () => {});
    const events: { state: string }[] = [];
    job.onProgress((p) => events.push(p));
    await job.done;
    expect(events.at(-1)).toMatchObject({ state: 'completed', done: 1, total: 2 });
  });
});
