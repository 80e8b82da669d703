import { describe, expect, it } from 'vitest';
import { translateDynamoError } from './errors';

const validation = (message: string) => ({ name: 'ValidationException', message });

describe('size errors from DynamoDB', () => {
  it('report an expression over 4 KB as a query problem, never as an item size', () => {
    const error = translateDynamoError(validation('Invalid FilterExpression: Expression size has exceeded the maximum allowed size; expression size: 4120'), { where: 'here' });
    expect(error).toMatchObject({ code: 'INVALID_QUERY', message: expect.stringContaining('too long for one DynamoDB request') });
  });

  it('report an item over 400 KB as ITEM_TOO_LARGE', () => {
    expect(translateDynamoError(validation('Item size has exceeded the maximum allowed size'), { where: 'here' })).toMatchObject({ code: 'ITEM_TOO_LARGE' });
  });
});
