import { describe, expect, it } from 'vitest';
import { parseItemFilter } from './item-scalar';
import { ExpressionBuilder, buildExpression, fitExpression } from './build-expression';

function build(filter: Record<string, unknown>) {
  const b = new ExpressionBuilder();
  const expression = buildExpression(parseItemFilter(filter), b);
  return { expression, names: b.names, values: b.values };
}

describe('buildExpression', () => {
  it('puts every name and value behind a placeholder, nested paths segment by segment', () => {
    expect(build({ 'status': { $gt: 'a' }, 'meta.size': { $lte: 5 } })).toEqual({
      expression: '(#n0 > :v0 AND #n1.#n2 <= :v1)',
      names: { '#n0': 'status', '#n1': 'meta', '#n2': 'size' },
      values: { ':v0': 'a', ':v1': 5 },
    });
  });

  it('reuses the placeholder of a repeated name or value', () => {
    const { expression, names, values } = build({ $or: [{ size: { $gt: 1 } }, { size: { $lt: 1 } }] });
    expect(expression).toBe('(#n0 > :v0 OR #n0 < :v0)');
    expect(Object.keys(names)).toHaveLength(1);
    expect(Object.keys(values)).toHaveLength(1);
  });

  it('matches equality against a scalar or an element of a list, as MongoDB does', () => {
    expect(build({ tag: 'x' }).expression).toBe('(#n0 = :v0 OR (attribute_type(#n0, :v1) AND contains(#n0, :v0)))');
    expect(build({ tag: 'x' }).values[':v1']).toBe('L');
  });

  it('makes $ne the negation of equality, so that a missing attribute matches', () => {
    expect(build({ tag: { $ne: 'x' } }).expression).toBe('(NOT (#n0 = :v0 OR (attribute_type(#n0, :v1) AND contains(#n0, :v0))))');
  });

  it('matches null as missing, NULL or a list holding null, and $ne null as the negation', () => {
    const eq = build({ x: null });
    expect(eq.expression).toBe('((attribute_not_exists(#n0) OR attribute_type(#n0, :v0)) OR (attribute_type(#n0, :v1) AND contains(#n0, :v2)))');
    expect(eq.values).toEqual({ ':v0': 'NULL', ':v1': 'L', ':v2': null });
    expect(build({ x: { $ne: null } }).expression).toBe(`(NOT ${eq.expression as string})`);
  });

  it('translates $in with IN, null and list membership, and $nin as its negation', () => {
    const { expression, values } = build({ s: { $in: ['a', 'b', null] } });
    expect(expression).toBe('(#n0 IN (:v0, :v1) OR (attribute_not_exists(#n0) OR attribute_type(#n0, :v2)) OR (attribute_type(#n0, :v3) AND (contains(#n0, :v0) OR contains(#n0, :v1) OR contains(#n0, :v4))))');
    expect(values).toEqual({ ':v0': 'a', ':v1': 'b', ':v2': 'NULL', ':v3': 'L', ':v4': null });
    expect(build({ s: { $nin: ['a'] } }).expression).toBe('(NOT (#n0 = :v0 OR (attribute_type(#n0, :v1) AND contains(#n0, :v0))))');
  });

  it('admits items with a list where MongoDB would look inside it, when asked to', () => {
    const b = new ExpressionBuilder();
    const expression = buildExpression(parseItemFilter({ 'events.kind': 'page', score: { $gt: 5 }, tags: 'x' }), b, { admitListHazards: true });
    expect(expression).toBe('(((#n0.#n1 = :v0 OR (attribute_type(#n0.#n1, :v1) AND contains(#n0.#n1, :v0))) OR attribute_type(#n0, :v1))'
      + ' AND (#n2 > :v2 OR attribute_type(#n2, :v1))'
      + ' AND (#n3 = :v3 OR (attribute_type(#n3, :v1) AND contains(#n3, :v3))))');
  });

  it('splits an $in of more than 100 values into several IN lists', () => {
    const many = Array.from({ length: 150 }, (_, i) => i);
    const expression = build({ n: { $in: many } }).expression as string;
    expect(expression.match(/ IN \(/g)).toHaveLength(2);
  });

  it('turns constant conditions into constants: an empty $in matches nothing, an empty $nin everything', () => {
    expect(build({ s: { $in: [] } }).expression).toBe(false);
    expect(build({ s: { $nin: [] } }).expression).toBe(true);
    expect(build({}).expression).toBe(true);
    expect(build({ a: 1, s: { $in: [] } }).expression).toBe(false);
    expect(build({ $or: [{ s: { $in: [] } }, { a: { $exists: true } }] }).expression).toBe('attribute_exists(#n1)');
  });

  it('translates $exists', () => {
    expect(build({ a: { $exists: true }, b: { $exists: false } }).expression).toBe('(attribute_exists(#n0) AND attribute_not_exists(#n1))');
  });

  it('rewrites ranges on null and booleans, which DynamoDB refuses, with MongoDB ordering', () => {
    expect(build({ x: { $gt: null } }).expression).toBe(false);
    expect(build({ x: { $gte: null } }).expression).toBe('(attribute_not_exists(#n0) OR attribute_type(#n0, :v0))');
    expect(build({ x: { $gt: false } })).toMatchObject({ expression: '#n0 = :v0', values: { ':v0': true } });
    expect(build({ x: { $gte: false } })).toMatchObject({ expression: 'attribute_type(#n0, :v0)', values: { ':v0': 'BOOL' } });
    expect(build({ x: { $lt: true } })).toMatchObject({ expression: '#n0 = :v0', values: { ':v0': false } });
    expect(build({ x: { $lt: false } }).expression).toBe(false);
    expect(build({ x: { $gt: true } }).expression).toBe(false);
  });

  it('sends only the placeholders an expression uses', () => {
    const b = new ExpressionBuilder();
    const expression = buildExpression(parseItemFilter({ $or: [{ s: { $in: [] } }, { n10: 1 }], n1: { $gt: 2 } }), b) as string;
    for (let i = 0; i < 11; i++) b.path(`n${i}`);
    expect(b.attributes(expression)).toEqual({
      ExpressionAttributeNames: { '#n1': 'n10', '#n2': 'n1' },
      ExpressionAttributeValues: { ':v0': 1, ':v1': 'L', ':v2': 2 },
    });
  });

  it('keeps $and/$or structure with parentheses', () => {
    expect(build({ $or: [{ a: { $gt: 1 } }, { $and: [{ b: { $lt: 2 } }, { c: { $exists: false } }] }] }).expression)
      .toBe('(#n0 > :v0 OR (#n1 < :v1 AND attribute_not_exists(#n2)))');
  });

  it('refuses positional paths with a typed error', () => {
    expect(() => build({ 'tags.0': 'x' })).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_OPERATOR' }));
  });

  it('fits a filter with a long list under 4 KB by leaving the list to be decided in memory', () => {
    const long = Array.from({ length: 500 }, (_, i) => i);
    const fit = (filter: Record<string, unknown>) => fitExpression(parseItemFilter(filter), new ExpressionBuilder());
    expect(fit({ n: { $in: long.slice(0, 50) } })).toMatchObject({ complete: true });
    expect(fit({ n: { $in: long }, s: 'x' })).toEqual({ expression: expect.stringMatching(/^\(?#n\d = :v\d+/), complete: false });
    expect(fit({ n: { $nin: long } })).toEqual({ expression: true, complete: false });
    expect(fit({ $or: long.map((n) => ({ [`f${n}`]: n })) })).toEqual({ expression: true, complete: false });
  });
});
