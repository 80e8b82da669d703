import parseShell from '@mongodb-js/shell-bson-parser';
import { EJSON } from 'bson';
import { base64Problem, dateProblem, decimalProblem, integerProblem, oidProblem } from '../../../../shared/extended-json';
import { FilterSchema } from '../../../../shared/query';

/**
 * The filter bar's text as Compass and mongosh read it: JSON, relaxed or canonical Extended
 * JSON (`{"$date": …}`, `{"$oid": …}`), and shell literals (`ISODate("…")`, `ObjectId("…")`,
 * `NumberLong(…)`, `new Date(…)`, `/regex/i`), parsed by Compass's own parser, which never runs
 * the text as code. The result is sent as Extended JSON, so typed values stay typed on the
 * wire; the main process checks it again.
 */

export interface FilterProblem { message: string; path?: string }

type Check = (argument: string) => string | undefined;

const unquote = (argument: string): string | undefined => /^\s*(["'])(.*)\1\s*$/s.exec(argument)?.[2];
const quoted = (check: (inner: unknown) => string | undefined): Check => (argument) => {
  const inner = unquote(argument);
  return inner === undefined ? undefined : check(inner);
};
const integer: Check = (argument) => {
  const inner = unquote(argument) ?? argument.trim();
  return integerProblem(inner, 64) && 'expected a whole number';
};
const dateArgument: Check = (argument) => {
  if (argument.trim() === '') return undefined;
  const inner = unquote(argument);
  return inner === undefined ? dateProblem(Number(argument)) : dateProblem(inner);
};

/**
 * Shell literals whose bad arguments the parser would turn silently into something else
 * (`NumberLong("abc")` into 0, `new Date("garbage")` into an invalid date) or refuse without
 * naming them: each is checked on its own so the message names it.
 */
const LITERAL_CHECKS: [RegExp, Check][] = [
  [/\bObjectId\s*\(([^)]*)\)/gi, quoted(oidProblem)],
  [/\b(?:ISODate|new\s+Date)\s*\(([^)]*)\)/g, dateArgument],
  [/\bNumber(?:Long|Int)\s*\(([^)]*)\)/g, integer],
  [/\b(?:NumberDecimal|Decimal128)\s*\(([^)]*)\)/g, quoted(decimalProblem)],
  [/\bBinData\s*\(\s*\d+\s*,([^)]*)\)/g, quoted(base64Problem)],
];

function literalProblems(text: string): FilterProblem[] {
  const problems: FilterProblem[] = [];
  for (const [pattern, check] of LITERAL_CHECKS) {
    for (const match of text.matchAll(pattern)) {
      const why = check(match[1] ?? '');
      if (why) problems.push({ message: `${match[0].replace(/\s+/g, ' ')} is not a valid literal: ${why}.` });
    }
  }
  // Without `new`, Date("…") is today's date as a string in the shell: never what is meant in a filter.
  for (const match of text.matchAll(/(?<!new\s+)(?<![\w.])Date\s*\(([^)]*)\)/g)) {
    problems.push({ message: `${match[0]} gives today's date as text; write new Date(${match[1]}) or ISODate(${match[1]}).` });
  }
  return problems;
}

const isBson = (value: unknown, type?: string): boolean => typeof value === 'object' && value !== null && '_bsontype' in value && (!type || value._bsontype === type);

/** Shell values as relaxed Extended JSON; a Long keeps its digits (relaxed form would make it a double). */
export function shellToWire(value: unknown): unknown {
  // By its tag: the parser may hold another copy of bson, whose classes fail instanceof.
  if (isBson(value, 'Long')) return { $numberLong: String(value) };
  if (Array.isArray(value)) return value.map(shellToWire);
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date || value instanceof RegExp || isBson(value)) return EJSON.serialize({ v: value }, { relaxed: true }).v;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shellToWire(v)]));
}

function shellValue(text: string): { value?: unknown; problems: FilterProblem[] } {
  try {
    return { value: parseShell(text, { mode: 'strict' }), problems: [] };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return { problems: [{ message: `Not a valid filter: ${message}. Write JSON, Extended JSON or shell literals such as ISODate("2026-03-04") and ObjectId("…").` }] };
  }
}

/** The filter to send, or the problems to show inline as it is typed. */
export function parseFilterInput(text: string): { value?: Record<string, unknown>; problems: FilterProblem[] } {
  const trimmed = text.trim();
  if (!trimmed) return { value: {}, problems: [] };
  const literals = literalProblems(trimmed);
  if (literals.length > 0) return { problems: literals };
  const parsed = shellValue(trimmed);
  if (parsed.problems.length > 0) return { problems: parsed.problems };
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    return { problems: [{ message: 'A filter is an object, e.g. {"status": "active"}; this text is not one (calls such as Date.now() are not evaluated).' }] };
  }
  const wire = shellToWire(parsed.value);
  const checked = FilterSchema.safeParse(wire);
  if (checked.success) return { value: checked.data, problems: [] };
  return { problems: checked.error.issues.map((i) => ({ message: i.message, ...(i.path.length ? { path: i.path.map(String).join('.') } : {}) })) };
}
