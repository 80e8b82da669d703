import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../shared/errors';
import { recordHostile } from '../../test/hostile-inputs';
import { localServers, uniqueName } from '../../test/local-servers';
import { loadSampleData } from '../sandbox';
import { createConnectionStore } from '../settings/connection-store';
import { createApi, type Api } from './create-api';
import { defaultDeps } from './default-deps';

/**
 * Contract fuzz on the real servers: every call that takes a user object gets generated hostile
 * input, on MongoDB (FerretDB) and DynamoDB Local. Each outcome must be a typed refusal, or an
 * acceptance that stored or matched exactly what was sent. Never INTERNAL, never reshaped.
 */
const REFUSALS: ErrorCode[] = ['VALIDATION', 'INVALID_QUERY', 'UNSUPPORTED_OPERATOR', 'ITEM_TOO_LARGE'];
const BACKENDS = ['m', 'd'] as const;
const RUNS = 60;

let api: Api;
const database = uniqueName('fuzz');
const prefix = uniqueName('Fuzz');

type Outcome = { ok: true; output: unknown } | { ok: false; error: { code: string; message: string } };
const call = (name: string, input: unknown) => api.call(name, input) as Promise<Outcome>;

/** Keys JavaScript or the query language treat specially, plus ordinary ones. */
const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '$where', '$x', 'a.$x', 'a..b', '', '\u0000', 'a\u0000b', '.a', 'é', 'x'.repeat(1_100)),
  fc.string({ minLength: 1, maxLength: 6 }),
);
/** Keys a test document may hold as data; dotted or $ names are paths or operators, not data. */
const dataKey = hostileKey.filter((k) => !k.includes('.') && !k.startsWith('$') && k !== 'id' && k !== '_id'
  // FerretDB's SQLite backend (the local MongoDB here) fails on " or \ in a field name; MongoDB does not.
  && !/["\\]/.test(k));

const literal = fc.oneof(
  fc.constantFrom(
    { $numberDecimal: 'abc' }, { $binary: { base64: '!!', subType: '00' } }, { $binary: { base64: 'AQID', subType: '00' } },
    { $oid: 'xyz' }, { $date: 'not a date' }, { $date: '2026-03-04T05:06:07.089Z' }, { $numberLong: '99999999999999999999' }, { $numberLong: '42' },
    { $set: [] }, { $set: ['a', 'a'] }, { $set: ['a', 'b'] },
  ),
);
const scalar = fc.oneof(
  fc.string({ maxLength: 8 }), fc.boolean(), fc.constant(null), fc.integer(),
  fc.constantFrom(1.79e308, -1.79e308, 1e-200, 2 ** 60, 0.1, 1e125),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, literal, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(dataKey, tie('v'), { maxKeys: 3 })),
})).v;

/** A wire value as the backend gives it back, reduced to what must survive: numbers by value, dates by instant. */
function normal(input: unknown, backend: 'm' | 'd'): unknown {
  if (Array.isArray(input)) return input.map((v) => normal(v, backend));
  if (typeof input === 'number') return input === 0 ? 0 : input;
  if (input === null || typeof input !== 'object') return input;
  const [key, inner] = Object.entries(input)[0] ?? [];
  if (Object.keys(input).length === 1 && key) {
    if (['$numberLong', '$numberInt', '$numberDouble', '$numberDecimal'].includes(key)) return Number(inner);
    if (key === '$date') return backend === 'm' ? new Date(String(inner)).getTime() : new Date(String(inner)).toISOString();
    if (key === '$oid' && backend === 'd') return inner;
    if (key === '$set') return { $set: (inner as unknown[]).map((v) => normal(v, backend)).sort() };
  }
  return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, normal(v, backend)]));
}

/** Runs a property over generated inputs, recording how many were tried and whether one was accepted wrongly. */
async function hostile<T>(arbitrary: fc.Arbitrary<T>, check: (input: T) => Promise<void>, runs = RUNS): Promise<void> {
  let tried = 0;
  try {
    await fc.assert(fc.asyncProperty(arbitrary, async (input) => { tried++; await check(input); }), { numRuns: runs, seed: Number(process.env.FUZZ_SEED) || undefined });
    recordHostile(tried, 0);
  } catch (error) {
    recordHostile(tried, 1);
    throw error;
  }
}

function expectRefusal(outcome: Outcome, what: string): void {
  if (outcome.ok) return;
  expect(REFUSALS, `${what}: ${outcome.error.code} ${outcome.error.message}`).toContain(outcome.error.code);
}

