import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectionSpec, tableName } from '../../../shared/catalogue';
import { DynamoConnectionSchema } from '../../../shared/connection';
import { localServers, uniqueName } from '../../../test/local-servers';
import { createDynamoClients, type DynamoClients } from './client';
import { DynamoDbAdapter } from './dynamodb-adapter';
import { ensureTables } from './table-admin';

/** The planner's choices, read from the plan each find returns, on DynamoDB Local. */
describe('the DynamoDB planner on DynamoDB Local', () => {
  const prefix = uniqueName('Planner');
  let clients: DynamoClients;
  let adapter: DynamoDbAdapter;
  const COMPANIES = ['c0', 'c1', 'c2', 'c3'];
  const STATUSES = ['open', 'acknowledged', 'resolved'];
  const SEVERITIES = ['low', 'medium', 'high', 'critical'];
  const ALERTS = Array.from({ length: 600 }, (_, i) => ({
    id: `alert-${String(i).padStart(4, '0')}`,
    company_id: COMPANIES[i % 4]!,
    status: STATUSES[i % 3]!,
    severity: SEVERITIES[Math.floor(i / 4) % 4]!,
    timestamp: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  }));
  const table = () => tableName('alerts', prefix);

  beforeAll(async () => {
    clients = createDynamoClients(DynamoConnectionSchema.parse({ backend: 'dynamodb', ...localServers().dynamo, tablePrefix: prefix }));
    await ensureTables(clients, [collectionSpec('alerts')!], prefix);
    for (let i = 0; i < ALERTS.length; i += 25) {
      await clients.doc.send(new BatchWriteCommand({ RequestItems: { [table()]: ALERTS.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
    }
    adapter = new DynamoDbAdapter(clients);
  });
  afterAll(async () => {
    await clients.client.send(new DeleteTableCommand({ TableName: table() })).catch(() => {});
    await adapter.close();
  });

  it('queries company-timestamp-index for a company and a timestamp range', async () => {
    const [from, to] = [ALERTS[100]!.timestamp, ALERTS[300]!.timestamp];
    const page = await adapter.find('alerts', { company_id: 'c1', timestamp: { $gte: from, $lt: to } }, { limit: 500 });
    const expected = ALERTS.filter((a) => a.company_id === 'c1' && a.timestamp >= from && a.timestamp < to);
    expect(page.plan).toMatchObject({ operation: 'Query', index: 'company-timestamp-index', fullRead: false, itemsReturned: expected.length });
    expect(page.documents.map((d) => d.id)).toEqual(expected.map((a) => a.id));
    // Only the partition's range is read: nothing outside it, at most the excluded upper bound.
    expect(page.plan.itemsScanned).toBeLessThanOrEqual(expected.length + 1);
    expect(page.plan.consumedCapacity).toBeGreaterThan(0);
  });

  it('answers a sort on the timestamp from the index, newest first, page by page', async () => {
    const first = await adapter.find('alerts', { company_id: 'c2', timestamp: { $gte: '' } }, { sort: [['timestamp', -1]], limit: 10 });
    expect(first.plan).toMatchObject({ operation: 'Query', index: 'company-timestamp-index', fullRead: false, itemsScanned: 11 });
    const second = await adapter.find('alerts', { company_id: 'c2', timestamp: { $gte: '' } }, { sort: [['timestamp', -1]], limit: 10, cursor: first.nextCursor! });
    const expected = ALERTS.filter((a) => a.company_id === 'c2').reverse().slice(0, 20).map((a) => a.id);
    expect([...first.documents, ...second.documents].map((d) => d.id)).toEqual(expected);
  });

  it('queries status-index for a status', async () => {
    const page = await adapter.find('alerts', { status: 'resolved' }, { limit: 50 });
    expect(page.plan).toMatchObject({ operation: 'Query', index: 'status-index', itemsReturned: 50, itemsScanned: 51, fullRead: false });
    expect(page.documents.every((d) => d.status === 'resolved')).toBe(true);
    expect(await adapter.countDocuments('alerts', { status: 'resolved' })).toBe(200);
  });

  it('uses GetItem for an id', async () => {
    const page = await adapter.find('alerts', { id: 'alert-0042' });
    expect(page.plan).toMatchObject({ operation: 'GetItem', target: table(), itemsReturned: 1 });
    expect(page.documents[0]).toEqual(ALERTS[42]);
  });

  it('falls back to Scan for a non-key attribute, and still fills the page', async () => {
    const page = await adapter.find('alerts', { severity: 'critical' }, { limit: 50 });
    expect(page.plan).toMatchObject({ operation: 'Scan', itemsReturned: 50, fullRead: false });
    expect(page.plan.index).toBeUndefined();
    // A quarter of the items match: the page needs more than 50 scanned, but far from the whole table.
    expect(page.plan.itemsScanned).toBeGreaterThan(50);
    expect(page.plan.itemsScanned).toBeLessThan(ALERTS.length);
  });

  it('reads everything and says so when a Scan is sorted', async () => {
    const page = await adapter.find('alerts', { severity: 'low' }, { sort: [['timestamp', -1]], limit: 5 });
    expect(page.plan).toMatchObject({ operation: 'Scan', fullRead: true, itemsScanned: ALERTS.length });
    expect(page.plan.notes.join(' ')).toMatch(/sorted in memory/);
    expect(page.documents.map((d) => d.id)).toEqual(ALERTS.filter((a) => a.severity === 'low').reverse().slice(0, 5).map((a) => a.id));
  });

  it('follows a picked index: a forced Scan returns what the automatic Query does', async () => {
    const auto = await adapter.find('alerts', { status: 'open', severity: 'high' }, { limit: 500 });
    const scanned = await adapter.find('alerts', { status: 'open', severity: 'high' }, { limit: 500, index: 'scan' });
    expect(auto.plan).toMatchObject({ operation: 'Query', index: 'status-index' });
    expect(scanned.plan).toMatchObject({ operation: 'Scan', itemsScanned: ALERTS.length });
    expect(scanned.plan.notes).toContain('Scan chosen by the user');
    expect(scanned.documents.map((d) => d.id).sort()).toEqual(auto.documents.map((d) => d.id).sort());
    expect(auto.documents.length).toBe(ALERTS.filter((a) => a.status === 'open' && a.severity === 'high').length);
  });

  it('queries the picked GSI instead of the one the planner prefers, paging on its key', async () => {
    const filter = { status: 'open', company_id: 'c0', timestamp: { $gte: '' } };
    expect((await adapter.find('alerts', filter, { limit: 5 })).plan.index).toBe('company-timestamp-index');
    const first = await adapter.find('alerts', filter, { limit: 5, index: 'status-index' });
    expect(first.plan).toMatchObject({ operation: 'Query', index: 'status-index', itemsReturned: 5 });
    const second = await adapter.find('alerts', filter, { limit: 500, index: 'status-index', cursor: first.nextCursor! });
    const ids = [...first.documents, ...second.documents].map((d) => d.id).sort();
    expect(ids).toEqual(ALERTS.filter((a) => a.status === 'open' && a.company_id === 'c0').map((a) => a.id));
  });

  it('refuses a picked index the filter cannot use, saying what it needs, before any request', async () => {
    await expect(adapter.find('alerts', { severity: 'high' }, { index: 'status-index' })).rejects.toMatchObject({ code: 'INVALID_QUERY', message: expect.stringMatching(/status-index needs an equality on status/) });
    await expect(adapter.find('alerts', { severity: 'high' }, { index: 'table' })).rejects.toMatchObject({ code: 'INVALID_QUERY', message: expect.stringMatching(/equality on id/) });
    await expect(adapter.find('alerts', { status: 'open' }, { index: 'nope-index' })).rejects.toMatchObject({ code: 'INVALID_QUERY', message: expect.stringMatching(/no index nope-index/) });
  });

  it('refuses an item over 400 KB as ITEM_TOO_LARGE', async () => {
    await expect(adapter.insertOne('alerts', { id: 'huge', message: 'x'.repeat(410 * 1024) })).rejects.toMatchObject({ code: 'ITEM_TOO_LARGE' });
  });

  it('writes dates as ISO-8601 strings', async () => {
    const when = new Date('2026-03-04T05:06:07.890Z');
    await adapter.insertOne('alerts', { id: 'dated', company_id: 'c9', timestamp: when, history: [{ at: when }] });
    const { Item } = await clients.doc.send(new GetCommand({ TableName: table(), Key: { id: 'dated' } }));
    expect(Item).toEqual({ id: 'dated', company_id: 'c9', timestamp: '2026-03-04T05:06:07.890Z', history: [{ at: '2026-03-04T05:06:07.890Z' }] });
    await adapter.updateOne('alerts', { id: 'dated' }, { $set: { resolved_at: when } });
    expect((await adapter.findOne('alerts', { id: 'dated' }))?.resolved_at).toBe('2026-03-04T05:06:07.890Z');
  });
});
