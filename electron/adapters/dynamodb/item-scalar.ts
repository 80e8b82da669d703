import { NumberValue } from '@aws-sdk/lib-dynamodb';
import { AppError } from '../../../shared/errors';
import { parseFilter, type Condition, type PlainScalar, type Scalar } from '../../../shared/query';
import { describeTyped, isTypedValue, type TypedValue } from '../../../shared/typed-value';
import { compareExact } from './exact-number';
import { regexText } from './regex-text';

/**
 * A filter's typed values as DynamoDB holds them after a migration (the README's mapping
 * table, electron/migration/convert-document.ts): a Date is its ISO-8601 string with
 * milliseconds, an ObjectId its 24 hex digits, a Long or Decimal the exact number. So
 * `{timestamp: {$gte: ISODate(...)}}` becomes a string range, which the planner serves with
 * `company-timestamp-index` like any other. The migration may import `dateAsItemString`.
 */
export type ItemScalar = PlainScalar | NumberValue;
export type ItemCondition = Condition<ItemScalar>;

/** The mapping's rule for dates: ISO-8601, UTC, milliseconds (what `Date#toISOString` writes). */
export const dateAsItemString = (date: Date): string => date.toISOString();

/** A number's text as a JavaScript number when that is exact, else as a NumberValue. */
function exactNumber(text: string, value: TypedValue): number | NumberValue {
  const asNumber = Number(text);
  if (!Number.isFinite(asNumber)) throw new AppError('INVALID_QUERY', `${describeTyped(value)} has no DynamoDB form: DynamoDB numbers are finite.`, { value: text });
  // The SDK refuses JavaScript numbers past 2^53; NumberValue carries the digits as written.
  const exact = compareExact(String(asNumber), text) === 0 && Math.abs(asNumber) <= Number.MAX_SAFE_INTEGER;
  return exact ? asNumber : NumberValue.from(text.replace(/^\+/, ''));
}

export function toItemScalar(value: Scalar): ItemScalar {
  if (!isTypedValue(value)) return value;
  switch (value.type) {
    case 'date': return dateAsItemString(new Date(value.iso));
    case 'objectId': return value.hex;
    case 'long': case 'decimal': return exactNumber(value.digits, value);
    case 'binary': throw new AppError('UNSUPPORTED_OPERATOR', `${describeTyped(value)}: binary values are not compared in DynamoDB filters. Filter on another field.`, { type: 'binary' });
  }
}

/** The condition with DynamoDB's values; refuses (UNSUPPORTED_OPERATOR) what has no DynamoDB form, before any request. */
export function toItemCondition(condition: Condition): ItemCondition {
  switch (condition.kind) {
    case 'and': case 'or': return { kind: condition.kind, conditions: condition.conditions.map(toItemCondition) };
    case 'compare': return { ...condition, value: toItemScalar(condition.value) };
    case 'in': return { ...condition, values: condition.values.map(toItemScalar) };
    case 'regex':
      regexText(condition.field, condition.pattern, condition.options);
      return condition;
    case 'exists': return condition;
  }
}

/** parseFilter, then toItemCondition: a filter as the DynamoDB translators take it. */
export const parseItemFilter = (filter: unknown): ItemCondition => toItemCondition(parseFilter(filter));
