import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordHostile } from '../../test/hostile-inputs';
import { ConnectionSchema, type Connection } from '../../shared/connection';
import { createApi } from '../api/create-api';
import type { ApiDeps } from '../api/api-deps';
import { createConnectionStore, openConnectionStore, type SecretCipher } from './connection-store';
import { redactMongoUrls } from './mongo-url';

/**
 * Issue 9, defect 2: every credential a MongoDB URL can hold stays in the main process, sealed
 * at rest; a URL the driver cannot read is refused, never half-read.
 */

const SECRET = 'S3CRET';
const reversedBase64: SecretCipher = {
  encrypt: async (s) => Buffer.from(s).toString('base64').split('').reverse().join(''),
  decrypt: async (s) => Buffer.from(s.split('').reverse().join(''), 'base64').toString(),
};

/** Each URL carries SECRET in one credential-bearing place the driver reads. */
const SECRET_BEARING = [
  `mongodb://admin:${SECRET}@db:27017/app`,
  `mongodb://admin:pa%2F${SECRET}%40x@db/app`,
  `mongodb://admin@db/?tlsCertificateKeyFilePassword=${SECRET}&tls=true`,
  `mongodb://admin@db/?TLSCERTIFICATEKEYFILEPASSWORD=${SECRET}`,
  `mongodb://db/?proxyHost=p&proxyUsername=u&proxyPassword=${SECRET}`,
  `mongodb://db/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:${SECRET}`,
  `mongodb://db/?authMechanismProperties=SERVICE_NAME:svc,aws_session_token:${SECRET}`,
  `mongodb://db/?passphrase=${SECRET}`,
  `mongodb+srv://admin:${SECRET}@cluster.example/app?proxyPassword=${SECRET}&retryWrites=true`,
  `mongodb://u:${SECRET}@h1:1,h2:2/db?replicaSet=rs&tlsCertificateKeyFilePassword=${SECRET}&authMechanismProperties=AWS_SESSION_TOKEN:${SECRET}`,
];

/** URLs a hand-written pattern mis-splits: the driver cannot read them, so they are refused. */
const UNREADABLE = [
  `mongodb://admin:pa@${SECRET}@h`,
  `mongodb://admin:pa/${SECRET}@h/db`,
  `mongodb://admin:pa:${SECRET}@h`,
  `mongodb://:${SECRET}@h`,
  `mongodb://admin:${SECRET}@`,
];

/** A URL's options, order aside (a restored URL appends its secret options last). */
function optionsOf(url: string): string[] {
  const query = new URL(url.replace(/^mongodb(\+srv)?:\/\/[^/]*/, 'http://h')).searchParams;
  return [...query.entries()].map(([k, v]) => `${k}=${v.split(',').sort().join(',')}`).sort();
}

function deps(store = createConnectionStore()): ApiDeps {
  const refuse = () => { throw new Error('not used'); };
  return { store, createAdapter: refuse, engine: { open: refuse, plan: refuse, start: refuse, verify: refuse, template: refuse, cutover: refuse }, startSandbox: refuse, log: () => {} };
}

describe('secrets in MongoDB URLs', () => {
  it.each(SECRET_BEARING)('never returns, lists nor writes in clear the secret of %s', async (url) => {
    recordHostile(1);
    const file = join(mkdtempSync(join(tmpdir(), 'awc-secrets-')), 'connections.json');
    const store = createConnectionStore({ file, cipher: reversedBase64 });
    const api = createApi(deps(store));
    const saved = await api.call('connections.save', { name: 'x', connection: { backend: 'mongodb', url } });
    expect(saved.ok).toBe(true);
    const listed = await api.call('connections.list', {});
    await store.flush();
    for (const answer of [saved, listed, readFileSync(file, 'utf8')]) expect(JSON.stringify(answer)).not.toContain(SECRET);
    // Sealed, not lost: the main process gets the very URL back, in this run and the next.
    const id = (saved as { output: { id: string } }).output.id;
    const reopened = (await openConnectionStore({ file, cipher: reversedBase64 })).get(id) as { url: string };
    expect(reopened.url).toContain(SECRET);
    expect(optionsOf(reopened.url)).toEqual(optionsOf(url));
  });

  it('keeps the user name and names the withheld options', async () => {
    const api = createApi(deps());
    const saved = await api.call('connections.save', { name: 'x', connection: { backend: 'mongodb', url: SECRET_BEARING.at(-1)! } });
    expect(saved).toMatchObject({ ok: true, output: { url: 'mongodb://u@h1:1,h2:2/db?replicaSet=rs', hasSecret: { password: true, urlOptions: ['tlsCertificateKeyFilePassword', 'AWS_SESSION_TOKEN'] } } });
  });

  it.each(UNREADABLE)('refuses %s with a message saying to percent-encode, never echoing it', async (url) => {
    recordHostile(1);
    const api = createApi(deps());
    const saved = await api.call('connections.save', { name: 'x', connection: { backend: 'mongodb', url } });
    expect(saved).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('percent-encode') } });
    expect(JSON.stringify(saved)).not.toContain(SECRET);
    expect((await api.call('connections.list', {})).ok && (await api.call('connections.list', {}))).toMatchObject({ output: [] });
  });

  it('refuses a 10 MB URL', () => {
    recordHostile(1);
    expect(ConnectionSchema.safeParse({ backend: 'mongodb', url: `mongodb://h/${'a'.repeat(10_000_000)}` }).success).toBe(false);
  });

  it('strips every MongoDB credential from a log line, readable URL or not', () => {
    recordHostile(SECRET_BEARING.length + UNREADABLE.length);
    for (const url of [...SECRET_BEARING, ...UNREADABLE]) {
      expect(redactMongoUrls(`failed: ${url}\n    at connect (x.js:1)`)).not.toContain(SECRET);
    }
  });
});

describe('credentials in a DynamoDB endpoint', () => {
  it.each([`http://AKIA:${SECRET}@127.0.0.1:8000`, `https://${SECRET}@dynamodb.example`])('refuses %s', async (endpoint) => {
    recordHostile(1);
    const api = createApi(deps());
    const connection = { backend: 'dynamodb', region: 'eu-west-1', tablePrefix: 'AW', endpoint } as Connection;
    const saved = await api.call('connections.save', { name: 'x', connection });
    expect(saved).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(saved)).not.toContain(SECRET);
  });
});
