import { describe, expect, it } from 'vitest';
import type { Connection } from '../../shared/connection';
import { mergeSecrets, publicView, splitSecrets } from './connection-secrets';

const cases: Connection[] = [
  { backend: 'mongodb', url: 'mongodb://admin:p%40ss%3Aw@db1:27017,db2:27017/app?replicaSet=rs' },
  { backend: 'mongodb', url: 'mongodb+srv://reader@cluster.example/app' },
  { backend: 'mongodb', url: 'mongodb://127.0.0.1:27017' },
  { backend: 'dynamodb', region: 'eu-west-1', tablePrefix: 'AW', credentials: { accessKeyId: 'AKIA', secretAccessKey: 'shh', sessionToken: 'tok' } },
  { backend: 'dynamodb', region: 'us-east-1', tablePrefix: 'AW', profile: 'ops' },
];

describe('connection secrets', () => {
  it.each(cases)('split and merge round-trip %#', (connection) => {
    const { shareable, secrets } = splitSecrets(connection);
    expect(mergeSecrets(shareable, secrets)).toEqual(connection);
    expect(JSON.stringify(shareable)).not.toMatch(/p%40ss|shh|tok/);
  });

  it('keeps the user name and drops the password of a MongoDB URL', () => {
    const view = publicView('1', 'x', cases[0]!);
    expect(view.url).toBe('mongodb://admin@db1:27017,db2:27017/app?replicaSet=rs');
    expect(view.hasSecret.password).toBe(true);
  });

  it('reports the credentials source of a DynamoDB connection', () => {
    expect(publicView('1', 'x', cases[3]!)).toMatchObject({ credentialsSource: 'keys', accessKeyId: 'AKIA', hasSecret: { secretAccessKey: true, sessionToken: true } });
    expect(publicView('1', 'x', cases[4]!)).toMatchObject({ credentialsSource: 'profile', profile: 'ops' });
  });

  it('refuses a connection of an unknown backend instead of keeping it as if it held no secret', () => {
    const postgres = { backend: 'postgres', url: 'postgres://admin:secret@db/app' } as unknown as Connection;
    for (const run of [() => splitSecrets(postgres), () => mergeSecrets(postgres, {}), () => publicView('1', 'x', postgres)]) {
      expect(run).toThrow(expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining('Unknown backend "postgres"') }));
    }
  });
});
