/**
 * The Extended JSON literals the console reads (`{$oid}`, `{$date}`, `{$numberDecimal}`, ...),
 * checked in one place for the renderer (a filter as it is typed), the contract's schemas and
 * the main process's conversions, so a malformed one is refused naming the literal instead of
 * failing deep in a driver or, worse, being stored as something else (a bad `$date` used to
 * become 1970-01-01). No driver imports: plain checks on plain JSON.
 */

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^[+-]?\d{4,6}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const INT64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };
const SPECIAL_NUMBERS = ['NaN', 'Infinity', '-Infinity'];

export function integerProblem(inner: unknown, bits: 32 | 64): string | undefined {
  if (typeof inner !== 'string' || !/^[+-]?\d{1,20}$/.test(inner)) return 'expected a string of digits';
  const value = BigInt(inner);
  const [min, max] = bits === 64 ? [INT64.min, INT64.max] : [-(2n ** 31n), 2n ** 31n - 1n];
  return value < min || value > max ? `out of the ${bits}-bit integer range` : undefined;
}

export function dateProblem(inner: unknown): string | undefined {
  if (typeof inner === 'object' && inner !== null && Object.keys(inner).length === 1 && '$numberLong' in inner) return integerProblem(inner.$numberLong, 64);
  if (typeof inner === 'number') return Number.isFinite(inner) && Number.isFinite(new Date(inner).getTime()) ? undefined : 'not a representable time';
  if (typeof inner !== 'string' || !ISO_DATE.test(inner) || !Number.isFinite(Date.parse(inner))) return 'expected an ISO-8601 date such as 2026-03-04T05:06:07.089Z';
  return undefined;
}

function binaryProblem(inner: unknown): string | undefined {
  if (typeof inner !== 'object' || inner === null) return 'expected {base64, subType}';
  const { base64, subType } = inner as { base64?: unknown; subType?: unknown };
  if (typeof base64 !== 'string' || !BASE64.test(base64)) return 'base64 is not valid base64';
  if (typeof subType !== 'string' || !/^[0-9a-fA-F]{1,2}$/.test(subType)) return 'subType must be one or two hex digits';
  return Object.keys(inner).length === 2 ? undefined : 'expected only base64 and subType';
}

function doubleProblem(inner: unknown): string | undefined {
  if (typeof inner !== 'string') return 'expected a string';
  return SPECIAL_NUMBERS.includes(inner) || DECIMAL.test(inner) ? undefined : 'not a number';
}

export const oidProblem = (inner: unknown) => (typeof inner === 'string' && /^[0-9a-fA-F]{24}$/.test(inner) ? undefined : 'expected 24 hexadecimal digits');
export const decimalProblem = (inner: unknown) => (typeof inner === 'string' && (DECIMAL.test(inner) || SPECIAL_NUMBERS.includes(inner)) ? undefined : 'expected a decimal number as a string');
export const base64Problem = (inner: unknown) => (typeof inner === 'string' && BASE64.test(inner) ? undefined : 'not valid base64');

/** The literals both backends read; others (e.g. `$regularExpression`) are left to the driver. */
const CHECKS: Record<string, (inner: unknown) => string | undefined> = {
  $oid: oidProblem,
  $date: dateProblem,
  $numberDecimal: decimalProblem,
  $numberLong: (inner) => integerProblem(inner, 64),
  $numberInt: (inner) => integerProblem(inner, 32),
  $numberDouble: doubleProblem,
  $binary: binaryProblem,
};

/** If `value` is a single-key `{$literal: inner}` the console reads, its key; else undefined. */
export function literalKey(value: object): string | undefined {
  const keys = Object.keys(value);
  return keys.length === 1 && Object.hasOwn(CHECKS, keys[0]!) ? keys[0] : undefined;
}

/** Why `{[key]: inner}` is not a valid literal, or undefined when it is. */
export function literalProblem(key: string, inner: unknown): string | undefined {
  return CHECKS[key]?.(inner);
}

/** The message every layer shows for a malformed literal. */
export function literalMessage(literal: string, path: string, why: string): string {
  return `The value at ${path || 'the top'} is not a valid ${literal}: ${why}.`;
}

/** `{$date}`'s three forms (ISO text, milliseconds, `{$numberLong}`) as the ISO-8601 string with milliseconds. */
export function dateIso(inner: unknown): string {
  const ms = typeof inner === 'object' && inner !== null ? Number((inner as { $numberLong: string }).$numberLong) : inner;
  return new Date(ms as string | number).toISOString();
}
