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
    engine: { open: refuse('open'), plan: refuse('plan'), start: refuse('start'), verify: refuse('verify'), template: refuse('template'), cutover: refuse('cutover') },
    startSandbox: refuse('startSandbox'),
    log: () => {},
  };
  return { deps, used, store };
}

const ANY_BAD = [null, 42, 'text', [], { unexpected: true }];
const doc = { connectionId: 'm', collection: 'alerts' };
/** The probe's reproductions (issue 9): JSON.parse keeps `__proto__` as an own key, as a transport does. */
const protoFilter = JSON.parse('{"__proto__": "x"}') as Record<string, unknown>;
const protoWhere = JSON.parse('{"__proto__": {"$where": "true"}}') as Record<string, unknown>;
const deepAnd = (levels: number): Record<string, unknown> => {
  let filter: Record<string, unknown> = { a: 1 };
  for (let i = 0; i < levels; i++) filter = { $and: [filter] };
  return filter;
};

/** Inputs that are wrong in one specific way, per call, on top of ANY_BAD. */
const TARGETED: Record<CallName, unknown[]> = {
  'connections.test': [{ connection: { backend: 'mongodb', url: 'http://x' } }, { connection: { backend: 'oracle' } }, { connectionId: '' }],
  'connections.save': [{ name: '', connection: { backend: 'mongodb', url: 'mongodb://h' } }, { name: 'x', connection: { backend: 'dynamodb', endpoint: 'not a url' } }, { name: 'x', connection: { backend: 'dynamodb', tablePrefix: 'bad prefix!' } }, { name: 'x', connection: { backend: 'mongodb', url: `mongodb://h/${'x'.repeat(10_000_000)}` } }, { name: 'x', connection: { backend: 'dynamodb', endpoint: `http://h/${'x'.repeat(9_000)}` } }],
  'connections.list': [{ id: 'x' }],
  'connections.remove': [{ id: '' }, { id: 5 }],
  'aws.profiles': [{ file: '/etc/passwd' }],
  'connections.defaults': [{ open: 'dynamodb' }],
  'collections.list': [{ connectionId: 3 }],
  'collections.describe': [{ connectionId: 'm', collection: 'not_a_collection' }],
  'documents.find': [{ ...doc, filter: protoWhere }, { ...doc, filter: { 'a\u0000b': 1 } }, { ...doc, filter: {}, options: { sort: [['a.$x', 1]] } }, { ...doc, filter: {}, options: { projection: JSON.parse('{"__proto__": 1}') } }, { ...doc, filter: { $where: 'sleep(1)' } }, { ...doc, filter: { a: { $regex: 'x', $options: 'q' } } }, { ...doc, filter: { _id: { $oid: 'xyz' } } }, { ...doc, filter: {}, options: { limit: -1 } }, { ...doc, filter: {}, options: { projection: { a: 1, b: 0 } } }, { ...doc, filter: {}, options: { sort: [['a', 2]] } }],
  'documents.cancel': [{ requestId: '' }, { requestId: 'r', extra: 1 }],
  'documents.preview': [{ ...doc, filter: { $where: 'sleep(1)' } }, { ...doc, filter: {}, options: { sort: [['a', 2]] } }],
  'documents.findOne': [{ ...doc, filter: { $or: [] } }, { ...doc }],
  'documents.insert': [{ ...doc, document: 'x' }, { ...doc }, { ...doc, document: { id: null } }, { ...doc, document: { id: '' } }, { ...doc, document: { 'a\u0000': 1 } }, { ...doc, document: { deep: deepAnd(200) } }],
  'documents.update': [{ ...doc, filter: protoFilter, update: { $set: { a: 1 } } }, { ...doc, filter: {}, update: { $set: { a: 1 } } }, { ...doc, filter: { $or: [{}, { a: 1 }] }, update: { $set: { a: 1 } } }, { ...doc, filter: { id: 'a1' }, update: { name: 'replacement' } }, { ...doc, filter: { id: 'a1' }, update: { $set: { id: 'b' } } }, { ...doc, filter: { id: 'a1' }, update: { $inc: { n: 'one' } } }, { ...doc, filter: { id: 'a1' }, update: {} }],
  'documents.delete': [{ ...doc, filter: protoFilter }, { ...doc, filter: {} }, { ...doc, filter: { $and: [{}] } }, { ...doc, filter: {}, matchAll: false }, { ...doc, filter: { $function: {} } }, { ...doc, collection: 'system.users', filter: {} }],
  'documents.count': [{ ...doc, filter: protoFilter }, { ...doc, filter: protoWhere }, { ...doc, filter: deepAnd(10_000) }, { ...doc, filter: { a: { $in: 'x' } } }],
  'migration.plan': [{ sourceId: 'm', targetId: 'd', collections: ['nope'] }, { sourceId: 'm' }, { sourceId: 'm', targetId: 'd', priceRegion: 'mars-north-1' }, { sourceId: 'm', targetId: 'd', profile: { version: 1, defaults: { oversized: { moveField: 'id' } } } }],
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
  'cutover.start': [{ sourceId: 'm', targetId: 'd', options: { lagThresholdSeconds: 0 } }, { sourceId: 'm', targetId: 'd', options: { collections: ['x'] } }, { sourceId: 'm', targetId: 'd', options: { drain: true } }],
  'cutover.status': [{ jobId: '' }],
  'cutover.confirmStopWrites': [{ jobId: 'j', verify: { sample: 0 } }, { jobId: 'j', verify: { full: true } }, { verify: {} }],
  'cutover.cancel': [{ jobId: 3 }],
  'cloudformation.template': [{ tablePrefix: 'a b' }, {}, { tablePrefix: 'p'.repeat(2_000_000) }, { tablePrefix: 'p'.repeat(240) }],
  'sandbox.start': [{ alerts: -1 }, { alerts: 1.5 }],
  'sandbox.status': [{ verbose: true }],
  'sandbox.writer': [{ changesPerSecond: -1 }, { changesPerSecond: 501 }, { changesPerSecond: 2.5 }, { rate: 10 }],
  'documents.explain': [{ ...doc, filter: { $where: 'x' } }, { ...doc, filter: {}, options: { index: 'a b' } }],
  'export.start': [{ ...doc, filter: {}, format: 'xlsx' }, { ...doc, filter: { $expr: {} }, format: 'csv' }, { ...doc, filter: {}, format: 'csv', sort: [['a', 0]] }],
  'export.next': [{ exportId: '' }],
  'export.cancel': [{ exportId: 7 }],
  'collections.fields': [{ ...doc, sample: 0 }, { ...doc, sample: 100_000 }],
  'dashboard.alerts': [{ connectionId: 'm', days: 0 }, { connectionId: 'm', bucket: 'minute' }, { connectionId: 'm', companyId: '' }],
};

