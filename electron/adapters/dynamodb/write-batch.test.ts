import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { writeBatch, type Item } from './write-batch';

/** Stands in for the SDK: a request holding the poisoned item fails before it is sent, as marshalling errors do. */
function target(stored: string[]) {
  const send = async (command: { input: { RequestItems: Record<string, Array<{ PutRequest: { Item: Record<string, { S?: string }> } }>> } }) => {
    const items = command.input.RequestItems.t!.map((r) => r.PutRequest.Item);
    if (items.some((item) => item.poison)) throw new Error('Number 500000000000000000000 is greater than Number.MAX_SAFE_INTEGER.');
    stored.push(...items.map((item) => item.id!.S!));
    return {};
  };
  return { doc: { send } as unknown as DynamoDBDocumentClient, table: 't', where: 'test' };
}

describe('writeBatch', () => {
  it('fails an item alone whatever the error, writes the rest and goes on', async () => {
    const stored: string[] = [];
    const items: Item[] = Array.from({ length: 25 }, (_, i) => ({ id: `k-${i}` }));
    items[9] = { id: 'k-9', poison: true };
    items[12] = { id: 'k-12', bad: () => 1 };
    const outcome = await writeBatch(target(stored), items);
    expect(outcome.written).toBe(23);
    expect(outcome.failures.map((f) => f.key).sort()).toEqual(['k-12', 'k-9']);
    expect(outcome.failures.find((f) => f.key === 'k-9')!.reason).toContain('MAX_SAFE_INTEGER');
    expect(outcome.failures.find((f) => f.key === 'k-12')!.reason).toContain('bad');
    expect(stored.sort()).toEqual(items.map((i) => String(i.id)).filter((id) => id !== 'k-9' && id !== 'k-12').sort());
  });
});

describe('writeBatch when DynamoDB itself fails', () => {
  it('throws instead of failing every item one by one', async () => {
    const send = async () => {
      throw Object.assign(new Error('We encountered an internal error. Please try again.'), { name: 'InternalServerError', $fault: 'server' });
    };
    const target = { doc: { send } as unknown as DynamoDBDocumentClient, table: 't', where: 'test' };
    await expect(writeBatch(target, [{ id: 'a' }, { id: 'b' }])).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});
