import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectionSpec, tableName } from '../../../shared/catalogue';
import { DynamoConnectionSchema } from '../../../shared/connection';
import { localServers, uniqueName } from '../../../test/local-servers';
import { createDynamoClients, type DynamoClients } from './client';
import { DynamoDbAdapter } from './dynamodb-adapter';
import { ensureTables } from './table-admin';

/** A sort no index gives reads the whole table: previewed with its cost, cancellable, read once for all pages. */
describe('a full sorted Scan on DynamoDB Local', () => {
  const prefix = uniqueName('FullScan');
  let clients: DynamoClients;
  let adapter: DynamoDbAdapter;
  const ALERTS = Array.from({ length: 400 }, (_, i) => ({
    id: `alert-${String(i).padStart(4, '0')}`, company_id: `c${i % 4}`, status: 'active', severity: 'low',
    timestamp: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), message: 'x'.repeat(200),
  }));
  const newestFirst = { sort: [['timestamp', -1]] as [string, -1][], limit: 50 };

  beforeAll(async () => {
    clients = createDynamoClients(DynamoConnectionSchema.parse({ backend: 'dynamodb', ...localServers().dynamo, tablePrefix: prefix }));
    await ensureTables(clients, [collectionSpec('alerts')!], prefix);
    for (let i = 0; i < ALERTS.length; i += 25) {
      await clients.doc.send(new BatchWriteCommand({ RequestItems: { [tableName('alerts', prefix)]: ALERTS.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
    }
    adapter = new DynamoDbAdapter(clients);
  });
  afterAll(async () => {
    await clients.client.send(new DeleteTableCommand({ TableName: tableName('alerts', prefix) })).catch(() => {});
    await adapter.close();
  });

  it('previews the full read with the table size, without reading documents', async () => {
    const preview = await adapter.preview('alerts', {}, newestFirst);
    expect(preview).toMatchObject({ operation: 'Scan', fullRead: true, estimatedItems: 400 });
    expect(preview.estimatedCapacity).toBeGreaterThan(0);
    expect(preview.reasons.join(' ')).toMatch(/sorted in memory after a full Scan/);
    expect(await adapter.preview('alerts', {}, { limit: 50 })).toMatchObject({ operation: 'Scan', fullRead: false });
    expect(await adapter.preview('alerts', { company_id: 'c1', timestamp: { $gte: '' } }, newestFirst)).toMatchObject({ operation: 'Query', fullRead: false });
  });

  it('serves "Load more" from the first read: no second Scan, no more capacity', async () => {
    const first = await adapter.find('alerts', {}, newestFirst);
    expect(first.plan).toMatchObject({ fullRead: true, itemsScanned: 400 });
    expect(first.plan.consumedCapacity).toBeGreaterThan(0);
    const second = await adapter.find('alerts', {}, { ...newestFirst, cursor: first.nextCursor! });
    expect(second.plan).toMatchObject({ itemsScanned: 0, consumedCapacity: 0, fullRead: false });
    expect(second.documents.map((d) => d.id)).toEqual(ALERTS.slice(-100, -50).reverse().map((a) => a.id));
  });

  it('stops when its signal is aborted, with CANCELLED', async () => {
    const aborter = new AbortController();
    const reading = adapter.find('alerts', {}, newestFirst, aborter.signal);
    aborter.abort();
    await expect(reading).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
