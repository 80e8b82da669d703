import { describe, expect, it } from 'vitest';
import { failuresToCsv } from './failures-csv';

describe('error log CSV', () => {
  it('quotes commas, quotes and newlines, and defuses formulas', () => {
    const csv = failuresToCsv([
      { collection: 'alerts', id: 'a-1', code: 'ITEM_TOO_LARGE', reason: 'item is 512 KB, "over" 400 KB,\nsplit it' },
      { collection: 'users', id: '=HYPERLINK("x")', code: 'NO_KEY', reason: 'no id' },
    ]);
    expect(csv).toBe('collection,id,code,reason\r\nalerts,a-1,ITEM_TOO_LARGE,"item is 512 KB, ""over"" 400 KB,\nsplit it"\r\nusers,"\'=HYPERLINK(""x"")",NO_KEY,no id\r\n');
  });
});