describe('every contract call validates its input first', () => {
  it.each(CALL_NAMES)('%s refuses invalid input with VALIDATION and changes nothing', async (name) => {
    const { deps, used, store } = recordingDeps();
    const api = createApi(deps);
    const before = JSON.stringify(store.list());
    for (const [i, input] of [...ANY_BAD, ...TARGETED[name]].entries()) {
      const outcome = await api.call(name, input);
      expect(outcome, `${name} input #${i}`).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
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

describe('hostile inputs are refused naming what is wrong', () => {
  const cases: [string, CallName, unknown, RegExp][] = [
    ['a __proto__ key in a filter', 'documents.delete', { ...doc, filter: protoFilter }, /filter\.__proto__: the field name "__proto__" is refused/],
    ['a __proto__ key hiding $where', 'documents.count', { ...doc, filter: protoWhere }, /"__proto__" is refused/],
    ['a filter that matches everything', 'documents.delete', { ...doc, filter: { $and: [{}] } }, /matches every document; send matchAll: true/],
    ['a 10,000-deep $and', 'documents.count', { ...doc, filter: deepAnd(10_000) }, /nested more than 100 levels deep \(limit maxDepth\)/],
    ['a NUL in a field name', 'documents.insert', { ...doc, document: { 'a\u0000': 1 } }, /contains a NUL character/],
    ['a sort on a.$x', 'documents.find', { ...doc, filter: {}, options: { sort: [['a.$x', 1]] } }, /"a\.\$x" is not a field name/],
    ['an id of null', 'documents.insert', { ...doc, document: { id: null } }, /id must be a non-empty string/],
    ['a 2 MB table prefix', 'cloudformation.template', { tablePrefix: 'p'.repeat(2_000_000) }, /table prefix is at most 231 characters/],
    ['a 10 MB URL', 'connections.save', { name: 'x', connection: { backend: 'mongodb', url: `mongodb://h/${'x'.repeat(10_000_000)}` } }, /limit maxUrlLength/],
  ];
  it.each(cases)('%s', async (_what, name, input, message) => {
    const { deps, used } = recordingDeps();
    const outcome = await createApi(deps).call(name, input);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(message) } });
    expect(used).toEqual([]);
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
