import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectionSpec, tableName } from '../../../shared/catalogue';
import { ensureTables } from './table-admin';
import { openTestContext } from '../../../test/support/int-test-context';
import { writeBatch, type WriteTarget } from './write-batch';

describe('writeBatch on DynamoDB Local', () => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let target: WriteTarget;
  beforeAll(async () => {
    ctx = await openTestContext('splitter');
    await ensureTables(ctx.target, [collectionSpec('alerts')!], ctx.prefix);
    target = { doc: ctx.target.doc, table: tableName('alerts', ctx.prefix), where: ctx.target.where };
  });
  afterAll(() => ctx.close());

  it('splits a batch DynamoDB rejects as a whole until only the bad items fail', async () => {
    // Items the converter would refuse, sent raw: DynamoDB rejects the whole BatchWriteItem for each.
    const items = Array.from({ length: 25 }, (_, i) => ({ id: `a-${i}`, status: 'active', n: i }) as Record<string, unknown>);
    items[6] = { id: 'a-6', status: null };
    items[19] = { id: 'a-19', company_id: 'c', timestamp: 42 };
    const outcome = await writeBatch(target, items);
    expect(outcome.written).toBe(23);
    expect(outcome.failures.map((f) => f.key).sort()).toEqual(['a-19', 'a-6']);
    expect(outcome.failures[0]!.reason).toMatch(/DynamoDB rejected the item/);
    const stored = await ctx.target.doc.send(new ScanCommand({ TableName: target.table }));
    expect(stored.Items?.map((i) => i.id).sort()).toEqual(items.map((i) => i.id).filter((id) => id !== 'a-6' && id !== 'a-19').sort());
  });

  it('writes numbers beyond 2^53 digit for digit, fails an item the SDK cannot send alone, and writes the rest', async () => {
    const items: Array<Record<string, unknown>> = Array.from({ length: 10 }, (_, i) => ({ id: `b-${i}`, status: 'active' }));
    items[4] = { id: 'b-4', big: 5e20, long: 2 ** 53 };
    items[8] = { id: 'b-8', n: Number.NaN };
    const outcome = await writeBatch(target, items);
    expect(outcome.written).toBe(9);
    expect(outcome.failures).toEqual([{ key: 'b-8', reason: expect.stringContaining('n: NaN') }]);
    const stored = await ctx.target.client.send(new GetItemCommand({ TableName: target.table, Key: { id: { S: 'b-4' } } }));
    expect(stored.Item).toMatchObject({ big: { N: '500000000000000000000' }, long: { N: '9007199254740992' } });
  });

  it('throws a clear error, not a per-item failure, when the table does not exist', async () => {
    await expect(writeBatch({ ...target, table: `${ctx.prefix}_missing` }, [{ id: 'x' }])).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
