import { NumberValue } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { ExpressionBuilder } from './build-expression';
import { adaptToItem, buildUpdate, changes, operations } from './update-expression';

describe('update expressions', () => {
  it('build SET, REMOVE and an $inc that starts from zero, with placeholders', () => {
    const b = new ExpressionBuilder();
    const { updateExpression } = buildUpdate(operations({ $set: { 'a.b': 1 }, $inc: { n: 2 }, $unset: { old: '' } }), b);
    expect(updateExpression).toBe('SET #n0.#n1 = :v0, #n2 = if_not_exists(#n2, :v1) + :v2 REMOVE #n3');
    expect(b.values).toEqual({ ':v0': 1, ':v1': 0, ':v2': 2 });
  });

  it('write dates as ISO strings', () => {
    expect(operations({ $set: { at: new Date('2026-01-02T03:04:05.000Z') } })).toEqual([{ kind: 'set', path: ['at'], value: '2026-01-02T03:04:05.000Z' }]);
  });

  it('create a missing parent as one sub-document, conditioned on it still being absent', () => {
    const b = new ExpressionBuilder();
    const ops = operations({ $set: { 'settings.theme.mode': 'dark', 'settings.lang': 'en', 'profile.name': 'x' }, $inc: { 'stats.visits': 1 }, $unset: { 'gone.deep': '' } });
    const { updateExpression, conditions } = adaptToItem(ops, { id: '1', profile: {} }, b);
    const name = (path: string) => path.split('.').map((segment) => Object.keys(b.names).find((id) => b.names[id] === segment)).join('.');
    const value = (v: unknown) => Object.keys(b.values).find((id) => JSON.stringify(b.values[id]) === JSON.stringify(v));
    expect(updateExpression).toBe(`SET ${name('profile.name')} = ${value('x')}, ${name('settings')} = ${value({ theme: { mode: 'dark' }, lang: 'en' })}, ${name('stats')} = ${value({ visits: 1 })}`);
    expect(conditions).toEqual([`(attribute_not_exists(${name('settings')}) AND attribute_not_exists(${name('stats')}) AND attribute_not_exists(${name('gone')}))`]);
  });

  it('refuse to create a field inside a non-document value', () => {
    expect(() => adaptToItem(operations({ $set: { 'role.x': 1 } }), { id: '1', role: 'admin' }, new ExpressionBuilder()))
      .toThrow(expect.objectContaining({ code: 'INVALID_QUERY' }));
  });

  it('count a change only when a value differs', () => {
    const before = { id: '1', a: { b: 1 }, big: NumberValue.from('12345678901234567890') };
    expect(changes(operations({ $set: { 'a.b': 1 } }), before)).toBe(false);
    expect(changes(operations({ $set: { a: { b: 1 } } }), before)).toBe(false);
    expect(changes(operations({ $set: { 'a.b': 2 } }), before)).toBe(true);
    expect(changes(operations({ $unset: { missing: '' } }), before)).toBe(false);
    expect(changes(operations({ $unset: { a: '' } }), before)).toBe(true);
    expect(changes(operations({ $inc: { 'a.b': 0 } }), before)).toBe(false);
    expect(changes(operations({ $inc: { fresh: 0 } }), before)).toBe(true);
    expect(changes(operations({ $set: { big: NumberValue.from('12345678901234567890') } }), before)).toBe(false);
  });
});
