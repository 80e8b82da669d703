import { describe, expect, it } from 'vitest';
import { DEFAULT_DYNAMO_TIMEOUTS, dynamoTimeouts } from './client';

describe('dynamoTimeouts', () => {
  it('keeps the defaults unless DYNAMODB_REQUEST_TIMEOUT_MS is set', () => {
    expect(dynamoTimeouts({})).toEqual(DEFAULT_DYNAMO_TIMEOUTS);
    expect(dynamoTimeouts({ DYNAMODB_REQUEST_TIMEOUT_MS: '30000' })).toEqual({ ...DEFAULT_DYNAMO_TIMEOUTS, requestMs: 30_000 });
  });

  it('refuses a value that is not a sane number of milliseconds, naming the variable', () => {
    for (const bad of ['0', '-5', '1.5', 'ten', '99', '600001']) {
      expect(() => dynamoTimeouts({ DYNAMODB_REQUEST_TIMEOUT_MS: bad })).toThrow(/DYNAMODB_REQUEST_TIMEOUT_MS/);
    }
  });
});
