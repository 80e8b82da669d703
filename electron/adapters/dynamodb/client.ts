import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { fromIni } from '@aws-sdk/credential-providers';
import type { HttpHandler } from '@smithy/core/protocols';
import { DynamoDBDocumentClient, NumberValue } from '@aws-sdk/lib-dynamodb';
import type { DynamoConnection } from '../../../shared/connection';
import { AppError } from '../../../shared/errors';
import { localEndpointCredentials } from './local-credentials';
import { withRequestDeadline } from './request-deadline';

export interface DynamoClients {
  client: DynamoDBClient;
  /** lib-dynamodb's document client: all marshalling goes through it. */
  doc: DynamoDBDocumentClient;
  config: DynamoConnection;
  /** Where requests go, for messages: the endpoint, or the AWS region. */
  where: string;
  timeouts: DynamoTimeouts;
}

/**
 * Numbers come back as JavaScript numbers when that is exact, and as NumberValue (the exact
 * digits) when a double would change them, so a read-modify-write never loses precision.
 * DynamoDB returns numbers in canonical form, so a round-trip through String() detects it.
 */
export function readNumber(digits: string): number | NumberValue {
  const value = Number(digits);
  return String(value) === digits ? value : NumberValue.from(digits);
}

/** How the document client turns values into AttributeValues (the migration marshals its items itself: marshal-item.ts). */
export const MARSHALL_OPTIONS = { removeUndefinedValues: true, convertClassInstanceToMap: false } as const;

export interface DynamoTimeouts {
  /** Per attempt, to open the TCP connection. A timed-out connect is retried (up to 3 attempts). */
  connectMs: number;
  /** Per attempt, from sending the request to the last byte of the answer. Not retried. */
  requestMs: number;
}

export const DEFAULT_DYNAMO_TIMEOUTS: DynamoTimeouts = { connectMs: 3000, requestMs: 10_000 };
const REQUEST_TIMEOUT_VARIABLE = 'DYNAMODB_REQUEST_TIMEOUT_MS';

/** The defaults, with the request deadline from DYNAMODB_REQUEST_TIMEOUT_MS when set (slow links, large items). */
export function dynamoTimeouts(env: Record<string, string | undefined> = process.env): DynamoTimeouts {
  const raw = env[REQUEST_TIMEOUT_VARIABLE];
  if (raw === undefined || raw === '') return DEFAULT_DYNAMO_TIMEOUTS;
  const requestMs = Number(raw);
  if (!Number.isInteger(requestMs) || requestMs < 100 || requestMs > 600_000) {
    throw new AppError('VALIDATION', `${REQUEST_TIMEOUT_VARIABLE} must be a whole number of milliseconds from 100 to 600000, not ${JSON.stringify(raw.slice(0, 40))}.`);
  }
  return { ...DEFAULT_DYNAMO_TIMEOUTS, requestMs };
}

/**
 * One client per connection, configured once (region, endpoint, credentials, retries). Every
 * request has a deadline, so a server that accepts and never answers, or trickles its answer,
 * fails with TIMEOUT after `requestMs` instead of hanging: at most 3 attempts, each bounded.
 */
export function createDynamoClients(config: DynamoConnection, timeouts: DynamoTimeouts = dynamoTimeouts(), maxAttempts = 3): DynamoClients {
  const client = new DynamoDBClient({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    // The default chain on a loopback endpoint gets DynamoDB Local's dummy pair (README), else the
    // chain fails to find credentials before any request is sent.
    ...(config.credentials ? { credentials: config.credentials } : config.profile ? { credentials: fromIni({ profile: config.profile }) } : localEndpointCredentials(config.endpoint)),
    maxAttempts,
    requestHandler: { connectionTimeout: Math.min(timeouts.connectMs, timeouts.requestMs) },
  });
  // The document client below shares this config, so it sends through the same handler.
  client.config.requestHandler = withRequestDeadline(client.config.requestHandler as HttpHandler<object>, timeouts.requestMs);
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: MARSHALL_OPTIONS,
    unmarshallOptions: { wrapNumbers: readNumber },
  });
  return { client, doc, config, where: dynamoWhere(config), timeouts };
}

/** Where the tables are, for messages: the endpoint, else the AWS region. */
export function dynamoWhere(config: DynamoConnection): string {
  return config.endpoint ?? `AWS region ${config.region}`;
}

/**
 * Clients for the migration engine's batch writes and reads: the same connection, one attempt
 * per request. The engine retries throttling, unprocessed entries and transient failures itself
 * (adapters/retry/send-with-retries.ts), so the SDK's own 3 attempts would multiply its budget and
 * hide throttling from the concurrency limiter. Destroy them when the job ends.
 */
export function engineClients(clients: DynamoClients): DynamoClients {
  return createDynamoClients(clients.config, clients.timeouts, 1);
}
