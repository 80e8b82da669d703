import { describe, expect, it } from 'vitest';
import { recordHostile } from '../../test/hostile-inputs';
import type { MigrationProgress } from '../../shared/migration';
import type { MigrationJob } from '../migration';
import { createConnectionStore } from '../settings/connection-store';
import type { ApiDeps } from './api-deps';
import { createApi } from './create-api';

/**
 * Issue 9: stream events are checked against the contract's event schema, as call outputs are,
 * so a bug in a job can never send the page more (or other) than the contract declares.
 */

const valid: MigrationProgress = {
  jobId: 'job-1', state: 'running', collections: [], elapsedMs: 10,
  overall: { total: 1, read: 0, written: 0, failed: 0, skipped: 0, docsPerSecond: 0, etaSeconds: null },
};

/** A job whose progress is whatever the test pushes. */
function fakeJob(first: unknown) {
  let current = first;
  const listeners = new Set<(p: MigrationProgress) => void>();
  const job = {
    id: 'job-1',
    progress: () => current as MigrationProgress,
    onProgress: (listener: (p: MigrationProgress) => void) => { listeners.add(listener); return () => listeners.delete(listener); },
    pause() {}, resume() {}, cancel() {}, failures: () => [],
    done: new Promise<never>(() => {}),
  } satisfies MigrationJob;
  const push = (next: unknown) => { current = next; for (const l of listeners) l(next as MigrationProgress); };
  return { job, push };
}

async function startedApi(first: unknown) {
  const { job, push } = fakeJob(first);
  const store = createConnectionStore();
  store.save({ id: 'm', name: 'm', connection: { backend: 'mongodb', url: 'mongodb://127.0.0.1:1/db' } });
  store.save({ id: 'd', name: 'd', connection: { backend: 'dynamodb', region: 'us-east-1', tablePrefix: 'AW' } });
  const logged: string[] = [];
  const refuse = () => { throw new Error('not used'); };
  const deps: ApiDeps = {
    store, createAdapter: refuse, startSandbox: refuse, log: (line) => logged.push(line),
    engine: { open: async () => ({ context: {}, close: async () => {} }), start: () => job, plan: refuse, verify: refuse, template: refuse, cutover: refuse },
  };
  const api = createApi(deps);
  expect(await api.call('migration.start', { sourceId: 'm', targetId: 'd' })).toMatchObject({ ok: true, output: { jobId: 'job-1' } });
  return { api, push, logged };
}

describe('stream events', () => {
  it('sends events that match the contract, without fields it does not declare', async () => {
    const { api, push } = await startedApi({ ...valid, connectionUrl: 'mongodb://u:secret@h' });
    const received: unknown[] = [];
    await api.subscribe('migration.progress', { jobId: 'job-1' }, (event) => received.push(event));
    push({ ...valid, elapsedMs: 20 });
    expect(received).toEqual([valid, { ...valid, elapsedMs: 20 }]);
  });

  it('drops and logs an event outside the contract', async () => {
    recordHostile(1);
    const { api, push, logged } = await startedApi(valid);
    const received: unknown[] = [];
    await api.subscribe('migration.progress', { jobId: 'job-1' }, (event) => received.push(event));
    push({ ...valid, state: 'exploded' });
    push({ ...valid, overall: { ...valid.overall, read: -1 } });
    push('not an object');
    expect(received).toEqual([valid]);
    expect(logged.filter((l) => l.includes('outside the contract'))).toHaveLength(3);
  });
});
