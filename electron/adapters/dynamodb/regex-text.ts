import { AppError } from '../../../shared/errors';

/**
 * What a `$regex` means on DynamoDB, whose expressions know only `begins_with` and `contains`:
 * an anchored literal (`^abc`) is a prefix, a plain literal (`abc`) a substring. Anything else
 * is refused (UNSUPPORTED_OPERATOR) saying why and what would work, never approximated.
 */
export interface RegexText { match: 'prefix' | 'substring'; text: string }

const META = new Set([...'.^$|?*+()[]{}']);

/** The literal a pattern spells, or undefined when it uses regex syntax. `\.` is a literal dot; `\d` is not. */
function literalText(body: string): string | undefined {
  let text = '';
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (char === '\\') {
      const next = body[++i];
      if (next === undefined || /[A-Za-z0-9]/.test(next)) return undefined;
      text += next;
    } else if (META.has(char)) {
      return undefined;
    } else {
      text += char;
    }
  }
  return text;
}

function refuse(field: string, pattern: string, why: string): AppError {
  return new AppError('UNSUPPORTED_OPERATOR', `The $regex /${pattern}/ on "${field}" cannot run on DynamoDB: ${why}`, { field, pattern });
}

export function regexText(field: string, pattern: string, options: string): RegexText {
  if (options.includes('i')) {
    throw refuse(field, pattern, 'DynamoDB compares strings case-sensitively, so a case-insensitive match ($options "i") cannot be expressed. Match the case as stored (e.g. ^Disk), or run it on MongoDB.');
  }
  if (options.includes('x')) throw refuse(field, pattern, 'extended syntax ($options "x") is not translated. Write the pattern without spaces or comments.');
  const anchored = pattern.startsWith('^');
  if (anchored && options.includes('m')) throw refuse(field, pattern, 'with $options "m", ^ matches after every line break, which begins_with cannot express. Drop the "m".');
  const text = literalText(anchored ? pattern.slice(1) : pattern);
  if (text === undefined) {
    throw refuse(field, pattern, 'DynamoDB only has begins_with and contains, so only an anchored literal prefix (^abc, a key condition on a sort key) or a plain literal substring (abc) is translated. Escape regex characters you mean literally (\\.), or run the pattern on MongoDB.');
  }
  return { match: anchored ? 'prefix' : 'substring', text };
}
