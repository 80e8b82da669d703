import { describe, expect, it } from 'vitest';
import type { MigrationContext } from '../context';
import { switchVariables } from './switch-variables';

const on = (config: Record<string, unknown>) => ({ target: { config } }) as unknown as MigrationContext;

describe("the application's switch to DynamoDB", () => {
  it("names its own guide's variables with the target connection's values, and never its credentials", () => {
    const variables = switchVariables(on({ region: 'eu-west-1', tablePrefix: 'AW', credentials: { accessKeyId: 'AKIA', secretAccessKey: 'hunter2' } }));
    expect(variables.map((v) => `${v.name}=${v.value}`)).toEqual(['DATABASE_TYPE=dynamodb', 'AWS_REGION=eu-west-1', 'DYNAMODB_TABLE_PREFIX=AW']);
    expect(JSON.stringify(variables)).not.toMatch(/hunter2|AKIA/);
  });

  it('adds the endpoint only when the connection has one, saying when it is on this machine', () => {
    const local = switchVariables(on({ region: 'us-east-1', tablePrefix: 'AW', endpoint: 'http://127.0.0.1:8000' })).at(-1);
    expect(local).toMatchObject({ name: 'AWS_ENDPOINT_URL_DYNAMODB', value: 'http://127.0.0.1:8000', note: expect.stringMatching(/not for production/) });
    expect(switchVariables(on({ region: 'us-east-1', tablePrefix: 'AW', endpoint: 'https://dynamodb.internal:443' })).at(-1)?.note).toBe("the target connection's own endpoint");
  });
});
