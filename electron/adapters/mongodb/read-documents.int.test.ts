import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext } from '../../../test/support/int-test-context';
import { parseId, readDocuments, serializeId } from './read-documents';

describe('readDocuments', () => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  const ids = Array.from({ length: 1200 }, (_, i) => new ObjectId((0x60000000 + i).toString(16).padStart(8, '0') + '0000000000000000'));
  beforeAll(async () => {
    ctx = await openTestContext('reader');
    // Inserted out of order: the stream must still come in _id order.
    await ctx.source.db.collection('alerts').insertMany([...ids].reverse().map((_id, i) => ({ _id, n: i })));
  });
  afterAll(() => ctx.close());

  const read = async (afterId?: unknown) => {
    const seen: string[] = [];
    const batches: number[] = [];
    for await (const batch of readDocuments(ctx.source.db.collection('alerts'), { afterId, batchSize: 500, url: ctx.mongoUrl })) {
      batches.push(batch.length);
      seen.push(...batch.map((d) => (d._id as ObjectId).toHexString()));
    }
    return { seen, batches };
  };

  it('streams every document in _id order, a server batch at a time', async () => {
    const { seen, batches } = await read();
    expect(seen).toEqual(ids.map((id) => id.toHexString()));
    expect(Math.max(...batches)).toBeLessThanOrEqual(500);
  });

  it('continues after a checkpointed _id, which survives its text form', async () => {
    const checkpoint = serializeId(ids[699]);
    const { seen } = await read(parseId(checkpoint));
    expect(seen).toEqual(ids.slice(700).map((id) => id.toHexString()));
  });
});
