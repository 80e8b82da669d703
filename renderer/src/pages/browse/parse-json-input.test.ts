import { describe, expect, it } from 'vitest';
import { FilterSchema, ProjectionSchema } from '../../../../shared/query';
import { parseJsonInput } from './parse-json-input';

describe('filter bar input', () => {
  it('accepts an empty box as the empty filter', () => {
    expect(parseJsonInput('  ', FilterSchema, {})).toEqual({ value: {}, problems: [] });
  });
  it('explains JSON syntax errors', () => {
    expect(parseJsonInput("{status: 'active'}", FilterSchema, {}).problems[0]?.message).toMatch(/^Not valid JSON/);
  });
  it('names the refused operator and where it is', () => {
    const { problems } = parseJsonInput('{"$or": [{"a": 1}, {"b": {"$mod": [2, 0]}}]}', FilterSchema, {});
    expect(problems[0]).toEqual({ message: expect.stringContaining('$mod is not supported'), path: '$or.1.b.$mod' });
  });
  it('passes a valid filter and a projection through', () => {
    expect(parseJsonInput('{"company_id": "comp-1", "timestamp": {"$gte": "2025-01-01"}}', FilterSchema, {}).value).toEqual({ company_id: 'comp-1', timestamp: { $gte: '2025-01-01' } });
    expect(parseJsonInput('{"a": 1, "b": 0}', ProjectionSchema, {}).problems).toHaveLength(1);
  });
});
