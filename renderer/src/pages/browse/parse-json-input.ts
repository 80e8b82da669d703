import type { z } from 'zod';

interface InputProblem { message: string; path?: string }

/**
 * Text typed in the filter bar (or projection box) → the value, or the problems to show inline:
 * a JSON syntax error, or the schema's issues with the path where each one is.
 */
export function parseJsonInput<T>(text: string, schema: z.ZodType<T>, empty: T): { value?: T; problems: InputProblem[] } {
  const trimmed = text.trim();
  if (!trimmed) return { value: empty, problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch (error) {
    return { problems: [{ message: `Not valid JSON: ${(error as Error).message}. Field names and strings need double quotes.` }] };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { value: parsed.data, problems: [] };
  return { problems: parsed.error.issues.map((i) => ({ message: i.message, ...(i.path.length ? { path: i.path.map(String).join('.') } : {}) })) };
}
