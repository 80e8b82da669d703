import { describe, expect, it } from 'vitest';
import { createConnectionStore } from '../settings/connection-store';
import { createApi } from './create-api';
import { defaultDeps } from './default-deps';

/** How the console starts from the seed's variables (no server is contacted before a call needs one). */
describe('defaultDeps with the environment', () => {
  const start = (env: Record<string, string>) => {
    const store = createConnectionStore();
    const lines: string[] = [];
    const api = createApi(defaultDeps({ store, stateDir: '/nonexistent', log: (l) => lines.push(l), env }));
    return { api, lines };
  };

  it('offers the environment connections, secrets removed, and opens the backend DATABASE_TYPE names', async () => {
    const { api, lines } = start({ DATABASE_TYPE: 'dynamodb', MONGO_URL: 'mongodb://admin:hunter2@127.0.0.1:1/aw', AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:1' });
    expect(await api.call('connections.defaults', {})).toEqual({ ok: true, output: { open: 'dynamodb', mongoId: 'env-mongodb', dynamoId: 'env-dynamodb' } });
    const listed = await api.call('connections.list', {});
    expect(listed).toMatchObject({ ok: true, output: [{ id: 'env-dynamodb', endpoint: 'http://127.0.0.1:1' }, { id: 'env-mongodb', url: 'mongodb://admin@127.0.0.1:1/aw' }] });
    expect(JSON.stringify([listed, lines])).not.toContain('hunter2');
    expect(lines).toEqual(['connection from the environment: Environment · DynamoDB', 'connection from the environment: Environment · MongoDB']);
    await api.close();
  });

  it('opens MongoDB with nothing chosen when no variable is set', async () => {
    const { api } = start({});
    expect(await api.call('connections.defaults', {})).toEqual({ ok: true, output: { open: 'mongodb' } });
    expect(await api.call('connections.list', {})).toEqual({ ok: true, output: [] });
  });

  it('refuses to start on a value that cannot work', () => {
    expect(() => start({ DATABASE_TYPE: 'postgres' })).toThrow(/DATABASE_TYPE=postgres is not supported/);
  });
});