/** `{[key]: value}` as a transport delivers it: JSON.parse keeps `__proto__` as an own key. */
const single = (key: string, v: unknown) => JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(v)}}`) as Record<string, unknown>;

let ids = 0;
const freshId = () => `fuzz-${ids++}`;

beforeAll(async () => {
  const { mongoUrl, dynamo } = localServers();
  const client = new MongoClient(`${mongoUrl}/${database}`);
  await client.connect();
  await loadSampleData(client.db(), { alerts: 10 });
  await client.close();
  api = createApi(defaultDeps({ store: createConnectionStore(), stateDir: mkdtempSync(join(tmpdir(), 'awc-fuzz-state-')), log: () => {} }));
  await call('connections.save', { id: 'm', name: 'mongo', connection: { backend: 'mongodb', url: `${mongoUrl}/${database}` } });
  await call('connections.save', { id: 'd', name: 'dynamo', connection: { backend: 'dynamodb', region: dynamo.region, endpoint: dynamo.endpoint, tablePrefix: prefix, credentials: dynamo.credentials } });
  // The migration creates the DynamoDB tables the fuzz writes to.
  const started = await call('migration.start', { sourceId: 'm', targetId: 'd', options: { collections: ['companies', 'incidents'] } });
  if (!started.ok) throw new Error(started.error.message);
  const { jobId } = started.output as { jobId: string };
  for (let state = 'running'; state === 'running' || state === 'paused';) {
    await new Promise((r) => setTimeout(r, 200));
    state = ((await call('migration.status', { jobId })) as { output: { state: string } }).output.state;
  }
}, 120_000);
afterAll(() => api?.close());

describe.each(BACKENDS)('contract fuzz on %s', (backend) => {
  const on = { connectionId: backend, collection: 'companies' };

  it('inserts hostile documents exactly as sent, or refuses them with a typed error', async () => {
    await hostile(fc.dictionary(dataKey, value, { maxKeys: 4 }), async (fields) => {
      const id = freshId();
      const document = { ...fields, id };
      const outcome = await call('documents.insert', { ...on, document });
      expectRefusal(outcome, 'insert');
      if (!outcome.ok) return;
      const found = await call('documents.findOne', { ...on, filter: { id } });
      expect(found.ok).toBe(true);
      const stored = { ...((found as { output: { document: Record<string, unknown> } }).output.document) };
      if (!Object.hasOwn(fields, '_id')) delete stored._id;
      expect(normal(stored, backend)).toEqual(normal(document, backend));
    });
  });

  it('never matches, counts or deletes through a filter on a field no document has', async () => {
    // incidents: the inserts above write to companies, so no incident has a hostile field.
    const on = { connectionId: backend, collection: 'incidents' };
    // null is left out: `{field: null}` rightly matches documents without the field.
    const filter = fc.tuple(hostileKey, fc.oneof(scalar, value).filter((v) => v !== null)).map(([k, v]) => single(k, v));
    await hostile(filter, async (f) => {
      if (Object.keys(f).length === 0) return;
      const counted = await call('documents.count', { ...on, filter: f });
      expectRefusal(counted, 'count');
      if (counted.ok && !['$where', '$x'].includes(Object.keys(f)[0]!)) expect((counted.output as { count: number }).count, JSON.stringify(f)).toBe(0);
      const deleted = await call('documents.delete', { ...on, filter: f });
      expectRefusal(deleted, 'delete');
      if (deleted.ok) expect((deleted.output as { deleted: number }).deleted, JSON.stringify(f)).toBe(0);
      const updated = await call('documents.update', { ...on, filter: f, update: { $set: { touched: true } } });
      expectRefusal(updated, 'update');
      if (updated.ok) expect((updated.output as { modified: number }).modified, JSON.stringify(f)).toBe(0);
    });
  });

  it('refuses nested and logical filters beyond the limits without crashing', async () => {
    await hostile(fc.integer({ min: 1, max: 3_000 }), async (depth) => {
      let filter: Record<string, unknown> = { missing_field: 1 };
      for (let i = 0; i < depth; i++) filter = { [i % 2 ? '$or' : '$and']: [filter] };
      const outcome = await call('documents.count', { ...on, filter });
      expectRefusal(outcome, 'deep filter');
      if (outcome.ok) expect((outcome.output as { count: number }).count).toBe(0);
      else expect(outcome.error.message).toMatch(/limit maxDepth|nested/);
    }, 20);
  });

  it('sets hostile fields exactly as sent, or refuses the update', async () => {
    await hostile(fc.tuple(dataKey, value), async ([key, v]) => {
      const id = freshId();
      expect((await call('documents.insert', { ...on, document: { id, name: 'target' } })).ok).toBe(true);
      const set = single(key, v);
      const outcome = await call('documents.update', { ...on, filter: { id }, update: { $set: set } });
      expectRefusal(outcome, 'update');
      const found = await call('documents.findOne', { ...on, filter: { id } });
      const stored = (found as { output: { document: Record<string, unknown> } }).output.document;
      if (outcome.ok) expect(normal(Object.hasOwn(stored, key) ? stored[key] : 'MISSING', backend)).toEqual(normal(set[key], backend));
      else expect(Object.keys(stored).filter((k) => k !== '_id').sort()).toEqual(['id', 'name']);
    });
  });

  it('projects and sorts on hostile fields without inventing values', async () => {
    // FerretDB (the local MongoDB here) refuses spaces in projection paths as an internal error; MongoDB does not.
    const key = backend === 'm' ? hostileKey.filter((k) => !/\s/.test(k)) : hostileKey;
    await hostile(fc.tuple(key, fc.constantFrom(0, 1), fc.constantFrom(1, -1)), async ([key, keep, order]) => {
      const projection = single(key, keep);
      const outcome = await call('documents.find', { ...on, filter: {}, options: { projection, sort: [[key, order]], limit: 5 } });
      expectRefusal(outcome, 'find');
      if (!outcome.ok || keep === 0) return;
      for (const document of (outcome.output as { documents: Record<string, unknown>[] }).documents) {
        const invented = Object.keys(document).filter((k) => k !== '_id' && k !== 'id' && k !== key);
        expect(invented, key).toEqual([]);
        if (Object.hasOwn(document, key)) expect(String(document[key])).not.toMatch(/native code/);
      }
    });
  });
});

describe('contract fuzz on connection inputs', () => {
  it('refuses hostile connections and prefixes, or answers with a typed result', async () => {
    const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('x'.repeat(9_000), 'mongodb://', 'mongodb://a:b@c@d', 'http://[::1', 'ftp://127.0.0.1:1', 'http://127.0.0.1:1', '../../etc', 'a\u0000b'));
    const connection = fc.oneof(
      text.map((url) => ({ backend: 'mongodb', url: `mongodb://127.0.0.1:1/${url}` })),
      text.map((url) => ({ backend: 'mongodb', url })),
      fc.tuple(text, text, text).map(([endpoint, tablePrefix, region]) => ({ backend: 'dynamodb', endpoint, tablePrefix, region })),
    );
    await hostile(connection, async (c) => {
      const tested = await call('connections.test', { connection: c });
      expectRefusal(tested, 'connections.test');
      if (tested.ok) {
        const result = tested.output as { ok: boolean; error?: { code: string } };
        expect(result.error?.code).not.toBe('INTERNAL');
      }
    }, 20);
    await hostile(fc.oneof(text, fc.string({ minLength: 200, maxLength: 300 }).map((s) => s.replace(/[^A-Za-z0-9_.-]/g, 'a'))), async (tablePrefix) => {
      const outcome = await call('cloudformation.template', { tablePrefix });
      expectRefusal(outcome, 'template');
      if (!outcome.ok) return;
      const names = [...(outcome.output as { json: string }).json.matchAll(/"TableName": "([^"]*)"/g)].map((m) => m[1]!);
      for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_.-]{3,255}$/);
    }, 100);
  // A hostile host that parses is tried for real (on loopback): each costs a connect timeout.
  }, 300_000);
});

