import { describe, expect, it } from 'vitest';
import { toAttributeMap } from './attribute-value';
import { assembleExport, csvField, csvRecords, flattenDocument, jsonRecords } from './export-format';

const join = (parts: string[]) => parts.join('');

describe('flattenDocument', () => {
  it('turns nested documents into dotted paths and keeps arrays and Extended JSON values whole', () => {
    expect(flattenDocument({ a: { b: { c: 1 } }, list: [1, { x: 2 }], at: { $date: '2024-06-01T00:00:00Z' }, empty: {} }))
      .toEqual({ 'a.b.c': 1, list: [1, { x: 2 }], at: { $date: '2024-06-01T00:00:00Z' }, empty: {} });
  });
});

describe('CSV', () => {
  it('quotes commas, quotes, line breaks and edge spaces, and nothing else', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
  });

  it('writes one header of every column seen, padding records of pages written before a column appeared', () => {
    const columns: string[] = [];
    const first = { records: csvRecords([{ id: 'a1', host: { name: 'web, 1' } }], columns), width: columns.length };
    const second = { records: csvRecords([{ id: 'a2', at: { $date: '2024-06-01T00:00:00.000Z' }, tags: ['x', 'y'] }], columns), width: columns.length };
    expect(join(assembleExport('csv', [first, second], columns))).toBe(
      'id,host.name,at,tags\r\n' +
      'a1,"web, 1",,\r\n' +
      'a2,,2024-06-01T00:00:00.000Z,"[""x"",""y""]"\r\n',
    );
  });
});

describe('JSON', () => {
  it('joins every page into one array that parses back to the documents', () => {
    const pages = [[{ id: 'a' }, { id: 'b' }], [{ id: 'c', n: { $numberLong: '9007199254740993' } }]];
    const text = join(assembleExport('json', pages.map((p) => ({ records: jsonRecords(p, 'json') }))));
    expect(JSON.parse(text)).toEqual(pages.flat());
  });

  it('writes an empty array for no documents, and one line per document as JSON lines', () => {
    expect(JSON.parse(join(assembleExport('json', [])))).toEqual([]);
    expect(join(assembleExport('jsonl', [{ records: jsonRecords([{ id: 'a' }, { id: 'b' }], 'jsonl') }])).split('\n')).toEqual(['{"id":"a"}', '{"id":"b"}', '']);
  });
});

describe('DynamoDB JSON', () => {
  it('writes each document as an Item in AttributeValue form, converted as a migration converts', () => {
    const [line] = jsonRecords([{
      id: 'a1', n: 3, exact: { $numberDecimal: '12345678901234567890.5' }, ok: true, none: null,
      at: { $date: '2024-06-01T00:00:00Z' }, oid: { $oid: '665aa0000000000000000000' },
      tags: ['x', 2], host: { name: 'web' }, codes: { $set: [1, 2] }, names: { $set: ['a'] },
    }], 'dynamodb-json');
    expect(JSON.parse(line!)).toEqual({
      Item: {
        id: { S: 'a1' }, n: { N: '3' }, exact: { N: '12345678901234567890.5' }, ok: { BOOL: true }, none: { NULL: true },
        at: { S: '2024-06-01T00:00:00.000Z' }, oid: { S: '665aa0000000000000000000' },
        tags: { L: [{ S: 'x' }, { N: '2' }] }, host: { M: { name: { S: 'web' } } }, codes: { NS: ['1', '2'] }, names: { SS: ['a'] },
      },
    });
  });

  it('reads a relaxed date given as milliseconds', () => {
    expect(toAttributeMap({ at: { $date: { $numberLong: '0' } } })).toEqual({ at: { S: '1970-01-01T00:00:00.000Z' } });
  });
});
