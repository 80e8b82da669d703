import { DEFAULT_TABLE_PREFIX } from '../../shared/catalogue';
import { DEFAULT_MONGO_URL, DynamoConnectionSchema, MongoConnectionSchema, type Backend, type Connection } from '../../shared/connection';
import type { ConnectionDefaults } from '../../shared/contract';
import { isBackend } from '../../shared/backends';
import { AppError } from '../../shared/errors';
import { localEndpointCredentials } from '../adapters/dynamodb/local-credentials';
import { parseWithDriver } from '../adapters/mongodb/connect';
import type { ConnectionStore } from '../settings/connection-store';
import { parseMongoUrl } from '../settings/mongo-url';

/** Fixed ids, so each start replaces the connections of the previous one instead of adding more. */
const ENV_MONGO_ID = 'env-mongodb';
const ENV_DYNAMO_ID = 'env-dynamodb';

interface EnvironmentConnections {
  /** The backend DATABASE_TYPE names first. */
  connections: { id: string; name: string; connection: Connection }[];
  defaults: ConnectionDefaults;
}

type Env = Record<string, string | undefined>;

/** Which schema field each variable fills, to name the variable when its value is refused. */
const DYNAMO_VARIABLES: Record<string, string> = { region: 'AWS_REGION', endpoint: 'AWS_ENDPOINT_URL_DYNAMODB', tablePrefix: 'DYNAMODB_TABLE_PREFIX' };

function value(env: Env, name: string): string | undefined {
  const set = env[name]?.trim();
  return set ? set : undefined;
}

function databaseType(env: Env): Backend | undefined {
  const type = value(env, 'DATABASE_TYPE');
  if (type === undefined) return undefined;
  const normalized = type.toLowerCase();
  if (isBackend(normalized)) return normalized;
  throw new AppError('VALIDATION', `DATABASE_TYPE=${type.slice(0, 40)} is not supported: set it to mongodb (the default) or dynamodb.`, { variable: 'DATABASE_TYPE' });
}

function mongoConnection(url: string): Connection {
  const parsed = MongoConnectionSchema.safeParse({ backend: 'mongodb', url });
  const refuse = (reason: string) => new AppError('VALIDATION', `MONGO_URL is not a valid MongoDB URL (mongodb://[user:password@]host[:port]/database): ${reason}.`, { variable: 'MONGO_URL' });
  if (!parsed.success) throw refuse(parsed.error.issues[0]?.message ?? 'malformed');
  try {
    parseMongoUrl(url);
  } catch (error) {
    throw refuse((error as AppError).message.replace(/\.$/, ''));
  }
  try {
    parseWithDriver(url);
  } catch (error) {
    // Its message may quote the URL, password included.
    throw refuse(((error as Error).message ?? 'malformed').split(url).join('<MONGO_URL>').replace(/\.$/, ''));
  }
  return parsed.data;
}

function dynamoConnection(env: Env): Connection {
  const endpoint = value(env, 'AWS_ENDPOINT_URL_DYNAMODB');
  const parsed = DynamoConnectionSchema.safeParse({
    backend: 'dynamodb',
    region: value(env, 'AWS_REGION') ?? 'us-east-1',
    tablePrefix: value(env, 'DYNAMODB_TABLE_PREFIX') ?? DEFAULT_TABLE_PREFIX,
    ...(endpoint ? { endpoint } : {}),
    ...localEndpointCredentials(endpoint, env),
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const variable = DYNAMO_VARIABLES[String(issue?.path[0])] ?? 'the DynamoDB variables';
  throw new AppError('VALIDATION', `${variable} is not valid: ${issue?.message ?? 'malformed'}.`, { variable });
}

/**
 * The connections the seed's variables describe, for the console to offer at start: MONGO_URL
 * (or DATABASE_TYPE=mongodb alone, meaning the default local URL) gives a MongoDB connection;
 * DATABASE_TYPE=dynamodb, AWS_ENDPOINT_URL_DYNAMODB or AWS_REGION a DynamoDB one (region
 * us-east-1 and prefix AlertWhisperer unless set; credentials from the SDK's default chain, or
 * a dummy pair for DynamoDB Local on loopback when the environment names none).
 * DATABASE_TYPE decides which one the console opens first. A value that cannot work is refused
 * with an AppError naming its variable, never quoting a password.
 */
export function connectionsFromEnvironment(env: Env): EnvironmentConnections {
  const type = databaseType(env);
  const mongoUrl = value(env, 'MONGO_URL') ?? (type === 'mongodb' ? DEFAULT_MONGO_URL : undefined);
  const wantsDynamo = type === 'dynamodb' || value(env, 'AWS_ENDPOINT_URL_DYNAMODB') !== undefined || value(env, 'AWS_REGION') !== undefined;
  const mongo = mongoUrl === undefined ? undefined : { id: ENV_MONGO_ID, name: 'Environment · MongoDB', connection: mongoConnection(mongoUrl) };
  const dynamo = wantsDynamo ? { id: ENV_DYNAMO_ID, name: 'Environment · DynamoDB', connection: dynamoConnection(env) } : undefined;
  const open = type ?? 'mongodb';
  const ordered = open === 'dynamodb' ? [dynamo, mongo] : [mongo, dynamo];
  return {
    connections: ordered.filter((c) => c !== undefined),
    defaults: { open, ...(mongo ? { mongoId: mongo.id } : {}), ...(dynamo ? { dynamoId: dynamo.id } : {}) },
  };
}

/** Saves the environment's connections and drops those a previous start saved that it no longer sets. */
export function registerEnvironmentConnections(store: ConnectionStore, environment: EnvironmentConnections): void {
  for (const id of [ENV_MONGO_ID, ENV_DYNAMO_ID]) if (!environment.connections.some((c) => c.id === id)) store.remove(id);
  for (const entry of environment.connections) store.save(entry);
}
