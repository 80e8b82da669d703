import { toAttributeMap } from './attribute-value';

/**
 * The export formats, page by page: the main process turns each page of documents (wire form)
 * into records, and the renderer joins the records of every page into one file. Pure.
 */
export const EXPORT_FORMATS = ['json', 'jsonl', 'csv', 'dynamodb-json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_INFO: Record<ExportFormat, { label: string; extension: string; type: string }> = {
  json: { label: 'JSON array (Extended JSON)', extension: 'json', type: 'application/json' },
  jsonl: { label: 'JSON lines (Extended JSON)', extension: 'jsonl', type: 'application/x-ndjson' },
  csv: { label: 'CSV (dotted columns)', extension: 'csv', type: 'text/csv' },
  'dynamodb-json': { label: 'DynamoDB JSON (AttributeValue, one item a line)', extension: 'dynamodb.jsonl', type: 'application/x-ndjson' },
};

type Wire = Record<string, unknown>;

/** Extended JSON wrappers (`{$date: …}`) are values, not documents to flatten. */
function isWrapper(value: object): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0]!.startsWith('$');
}

/** `{a: {b: 1}, c: [1]}` → `{'a.b': 1, c: [1]}`: nested documents become dotted columns; arrays stay whole. */
export function flattenDocument(document: Wire, prefix = '', into: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [key, value] of Object.entries(document)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && !isWrapper(value) && Object.keys(value).length > 0) {
      flattenDocument(value as Wire, path, into);
    } else into[path] = value;
  }
  return into;
}

/** A cell's text: strings as they are, dates and ids by their value, anything else as JSON. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value !== 'object') return String(value);
  if (!Array.isArray(value) && isWrapper(value)) {
    const inner = Object.values(value)[0];
    if (typeof inner === 'string' || typeof inner === 'number') return String(inner);
  }
  return JSON.stringify(value);
}

/** RFC 4180: quoted when it holds a comma, a quote, a line break or leading/trailing space; quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV records for one page. `columns` grows (in the order fields are first seen) and is shared
 * across pages; a page's records have as many cells as `columns` has after it, and
 * `assembleExport` pads earlier pages' records once the final header is known.
 */
export function csvRecords(documents: Wire[], columns: string[]): string[] {
  const known = new Set(columns);
  const flat = documents.map((d) => flattenDocument(d));
  // Every column of the page first, so all its records have the same width.
  for (const path of flat.flatMap(Object.keys)) if (!known.has(path)) { known.add(path); columns.push(path); }
  return flat.map((row) => columns.map((c) => csvField(cellText(row[c]))).join(','));
}

/** One page's records in any format but CSV. */
export function jsonRecords(documents: Wire[], format: Exclude<ExportFormat, 'csv'>): string[] {
  if (format === 'dynamodb-json') return documents.map((d) => JSON.stringify({ Item: toAttributeMap(d) }));
  return documents.map((d) => JSON.stringify(d));
}

/** What one page of an export produced; `width`: the CSV columns its records have. */
export interface ExportChunk { records: string[]; width?: number }

/**
 * The file's parts, in order, for a Blob: the pages' records joined as the format needs, with the
 * CSV header (all columns seen) first and shorter records padded to it.
 */
export function assembleExport(format: ExportFormat, chunks: ExportChunk[], columns: string[] = []): string[] {
  const records = chunks.flatMap((chunk) => format === 'csv'
    ? chunk.records.map((r) => r + ','.repeat(Math.max(0, columns.length - (chunk.width ?? columns.length))))
    : chunk.records);
  if (format === 'csv') return [`${columns.map(csvField).join(',')}\r\n`, ...records.map((r) => `${r}\r\n`)];
  if (format === 'json') return records.length === 0 ? ['[]\n'] : ['[\n', ...records.map((r, i) => (i === 0 ? r : `,\n${r}`)), '\n]\n'];
  return records.map((r) => `${r}\n`);
}
