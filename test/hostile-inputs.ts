import { appendFileSync } from 'node:fs';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The file test/hostile-tally.ts reads at the end of `npm run test:security`. */
    hostileTally: string;
  }
}

/**
 * Records that a security test tried `tried` hostile inputs, `wronglyAccepted` of which were
 * accepted when they should have been refused (or accepted but reshaped). The security run's
 * last line sums every file's records. Call it once per test or batch; it appends one line.
 */
export function recordHostile(tried: number, wronglyAccepted = 0): void {
  appendFileSync(inject('hostileTally'), `${JSON.stringify({ tried, wronglyAccepted })}\n`);
}
