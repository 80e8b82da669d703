import { describe, expect, it } from 'vitest';
import { BACKEND_IDS, BACKENDS, backendInfo } from '../../shared/backends';
import { ConnectionSchema, type Connection } from '../../shared/connection';
import { createConnectionStore } from '../settings/connection-store';
import type { ApiDeps } from '../api/api-deps';
import { createApi } from '../api/create-api';
import type { DatabaseAdapter } from './database-adapter';
import { openPorts } from './open-ports';
import { backendDefinition, createAdapter } from './registry';

const UNKNOWN = ['postgres', 'MongoDB', '', 'toString', '__proto__', 'constructor', undefined, null, 7];

describe('the backend registry', () => {
  it('has one definition per backend of the connection schema, each with its own id, schema and labels', () => {
    const schemaBackends = ConnectionSchema.options.map((o) => o.shape.backend.value).sort();
    expect([...BACKEND_IDS].sort()).toEqual(schemaBackends);
    for (const id of BACKEND_IDS) {
      const definition = backendDefinition(id);
      expect(definition.id).toBe(id);
      expect(definition.info).toBe(BACKENDS[id]);
      for (const other of BACKEND_IDS.filter((b) => b !== id)) expect(definition.schema.safeParse({ backend: other }).success).toBe(false);
    }
  });

  it.each(UNKNOWN)('refuses the unknown backend %j by name instead of taking it for another', (id) => {
    const refusal = expect.objectContaining({ code: 'VALIDATION', message: expect.stringMatching(/^Unknown backend ".*": this console knows mongodb and dynamodb\.$/) });
    expect(() => backendDefinition(id)).toThrow(refusal);
    expect(() => backendInfo(id)).toThrow(refusal);
  });

  it('refuses a connection of an unknown backend before connecting anywhere', async () => {
    const postgres = { backend: 'postgres', url: 'mongodb://127.0.0.1:1/x', region: 'us-east-1', endpoint: 'http://127.0.0.1:1' } as unknown as Connection;
    await expect(createAdapter(postgres)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Unknown backend "postgres"') });
  });

  it('checks a connection against its own backend\'s schema and names the field', async () => {
    await expect(createAdapter({ backend: 'dynamodb', region: 'us-east-1', tablePrefix: 'bad prefix!' } as Connection)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('at tablePrefix') });
  });

  it('converts wire values by each backend\'s rules: a date is a Date on MongoDB, its ISO string on DynamoDB', () => {
    const wire = { at: { $date: '2024-05-01T10:00:00.000Z' } };
    expect(backendDefinition('mongodb').fromWire(wire).at).toEqual(new Date('2024-05-01T10:00:00.000Z'));
    expect(backendDefinition('dynamodb').fromWire(wire).at).toBe('2024-05-01T10:00:00.000Z');
    expect(() => backendDefinition('dynamodb').checkUpdate({ $inc: { n: Number.NaN } })).toThrow();
    expect(() => backendDefinition('mongodb').checkUpdate({ $unset: { n: '' } })).not.toThrow();
  });
});

describe('the ports on the registry', () => {
  it.each(BACKEND_IDS)('%s opens as a migration\'s source and as its target', (id) => {
    const { ports } = backendDefinition(id);
    for (const factory of [ports.connect, ports.disconnect, ports.source, ports.target]) expect(factory).toBeTypeOf('function');
  });

  // Nothing listens on port 1: a pair refused before connecting says why, not "unreachable".
  const settings = { mongo: { backend: 'mongodb', url: 'mongodb://127.0.0.1:1/x' }, dynamo: { backend: 'dynamodb', region: 'us-east-1', endpoint: 'http://127.0.0.1:1', tablePrefix: 'awc' } } as const;

  it('refuses a pair with an unknown end before connecting', async () => {
    await expect(openPorts(settings, { from: 'postgres' as 'mongodb', to: 'dynamodb' })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Unknown backend "postgres"') });
    await expect(openPorts(settings, { from: 'mongodb', to: 'cassandra' as 'dynamodb' })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Unknown backend "cassandra"') });
  });

  it.each(BACKEND_IDS)('refuses %s at both ends before connecting', async (id) => {
    await expect(openPorts(settings, { from: id, to: id })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^No migration from (\w+) to \1: a migration's source and target are different backends\.$/) });
  });
});

/** An adapter that reports `backend` and records what the api asked it to insert. */
function fakeAdapter(backend: string, inserted: unknown[]): DatabaseAdapter {
  return { backend, close: async () => {}, insertOne: async (_c: string, d: unknown) => { inserted.push(d); return 'new-id'; } } as unknown as DatabaseAdapter;
}

async function insertThrough(backend: string) {
  const inserted: unknown[] = [];
  const store = createConnectionStore();
  store.save({ id: 'c', name: 'c', connection: { backend: 'mongodb', url: 'mongodb://127.0.0.1:1/db' } });
  const deps = { store, createAdapter: async () => fakeAdapter(backend, inserted), log: () => {} } as unknown as ApiDeps;
  const api = createApi(deps);
  const outcome = await api.call('documents.insert', { connectionId: 'c', collection: 'alerts', document: { id: 'a1', at: { $date: '2024-05-01T10:00:00.000Z' } } });
  await api.close();
  return { outcome, inserted };
}

describe('the api converts an edit by the adapter\'s registered backend', () => {
  it('writes a Date on MongoDB and the ISO string on DynamoDB', async () => {
    expect((await insertThrough('mongodb')).inserted).toEqual([{ id: 'a1', at: new Date('2024-05-01T10:00:00.000Z') }]);
    expect((await insertThrough('dynamodb')).inserted).toEqual([{ id: 'a1', at: '2024-05-01T10:00:00.000Z' }]);
  });

  it('refuses an adapter of an unregistered backend instead of writing it as DynamoDB', async () => {
    const { outcome, inserted } = await insertThrough('cassandra');
    expect(outcome).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('Unknown backend "cassandra"') } });
    expect(inserted).toEqual([]);
  });
});
