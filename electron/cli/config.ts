import { InvalidArgumentError, Option, type Command } from 'commander';
import { COLLECTION_NAMES, DEFAULT_TABLE_PREFIX } from '../../shared/catalogue';
import { DEFAULT_MONGO_URL, DynamoConnectionSchema, MongoConnectionSchema, type DynamoConnection, type MongoConnection } from '../../shared/connection';
import { AppError } from '../../shared/errors';
import { localEndpointCredentials } from '../adapters/dynamodb/local-credentials';

/** Flags shared by every command that talks to the databases; each falls back to the seed's variable. */
export interface ConnectionFlags {
  mongoUrl?: string;
  region?: string;
  prefix?: string;
  endpoint?: string;
  stateDir?: string;
}

export const DEFAULT_STATE_DIR = '.migration-state';

export function addConnectionOptions(command: Command): Command {
  return command
    .addOption(new Option('--mongo-url <url>', 'MongoDB URL with the database').env('MONGO_URL').default(DEFAULT_MONGO_URL))
    .addOption(new Option('--region <region>', 'AWS region').env('AWS_REGION').default('us-east-1'))
    .addOption(new Option('--prefix <prefix>', 'DynamoDB table name prefix').env('DYNAMODB_TABLE_PREFIX').default(DEFAULT_TABLE_PREFIX))
    .addOption(new Option('--endpoint <url>', 'DynamoDB endpoint (DynamoDB Local)').env('AWS_ENDPOINT_URL_DYNAMODB'))
    .addOption(new Option('--state-dir <dir>', 'where checkpoints and error logs are kept').default(DEFAULT_STATE_DIR));
}

/** Parsed, validated connection settings; a bad value is one clear error, not a stack trace. */
export function connectionSettings(flags: ConnectionFlags): { mongo: MongoConnection; dynamo: DynamoConnection } {
  const mongo = MongoConnectionSchema.safeParse({ backend: 'mongodb', url: flags.mongoUrl ?? DEFAULT_MONGO_URL });
  if (!mongo.success) throw new AppError('VALIDATION', `--mongo-url / MONGO_URL: ${mongo.error.issues[0]?.message}`);
  const dynamo = DynamoConnectionSchema.safeParse({
    backend: 'dynamodb', region: flags.region, tablePrefix: flags.prefix, ...(flags.endpoint ? { endpoint: flags.endpoint } : {}),
    ...localEndpointCredentials(flags.endpoint),
  });
  if (!dynamo.success) {
    const issue = dynamo.error.issues[0];
    throw new AppError('VALIDATION', `--${issue?.path[0] === 'tablePrefix' ? 'prefix' : String(issue?.path[0])}: ${issue?.message}`);
  }
  return { mongo: mongo.data, dynamo: dynamo.data };
}

/** Commander's parser for a positive integer flag; commander prints the error and exits. */
export function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('expected a positive whole number.');
  return number;
}

/** Refuses collection arguments that are not Alert Whisperer collections, listing the valid ones. */
export function checkCollectionNames(collections: string[]): void {
  const unknown = collections.filter((c) => !COLLECTION_NAMES.includes(c));
  if (unknown.length > 0) throw new AppError('VALIDATION', `Unknown collection ${unknown.join(', ')}. Use one of: ${COLLECTION_NAMES.join(', ')}`);
}
