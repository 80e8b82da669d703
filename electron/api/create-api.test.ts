import { describe, expect, it } from 'vitest';
import { CALL_NAMES, STREAM_NAMES, type CallName } from '../../shared/contract';
import { createConnectionStore } from '../settings/connection-store';
import type { ApiDeps } from './api-deps';
import { createApi } from './create-api';

/** Deps that record any use: a rejected input must reach none of them. */
function recordingDeps() {
  const used: string[] = [];
  const refuse = (what: string) => () => { used.push(what); throw new Error(`${what} must not be reached`); };
  const store = createConnectionStore();
  store.save({ id: 'm', name: 'mongo', connection: { backend: 'mongodb', url: 'mongodb://u:secret@127.0.0.1:1/db' } });
  const deps: ApiDeps = {
    store,
    createAdapter: refuse('createAdapter'),
    engine: { open: refuse('open'), plan: refuse('plan'), start: refuse('start'), verify: refuse('verify'), template: refuse('template') },
    startSandbox: refuse('startSandbox'),
    log: () => {},
  };
  return { deps, used, store };
}

const ANY_BAD = [null, 42, 'text', [], { unexpected: true }];
const doc = { connectionId: 'm', collection: 'alerts' };

/** Inputs that are wrong in one specific way, per call, on top of ANY_BAD. */
const TARGETED: Record<CallName, unknown[]> = {
  'connections.test': [{ connection: { backend: 'mongodb', url: 'http://x' } }, { connection: { backend: 'oracle' } }, { connectionId: '' }],
  'connections.save': [{ name: '', connection: { backend: 'mongodb', url: 'mongodb://h' } }, { name: 'x', connection: { backend: 'dynamodb', endpoint: 'not a url' } }, { name: 'x', connection: { backend: 'dynamodb', tablePrefix: 'bad prefix!' } }],
  'connections.list': [{ id: 'x' }],
  'connections.remove': [{ id: '' }, { id: 5 }],
  'aws.profiles': [{ file: '/etc/passwd' }],
  'connections.defaults': [{ open: 'dynamodb' }],
  'collections.list': [{ connectionId: 3 }],
  'collections.describe': [{ connectionId: 'm', collection: 'not_a_collection' }],
  'documents.find': [{ ...doc, filter: { $where: 'sleep(1)' } }, { ...doc, filter: { a: { $regex: 'x' } } }, { ...doc, filter: {}, options: { limit: -1 } }, { ...doc, filter: {}, options: { projection: { a: 1, b: 0 } } }, { ...doc, filter: {}, options: { sort: [['a', 2]] } }],
  'documents.cancel': [{ requestId: '' }, { requestId: 'r', extra: 1 }],
  'documents.preview': [{ ...doc, filter: { $where: 'sleep(1)' } }, { ...doc, filter: {}, options: { sort: [['a', 2]] } }],
  'documents.findOne': [{ ...doc, filter: { $or: [] } }, { ...doc }],
  'documents.insert': [{ ...doc, document: 'x' }, { ...doc }],
  'documents.update': [{ ...doc, filter: { id: 'a1' }, update: { name: 'replacement' } }, { ...doc, filter: { id: 'a1' }, update: { $set: { id: 'b' } } }, { ...doc, filter: { id: 'a1' }, update: { $inc: { n: 'one' } } }, { ...doc, filter: { id: 'a1' }, update: {} }],
  'documents.delete': [{ ...doc, filter: { $function: {} } }, { ...doc, collection: 'system.users', filter: {} }],
  'documents.count': [{ ...doc, filter: { a: { $in: 'x' } } }],
  'migration.plan': [{ sourceId: 'm', targetId: 'd', collections: ['nope'] }, { sourceId: 'm' }],
  'migration.start': [{ sourceId: 'm', targetId: 'd', options: { concurrency: 0 } }, { sourceId: 'm', targetId: 'd', options: { collections: ['x'] } }, { sourceId: 'm', targetId: 'd', options: { resume: 'yes' } }],
  'migration.pause': [{ jobId: '' }],
  'migration.resume': [{ jobId: 1 }],
  'migration.cancel': [{}],
  'migration.status': [{ jobId: null }],
  'migration.failures': [{ job: 'x' }],
  'verify.start': [{ sourceId: 'm', targetId: 'd', options: { sample: 0 } }, { sourceId: 'm', targetId: 'd', options: { countsOnly: 1 } }],
  'verify.status': [{}],
  'verify.cancel': [{ jobId: '' }],
  'jobs.list': [{ all: true }],
  'cloudformation.template': [{ tablePrefix: 'a b' }, {}],
  'sandbox.start': [{ alerts: -1 }, { alerts: 1.5 }],
  'sandbox.status': [{ verbose: true }],
};

describe('every contract call validates its input first', () => {
  it.each(CALL_NAMES)('%s refuses invalid input with VALIDATION and changes nothing', async (name) => {
    const { deps, used, store } = recordingDeps();
    const api = createApi(deps);
    const before = JSON.stringify(store.list());
    for (const input of [...ANY_BAD, ...TARGETED[name]]) {
      const outcome = await api.call(name, input);
      expect(outcome, `${name} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!outcome.ok) {
        expect(outcome.error.message).toContain(name);
        expect(Array.isArray(outcome.error.details?.issues)).toBe(true);
      }
    }
    expect(used).toEqual([]);
    expect(JSON.stringify(store.list())).toBe(before);
  });

  it('covers every call of the contract', () => {
    expect(Object.keys(TARGETED).sort()).toEqual([...CALL_NAMES].sort());
  });

  it('refuses unknown calls and streams', async () => {
    const { deps } = recordingDeps();
    const api = createApi(deps);
    expect(await api.call('fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await api.call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await api.subscribe('shell.exec', {}, () => {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it.each(STREAM_NAMES)('%s refuses an invalid subscription and an unknown job', async (name) => {
    const { deps } = recordingDeps();
    const api = createApi(deps);
    expect(await api.subscribe(name, { jobId: 7 }, () => {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await api.subscribe(name, { jobId: 'nope' }, () => {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('never echoes a secret in a validation error', async () => {
    const { deps } = recordingDeps();
    const api = createApi(deps);
    const outcome = await api.call('connections.save', { name: '', connection: { backend: 'mongodb', url: 'mongodb://u:hunter2@h/db' } });
    expect(JSON.stringify(outcome)).not.toContain('hunter2');
  });
});

describe('saved connections', () => {
  it('are listed without their secrets', async () => {
    const { deps } = recordingDeps();
    const api = createApi(deps);
    const saved = await api.call('connections.save', {
      name: 'prod', connection: { backend: 'dynamodb', region: 'eu-west-1', credentials: { accessKeyId: 'AKIA1', secretAccessKey: 'topsecret' } },
    });
    expect(saved).toMatchObject({ ok: true, output: { credentialsSource: 'keys', accessKeyId: 'AKIA1', hasSecret: { secretAccessKey: true } } });
    const listed = await api.call('connections.list', {});
    expect(JSON.stringify(listed)).not.toMatch(/topsecret|secret@/);
    expect(JSON.stringify(listed)).toContain('mongodb://u@127.0.0.1:1/db');
  });

  it('hides an unexpected failure behind INTERNAL', async () => {
    const { deps } = recordingDeps();
    const api = createApi(deps);
    const outcome = await api.call('collections.list', { connectionId: 'm' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(outcome)).not.toContain('must not be reached');
  });
});
