import { CreateTableCommand, DeleteTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { localServers, uniqueName } from './local-servers';

// Smoke tests of the harness itself: if a server is misconfigured, this fails first and loudly.
describe('local servers', () => {
  const servers = localServers();

  describe('MongoDB-compatible server', () => {
    const client = new MongoClient(servers.mongoUrl, { serverSelectionTimeoutMS: 5000 });
    const dbName = uniqueName('smoke');
    afterAll(async () => { await client.db(dbName).dropDatabase(); await client.close(); });

    it('writes a document and reads it back through the official driver', async () => {
      const alerts = client.db(dbName).collection('alerts');
      const when = new Date('2026-01-02T03:04:05.678Z');
      await alerts.insertOne({ id: 'alert-1', severity: 'high', timestamp: when, tags: ['cpu'], nested: { a: 1 } });
      const found = await alerts.findOne({ id: 'alert-1' }, { projection: { _id: 0 } });
      expect(found).toEqual({ id: 'alert-1', severity: 'high', timestamp: when, tags: ['cpu'], nested: { a: 1 } });
    });
  });

  describe('DynamoDB Local', () => {
    const client = new DynamoDBClient(servers.dynamo);
    const table = uniqueName('Smoke');
    afterAll(async () => { await client.send(new DeleteTableCommand({ TableName: table })); client.destroy(); });

    it('creates a table, writes an item and reads it back', async () => {
      await client.send(new CreateTableCommand({
        TableName: table,
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }));
      await client.send(new PutItemCommand({ TableName: table, Item: { id: { S: 'alert-1' }, priority: { N: '12345678901234567890' } } }));
      const { Item } = await client.send(new GetItemCommand({ TableName: table, Key: { id: { S: 'alert-1' } } }));
      expect(Item).toEqual({ id: { S: 'alert-1' }, priority: { N: '12345678901234567890' } });
    });
  });
});
