import { z } from 'zod';

/**
 * A collection's fields from a sample of its documents (like Compass's Schema tab): every
 * dotted path, the types its values have and how often each occurs. Works on wire form
 * (Extended JSON), so a MongoDB date and a DynamoDB ISO string read as different types: the
 * type drift a migration introduces shows when both backends are compared. Pure.
 */
export const FieldStatSchema = z.object({
  path: z.string(),
  /** Documents that have the field (any type, null included). */
  present: z.number().int().nonnegative(),
  /** Type name → documents whose value has that type. */
  types: z.record(z.string(), z.number().int().nonnegative()),
});
export type FieldStat = z.infer<typeof FieldStatSchema>;

const WRAPPER_TYPES: Record<string, string> = {
  $date: 'date', $oid: 'objectId', $numberDecimal: 'decimal', $numberLong: 'long', $numberInt: 'int',
  $numberDouble: 'double', $binary: 'binary', $set: 'set',
};

/** The type name of one wire value. */
export function wireType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'double';
  if (typeof value !== 'object') return typeof value;
  const keys = Object.keys(value);
  const wrapper = keys.length === 1 ? WRAPPER_TYPES[keys[0]!] : undefined;
  return wrapper ?? 'object';
}

function visit(document: Record<string, unknown>, prefix: string, stats: Map<string, FieldStat>): void {
  for (const [key, value] of Object.entries(document)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const type = wireType(value);
    let stat = stats.get(path);
    if (!stat) stats.set(path, stat = { path, present: 0, types: {} });
    stat.present += 1;
    stat.types[type] = (stat.types[type] ?? 0) + 1;
    if (type === 'object') visit(value as Record<string, unknown>, path, stats);
  }
}

/** Every path in the sample, in path order; nested documents' fields under dotted paths. */
export function summarizeFields(documents: Record<string, unknown>[]): FieldStat[] {
  const stats = new Map<string, FieldStat>();
  for (const document of documents) visit(document, '', stats);
  return [...stats.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** The most frequent type of a field, e.g. to compare backends. */
export function mainType(stat: FieldStat): string {
  return Object.entries(stat.types).sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'null';
}

/** A path present on both sides whose types differ, or present on one side only. */
export interface FieldDrift { path: string; mongodb?: string[]; dynamodb?: string[] }

/** The fields whose type sets differ between two samples of the same collection (MongoDB, DynamoDB). */
export function fieldDrift(mongodb: FieldStat[], dynamodb: FieldStat[]): FieldDrift[] {
  const types = (list: FieldStat[]) => new Map(list.map((s) => [s.path, Object.keys(s.types).sort()]));
  const left = types(mongodb);
  const right = types(dynamodb);
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort();
  return paths.flatMap((path) => {
    const m = left.get(path);
    const d = right.get(path);
    if (m && d && m.join() === d.join()) return [];
    return [{ path, ...(m ? { mongodb: m } : {}), ...(d ? { dynamodb: d } : {}) }];
  });
}
