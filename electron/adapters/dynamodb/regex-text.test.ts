import { describe, expect, it } from 'vitest';
import { regexText } from './regex-text';

describe('$regex on DynamoDB', () => {
  it.each([
    ['^disk', '', { match: 'prefix', text: 'disk' }],
    ['full', '', { match: 'substring', text: 'full' }],
    ['\\(swap\\)', 's', { match: 'substring', text: '(swap)' }],
    ['^a\\.b', '', { match: 'prefix', text: 'a.b' }],
  ])('reads /%s/%s as a literal', (pattern, options, expected) => {
    expect(regexText('f', pattern, options)).toEqual(expected);
  });

  it.each([
    ['^disk', 'i', 'case-insensitive'],
    ['d.sk', '', 'only an anchored literal prefix (^abc'],
    ['disk$', '', 'only an anchored literal prefix'],
    ['\\d+', '', 'only an anchored literal prefix'],
    ['^a', 'm', 'Drop the "m"'],
  ])('refuses /%s/%s, saying why and what works', (pattern, options, message) => {
    expect(() => regexText('f', pattern, options)).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_OPERATOR', message: expect.stringContaining(message) }));
  });
});
