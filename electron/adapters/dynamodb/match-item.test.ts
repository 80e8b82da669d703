import { NumberValue } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Filter } from '../../../shared/query';
import { parseItemFilter } from './item-scalar';
import { matchItem, matchesOrRefuse } from './match-item';

const match = (filter: Filter, item: Record<string, unknown>) => matchItem(parseItemFilter(filter), item);

describe('matchItem', () => {
  it('decides scalars with the semantics the expressions give DynamoDB', () => {
    expect(match({ p: { $gt: 5 } }, { p: 7 })).toBe(true);
    expect(match({ p: { $gt: 5 } }, { p: '7' })).toBe(false);
    expect(match({ p: { $gt: '5' } }, { p: '\u{1F600}' })).toBe(true);
    expect(match({ p: 12345678901234567000 }, { p: NumberValue.from('12345678901234567000') })).toBe(true);
    expect(match({ p: null }, {})).toBe(true);
    expect(match({ p: { $ne: null } }, { p: [1, null] })).toBe(false);
    expect(match({ p: { $in: ['a', 'b'] } }, { p: ['c', 'b'] })).toBe(true);
    expect(match({ p: { $nin: ['a'] } }, {})).toBe(true);
    expect(match({ p: { $gte: false } }, { p: true })).toBe(true);
    expect(match({ p: { $lte: null } }, { p: 0 })).toBe(false);
    expect(match({ 'm.n': { $exists: false } }, { m: 3 })).toBe(true);
  });

  it('leaves an answer that depends on a list undecided, naming the list', () => {
    expect(match({ 'events.kind': 'page' }, { events: [{ kind: 'page' }] })).toBe('events');
    expect(match({ scores: { $gt: 5 } }, { scores: [1, 9] })).toBe('scores');
  });

  it('decides when the list-touching branch cannot change the answer', () => {
    const item = { status: 'open', events: [{ kind: 'page' }] };
    expect(match({ $or: [{ status: 'open' }, { 'events.kind': 'page' }] }, item)).toBe(true);
    expect(match({ status: 'closed', 'events.kind': 'page' }, item)).toBe(false);
    expect(match({ $or: [{ status: 'closed' }, { 'events.kind': 'page' }] }, item)).toBe('events');
  });

  it('refuses an undecided item, naming the field and the item', () => {
    expect(() => matchesOrRefuse(parseItemFilter({ scores: { $gt: 5 } }), { id: 'bad', scores: [1, 9] }))
      .toThrow(expect.objectContaining({ code: 'UNSUPPORTED_OPERATOR', message: expect.stringMatching(/"scores" holds a list in item bad/) }));
  });
});
