import { describe, expect, it } from 'vitest';
import { editedValue } from './edit-value';

describe('a field edit keeps the field type unless another is picked', () => {
  it.each([
    [{ $date: '2026-01-01T00:00:00Z' }, '2026-03-04T05:06:07Z', { $date: '2026-03-04T05:06:07.000Z' }],
    [{ $numberLong: '1' }, '9007199254740993', { $numberLong: '9007199254740993' }],
    [5, '9007199254740993', { $numberLong: '9007199254740993' }],
    [5, '7.5', 7.5],
    ['a', '42', '42'],
    [{ $numberDecimal: '1.0' }, '2.50', { $numberDecimal: '2.50' }],
    [undefined, 'plain words', 'plain words'],
    [undefined, '42', 42],
    ['a', '"quoted"', 'quoted'],
    [{ $date: '2026-01-01T00:00:00Z' }, '"not a date any more"', 'not a date any more'],
    ['a', 'ISODate("2026-03-04T00:00:00Z")', { $date: '2026-03-04T00:00:00Z' }],
    [5, 'true', true],
  ])('%j edited with %s', (current, text, expected) => {
    expect(editedValue(current, text)).toEqual({ value: expected });
  });

  it('refuses text that is not of the field type, saying how to pick another', () => {
    expect(editedValue({ $date: '2026-01-01T00:00:00Z' }, 'tomorrow').problem).toContain('This field is a date');
    expect(editedValue(3, 'three').problem).toContain('"text" in quotes');
  });
});
