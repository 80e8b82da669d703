/**
 * Exact comparison of decimal numbers given as text (DynamoDB's NumberValue, a Long's digits):
 * a double would round past 2^53, where MongoDB and DynamoDB still tell the numbers apart.
 */

function parts(text: string): { sign: bigint; digits: bigint; exponent: number } {
  const match = /^([+-]?)(\d*)\.?(\d*)(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!match) return { sign: 1n, digits: 0n, exponent: 0 };
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  return { sign: sign === '-' ? -1n : 1n, digits: BigInt(`${whole}${fraction}` || '0'), exponent: Number(exponent) - fraction.length };
}

/** Negative, zero or positive as a < b, a = b, a > b. */
export function compareExact(a: string, b: string): number {
  const x = parts(a);
  const y = parts(b);
  const shift = Math.min(x.exponent, y.exponent);
  const left = x.sign * x.digits * 10n ** BigInt(x.exponent - shift);
  const right = y.sign * y.digits * 10n ** BigInt(y.exponent - shift);
  return left < right ? -1 : left > right ? 1 : 0;
}