describe.each(BACKENDS)('the probe reproductions (issue 9) on %s', (backend) => {
  const on = { connectionId: backend, collection: 'companies' };
  const count = async () => ((await call('documents.count', { ...on, filter: {} })) as { output: { count: number } }).output.count;

  it('refuses __proto__ filters and accidental match-everything instead of touching an arbitrary company', async () => {
    const before = await count();
    const proto = JSON.parse('{"__proto__": "x"}') as Record<string, unknown>;
    const inputs: [string, unknown][] = [
      ['documents.delete', { ...on, filter: proto }], ['documents.update', { ...on, filter: proto, update: { $set: { hit: true } } }],
      ['documents.count', { ...on, filter: proto }], ['documents.count', { ...on, filter: JSON.parse('{"__proto__": {"$where": "true"}}') }],
      ['documents.delete', { ...on, filter: {} }], ['documents.update', { ...on, filter: { $or: [{}] }, update: { $set: { hit: true } } }],
      ['documents.insert', { ...on, document: { id: null } }], ['documents.insert', { ...on, document: { id: freshId(), at: { $date: 'not a date' } } }],
      ['documents.find', { ...on, filter: {}, options: { sort: [['a.$x', 1]] } }],
      // MongoDB holds any double; DynamoDB's numbers stop below 1E+126.
      ...(backend === 'd' ? [['documents.insert', { ...on, document: { id: freshId(), n: 1.79e308 } }] as [string, unknown]] : []),
    ];
    const outcomes = await Promise.all(inputs.map(([name, input]) => call(name, input)));
    recordHostile(inputs.length, outcomes.filter((o) => o.ok || o.error.code !== 'VALIDATION').length);
    outcomes.forEach((outcome, i) => expect(outcome, inputs[i]![0]).toMatchObject({ ok: false, error: { code: 'VALIDATION' } }));
    expect(await count()).toBe(before);
    expect(await call('documents.count', { ...on, filter: { hit: true } })).toMatchObject({ ok: true, output: { count: 0 } });
  });

  it('deletes with a match-everything filter only when the call confirms it', async () => {
    const before = await count();
    expect(await call('documents.delete', { ...on, filter: {}, matchAll: true })).toMatchObject({ ok: true, output: { deleted: 1 } });
    expect(await count()).toBe(before - 1);
  });
});
