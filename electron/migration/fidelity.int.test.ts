import { readFileSync } from 'node:fs';
import { GetItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Long, type Document } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableName } from '../../shared/catalogue';
import { loadCheckpoint } from './checkpoint-store';
import { errorLogPath } from './error-log';
import { planMigration, startMigration, verifyMigration } from './index';
import { openTestContext } from '../../test/support/int-test-context';

type TestContext = Awaited<ReturnType<typeof openTestContext>>;

const companies = (count: number): Document[] => Array.from({ length: count }, (_, i) => ({ id: `c-${i}`, name: `company ${i}` }));

function loggedLines(ctx: TestContext): Array<{ collection: string; id: string; code: string; reason: string }> {
  return readFileSync(errorLogPath(ctx.stateDir, loadCheckpoint(ctx.stateDir)!.runId), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

/** An item as the plain DynamoDB client returns it: AttributeValues, no lib-dynamodb unmarshalling. */
async function rawItem(ctx: TestContext, id: string): Promise<Record<string, AttributeValue>> {
  const result = await ctx.target.client.send(new GetItemCommand({ TableName: tableName('companies', ctx.prefix), Key: { id: { S: id } }, ConsistentRead: true }));
  return result.Item!;
}

describe('values that used to block the run or change on the way', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await openTestContext('fidelity_values');
    const docs = companies(40);
    Object.assign(docs[3]!, { big: 5e20, negative: -1.5e125 });
    Object.assign(docs[5]!, { long: Long.fromNumber(2 ** 53), minus: Long.fromNumber(-(2 ** 53)) });
    Object.assign(docs[7]!, { constructor: 'a string' });
    Object.assign(docs[9]!, { meta: { constructor: { name: 'String' } }, toString: 'y' });
    // Own properties named __proto__, as the driver reads and writes them.
    docs[11] = JSON.parse('{"id": "c-11", "__proto__": {"x": 1}}') as Document;
    docs[13] = JSON.parse('{"id": "c-13", "meta": {"__proto__": {"x": 1}, "y": "z"}}') as Document;
    await ctx.source.db.collection('companies').insertMany(docs);
  });
  afterAll(() => ctx.close());

  it('plans the documents it cannot write', async () => {
    const plan = await planMigration(ctx, ['companies']);
    expect(plan.totals.problemCount).toBe(2);
    expect(plan.collections[0]!.problems.map((p) => p.id).sort()).toEqual(['c-11', 'c-13']);
  });

  it('writes numbers digit for digit and names of Object.prototype as fields; refuses and logs __proto__, and goes on', async () => {
    const summary = await startMigration(ctx, { collections: ['companies'] }).done;
    expect(summary.state).toBe('completed');
    expect(summary.overall).toMatchObject({ written: 38, failed: 2 });
    expect(summary.failures.map((f) => [f.id, f.code, f.reason.split(':')[0]]).sort()).toEqual([['c-11', 'UNSUPPORTED_VALUE', '__proto__'], ['c-13', 'UNSUPPORTED_VALUE', 'meta.__proto__']]);
    expect(loggedLines(ctx).map((l) => l.id).sort()).toEqual(['c-11', 'c-13']);

    expect(await rawItem(ctx, 'c-3')).toMatchObject({ big: { N: '500000000000000000000' }, negative: { N: `-15${'0'.repeat(124)}` } });
    expect(await rawItem(ctx, 'c-5')).toMatchObject({ long: { N: '9007199254740992' }, minus: { N: '-9007199254740992' } });
    expect(Object.getOwnPropertyDescriptor(await rawItem(ctx, 'c-7'), 'constructor')?.value).toEqual({ S: 'a string' });
    const c9 = await rawItem(ctx, 'c-9');
    expect(Object.getOwnPropertyDescriptor(c9, 'toString')?.value).toEqual({ S: 'y' });
    expect(JSON.stringify(c9.meta)).toBe('{"M":{"constructor":{"M":{"name":{"S":"String"}}}}}');

    const result = await verifyMigration(ctx, { collections: ['companies'] });
    expect(result.ok).toBe(true);
  });
});

