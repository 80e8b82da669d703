import parseShell from '@mongodb-js/shell-bson-parser';
import { dateProblem, decimalProblem, integerProblem } from '../../../../shared/extended-json';
import { shellToWire } from './parse-filter';

/**
 * A field edit typed as text → the value to `$set`, keeping the field's type: text typed for a
 * date becomes a Date, digits for a Long stay a Long (exact past 2^53), a number stays a number.
 * A value typed as a literal (`"text"` in quotes, `ISODate(…)`, `NumberLong(…)`, `true`) is the
 * user picking the type, and is written as typed.
 */

const wireKey = (value: unknown): string | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value)[0] : undefined);
const INTEGER = /^[+-]?\d+$/;

/** The typed text as a literal, or undefined when it is bare text (no quotes, not a literal). */
function literal(text: string): { value: unknown } | undefined {
  try {
    return { value: shellToWire((parseShell(`{v: ${text}}`, { mode: 'strict' }) as { v: unknown }).v) };
  } catch {
    return undefined;
  }
}

function keepType(current: unknown, text: string): { value?: unknown; problem?: string } | undefined {
  const kind = wireKey(current);
  if (kind === '$date') return dateProblem(text) ? { problem: `This field is a date: type an ISO-8601 date such as ${new Date().toISOString()}, or "text" in quotes to store text.` } : { value: { $date: new Date(text).toISOString() } };
  if (kind === '$numberLong' || (typeof current === 'number' && INTEGER.test(text) && !Number.isSafeInteger(Number(text)))) {
    return integerProblem(text.replace(/^\+/, ''), 64) ? { problem: 'This field is a 64-bit integer: type whole digits.' } : { value: { $numberLong: text.replace(/^\+/, '') } };
  }
  if (kind === '$numberDecimal') return decimalProblem(text) ? { problem: 'This field is a decimal: type a number.' } : { value: { $numberDecimal: text } };
  if (typeof current === 'number') return Number.isFinite(Number(text)) ? { value: Number(text) } : { problem: 'This field is a number: type a number, or "text" in quotes to store text.' };
  if (typeof current === 'string') return { value: text };
  return undefined;
}

export function editedValue(current: unknown, text: string): { value?: unknown; problem?: string } {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  // Quotes, braces, true/false/null and constructors such as ISODate(…) say which type is meant.
  const explicit = /^["'{[]|^(new\s|[A-Z]\w*\s*\(|true$|false$|null$)/.test(trimmed);
  const kept = explicit ? undefined : keepType(current, trimmed);
  if (kept) return kept;
  const typed = literal(trimmed);
  // Bare text is a string: support staff should not have to type quotes.
  return { value: typed ? typed.value : text };
}
