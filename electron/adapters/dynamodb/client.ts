import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { fromIni } from '@aws-sdk/credential-providers';
import { DynamoDBDocumentClient, NumberValue } from '@aws-sdk/lib-dynamodb';
import type { DynamoConnection } from '../../../shared/connection';

export interface DynamoClients {
  client: DynamoDBClient;
  /** lib-dynamodb's document client: all marshalling goes through it. */
  doc: DynamoDBDocumentClient;
  config: DynamoConnection;
  /** Where requests go, for messages: the endpoint, or the AWS region. */
  where: string;
}

/**
 * Numbers come back as JavaScript numbers when that is exact, and as NumberValue (the exact
 * digits) when a double would change them, so a read-modify-write never loses precision.
 * DynamoDB returns numbers in canonical form, so a round-trip through String() detects it.
 */
function readNumber(digits: string): number | NumberValue {
  const value = Number(digits);
  return String(value) === digits ? value : NumberValue.from(digits);
}

/** One client per connection, configured once (region, endpoint, credentials, retries). */
export function createDynamoClients(config: DynamoConnection): DynamoClients {
  const client = new DynamoDBClient({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials ? { credentials: config.credentials } : config.profile ? { credentials: fromIni({ profile: config.profile }) } : {}),
    maxAttempts: 3,
    // A host that never answers fails within seconds instead of hanging a page.
    requestHandler: { connectionTimeout: 5000 },
  });
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    unmarshallOptions: { wrapNumbers: readNumber },
  });
  return { client, doc, config, where: config.endpoint ?? `AWS region ${config.region}` };
}