describe('two documents with one key', () => {
  let ctx: TestContext;
  let winner: unknown;
  let plan: Awaited<ReturnType<typeof planMigration>>;
  let summary: Awaited<ReturnType<typeof startMigration>['done']>;
  beforeAll(async () => {
    ctx = await openTestContext('fidelity_dups');
    const docs = companies(60);
    // c-5 again far later (another batch), c-7 again right after it (the same batch).
    docs[50] = { id: 'c-5', name: 'the newer c-5' };
    docs[8] = { id: 'c-7', name: 'the newer c-7' };
    const inserted = await ctx.source.db.collection('companies').insertMany(docs, { ordered: true });
    winner = inserted.insertedIds[50];
    plan = await planMigration(ctx, ['companies']);
    summary = await startMigration(ctx, { collections: ['companies'] }).done;
  });
  afterAll(() => ctx.close());

  it('are counted by the plan, logged with both _ids, count as failed, and verify names them', async () => {
    const source = ctx.source.db.collection('companies');
    const holders = async (id: string) => (await source.find({ id }, { sort: { _id: 1 } }).toArray()).map((d) => String(d._id));
    expect(plan.totals.problemCount).toBe(2);
    expect(plan.collections[0]!.problems.map((p) => [p.id, p.code]).sort()).toEqual([['c-5', 'DUPLICATE_KEY'], ['c-7', 'DUPLICATE_KEY']]);
    expect(summary.overall).toMatchObject({ written: 58, failed: 2 });
    const logged = loggedLines(ctx);
    expect(logged.map((l) => [l.id, l.code]).sort()).toEqual([['c-5', 'DUPLICATE_KEY'], ['c-7', 'DUPLICATE_KEY']]);
    for (const id of ['c-5', 'c-7']) {
      const line = logged.find((l) => l.id === id)!;
      for (const holder of await holders(id)) expect(line.reason).toContain(holder);
    }

    const result = await verifyMigration(ctx, { collections: ['companies'] });
    expect(result.collections[0]).toMatchObject({ ok: true, sourceCount: 60, targetCount: 58, countsMatch: true });
    expect(result.collections[0]!.content!.unmigratable.map((p) => [p.id, p.code]).sort()).toEqual([['c-5', 'DUPLICATE_KEY'], ['c-7', 'DUPLICATE_KEY']]);
  });

  it('verify compares with the document that won: deleting it from the source is a difference', async () => {
    await ctx.source.db.collection('companies').deleteOne({ _id: winner as never });
    const result = await verifyMigration(ctx, { collections: ['companies'] });
    expect(result.ok).toBe(false);
    expect(result.collections[0]!.content!.different.map((d) => d.id)).toEqual(['c-5']);
    expect(result.collections[0]!.content!.different[0]!.differences.map((d) => d.path).sort()).toEqual(['_id', 'name']);
  });
});

describe('a tampered item', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await openTestContext('fidelity_tamper');
    await ctx.source.db.collection('companies').insertMany(companies(30).map((d) => ({ ...d, meta: { tier: 'gold' } })));
    expect((await startMigration(ctx, { collections: ['companies'] }).done).overall.written).toBe(30);
  });
  afterAll(() => ctx.close());

  it('verify reports a changed _id attribute together with a changed nested value as differences', async () => {
    const table = tableName('companies', ctx.prefix);
    await ctx.target.doc.send(new UpdateCommand({ TableName: table, Key: { id: 'c-20' }, UpdateExpression: 'SET #i = :i, meta.tier = :t', ExpressionAttributeNames: { '#i': '_id' }, ExpressionAttributeValues: { ':i': 'ffffffffffffffffffffffff', ':t': 'tampered' } }));
    const result = await verifyMigration(ctx, { collections: ['companies'] });
    const content = result.collections[0]!.content!;
    expect(result.ok).toBe(false);
    expect(content.different.find((d) => d.id === 'c-20')?.differences.map((d) => d.path).sort()).toEqual(['_id', 'meta.tier']);
    expect(content.unmigratable).toEqual([]);
  });
});
