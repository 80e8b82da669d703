import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyProgress } from '../../shared/contract';
import { startFaultyEndpoint, type FaultyEndpoint } from '../../test/faulty-endpoint';
import { localServers, uniqueName } from '../../test/local-servers';
import { createConnectionStore } from '../settings/connection-store';
import { createApi, type Api } from './create-api';
import { defaultDeps } from './default-deps';

/**
 * Cancel, through the contract: a read or a verify stuck on a DynamoDB endpoint that stopped
 * answering ends at once with CANCELLED instead of waiting out its deadline.
 */
describe('documents.cancel and verify.cancel', () => {
  let api: Api;
  let endpoint: FaultyEndpoint;

  beforeAll(async () => {
    const { mongoUrl, dynamo } = localServers();
    endpoint = await startFaultyEndpoint(dynamo.endpoint);
    api = createApi(defaultDeps({ store: createConnectionStore(), stateDir: mkdtempSync(join(tmpdir(), 'awc-cancel-state-')), log: () => {} }));
    await api.call('connections.save', { id: 'm', name: 'mongo', connection: { backend: 'mongodb', url: `${mongoUrl}/${uniqueName('cancel')}` } });
    await api.call('connections.save', { id: 'd', name: 'dynamo', connection: { backend: 'dynamodb', region: dynamo.region, endpoint: endpoint.endpoint, tablePrefix: uniqueName('Cancel'), credentials: dynamo.credentials } });
    // Connected while the endpoint still forwards; from now on it accepts requests and never answers.
    expect(await api.call('collections.list', { connectionId: 'd' })).toMatchObject({ ok: true });
    endpoint.setMode('stall');
  });
  afterAll(async () => {
    await api.close();
    await endpoint.close();
  });

  it('stops a read in flight by its request id', async () => {
    const started = Date.now();
    const reading = api.call('documents.find', { connectionId: 'd', collection: 'alerts', filter: {}, options: { sort: [['timestamp', -1]] }, requestId: 'read-1' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await api.call('documents.cancel', { requestId: 'read-1' })).toEqual({ ok: true, output: { cancelled: true } });
    expect(await reading).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await api.call('documents.cancel', { requestId: 'read-1' })).toEqual({ ok: true, output: { cancelled: false } });
  });

  it('stops a verify and reports it cancelled', async () => {
    const { output } = await api.call('verify.start', { sourceId: 'm', targetId: 'd', options: { collections: ['alerts'] } }) as { output: { jobId: string } };
    const events: VerifyProgress[] = [];
    await api.subscribe('verify.progress', { jobId: output.jobId }, (p) => events.push(p as VerifyProgress));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const started = Date.now();
    await api.call('verify.cancel', { jobId: output.jobId });
    await expect.poll(() => events.at(-1)?.state, { timeout: 3000 }).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
