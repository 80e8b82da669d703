import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { wholeNumber } from './config';
import { usageLine } from './usage-errors';

describe('usageLine', () => {
  it("turns commander's message, second line included, into one line with a help hint", () => {
    expect(usageLine("error: unknown option '--concurency'\n(Did you mean --concurrency?)\n", 'migrate'))
      .toBe("Error: unknown option '--concurency' (Did you mean --concurrency?). See 'migrate --help'.");
    expect(usageLine("error: unknown command 'x'\n", '')).toBe("Error: unknown command 'x'. See '--help'.");
  });
});

describe('wholeNumber', () => {
  const concurrency = wholeNumber(1, 32);
  it('accepts whole numbers in range', () => {
    expect(concurrency('1')).toBe(1);
    expect(concurrency('32')).toBe(32);
    expect(wholeNumber(0, 65535)('0')).toBe(0);
  });
  it.each(['0', '33', '-1', '2.5', '1e1', '0x10', '', ' 4', 'abc'])('refuses %j with the range', (value) => {
    expect(() => concurrency(value)).toThrow(new InvalidArgumentError('Expected a whole number from 1 to 32.'));
  });
  it('says "at least" when there is no upper bound', () => {
    expect(() => wholeNumber(1)('0')).toThrow('Expected a whole number of at least 1.');
  });
});
