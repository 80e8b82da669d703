import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { COLLECTIONS, collectionSpec, tableName } from '../../../shared/catalogue';
import { DynamoConnectionSchema } from '../../../shared/connection';
import { localServers, uniqueName } from '../../../test/local-servers';
import { createDynamoClients } from './client';
import { describeTable, ensureTables } from './table-admin';

describe('DynamoDB table administration', () => {
  const { dynamo } = localServers();
  const prefix = uniqueName('Admin');
  const clients = createDynamoClients(DynamoConnectionSchema.parse({ backend: 'dynamodb', ...dynamo, tablePrefix: prefix }));
  afterAll(async () => {
    await Promise.all(COLLECTIONS.map((c) => clients.client.send(new DeleteTableCommand({ TableName: tableName(c.name, prefix) })).catch(() => {})));
    await clients.client.send(new DeleteTableCommand({ TableName: `${prefix}_wrongkey` })).catch(() => {});
    clients.client.destroy();
  });

  it('creates all 13 tables with the seed guide GSIs, and is idempotent', async () => {
    const first = await ensureTables(clients, COLLECTIONS, prefix);
    expect(first.created).toHaveLength(13);
    const alerts = await describeTable(clients, tableName('alerts', prefix));
    expect(alerts?.KeySchema).toEqual([{ AttributeName: 'id', KeyType: 'HASH' }]);
    expect(alerts?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    const gsis = Object.fromEntries((alerts?.GlobalSecondaryIndexes ?? []).map((g) => [g.IndexName, g.KeySchema]));
    expect(gsis).toEqual({
      'company-timestamp-index': [{ AttributeName: 'company_id', KeyType: 'HASH' }, { AttributeName: 'timestamp', KeyType: 'RANGE' }],
      'status-index': [{ AttributeName: 'status', KeyType: 'HASH' }],
    });
    const second = await ensureTables(clients, COLLECTIONS, prefix);
    expect(second.created).toEqual([]);
    expect(second.existing).toHaveLength(13);
  });

  it('refuses a table whose key schema differs', async () => {
    await clients.client.send(new CreateTableCommand({
      TableName: `${prefix}_wrongkey`, BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    }));
    const spec = { ...collectionSpec('companies')!, name: 'wrongkey' };
    await expect(ensureTables(clients, [spec], prefix)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
