import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConnectionStore, openConnectionStore, type SecretCipher } from './connection-store';

/** A reversible stand-in for safeStorage (which needs Electron): enough to see what is written. */
const reversedBase64: SecretCipher = {
  encrypt: async (s) => Buffer.from(s).toString('base64').split('').reverse().join(''),
  decrypt: async (s) => Buffer.from(s.split('').reverse().join(''), 'base64').toString(),
};

describe('connection store', () => {
  it('persists connections with their secrets sealed by the cipher', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'awc-store-')), 'connections.json');
    const store = createConnectionStore({ file, cipher: reversedBase64 });
    const { id } = store.save({ name: 'prod', connection: { backend: 'mongodb', url: 'mongodb://admin:hunter2@db:27017/app' } });
    await store.flush();
    expect(readFileSync(file, 'utf8')).not.toContain('hunter2');
    const reopened = await openConnectionStore({ file, cipher: reversedBase64 });
    expect(reopened.get(id)).toEqual({ backend: 'mongodb', url: 'mongodb://admin:hunter2@db:27017/app' });
    expect(reopened.remove(id)).toBe(true);
    await reopened.flush();
    expect((await openConnectionStore({ file, cipher: reversedBase64 })).list()).toEqual([]);
  });

  it('writes no secret when no cipher is available', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'awc-store-')), 'connections.json');
    const store = createConnectionStore({ file });
    const { id } = store.save({ name: 'aws', connection: { backend: 'dynamodb', region: 'eu-west-1', tablePrefix: 'AW', credentials: { accessKeyId: 'AKIA', secretAccessKey: 'shh' } } });
    await store.flush();
    expect(readFileSync(file, 'utf8')).not.toContain('shh');
    expect(store.get(id)).toMatchObject({ credentials: { secretAccessKey: 'shh' } });
    expect((await openConnectionStore({ file })).list()[0]).toMatchObject({ id, hasSecret: { secretAccessKey: false } });
  });
});
