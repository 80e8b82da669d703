/** Plain objects only: not arrays, dates, binary, sets, NumberValue or BSON values. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The value at a dotted path, or undefined when a step is missing or not an object. */
export function valueAt(document: unknown, field: string): unknown {
  let current = document;
  for (const segment of field.split('.')) {
    // Own fields only: `constructor` or `toString` must not read Object.prototype's.
    if (!isPlainObject(current) || !Object.hasOwn(current, segment)) return undefined;
    current = current[segment];
  }
  return current;
}
