import { InvalidArgumentError, Option, type Command } from 'commander';
import { COLLECTION_NAMES, DEFAULT_TABLE_PREFIX } from '../../shared/catalogue';
import { DEFAULT_MONGO_URL, DynamoConnectionSchema, MongoConnectionSchema, type DynamoConnection, type MongoConnection } from '../../shared/connection';
import { AppError } from '../../shared/errors';
import { MigrationOptionsSchema } from '../../shared/migration';
import { localEndpointCredentials } from '../adapters/dynamodb/local-credentials';
import { FORWARD, type Direction } from '../adapters/open-ports';
import type { Backend } from '../adapters/ports';

/** Flags shared by every command that talks to the databases; each falls back to the seed's variable. */
export interface ConnectionFlags {
  mongoUrl?: string;
  region?: string;
  prefix?: string;
  endpoint?: string;
  stateDir?: string;
}

export const DEFAULT_STATE_DIR = '.migration-state';

/** `--from` / `--to`: which way a migrate, verify or plan goes (MongoDB → DynamoDB unless told). */
export interface DirectionFlags {
  from?: Backend;
  to?: Backend;
}

const BACKENDS: Backend[] = ['mongodb', 'dynamodb'];
const other = (backend: Backend): Backend => (backend === 'mongodb' ? 'dynamodb' : 'mongodb');

export function addDirectionOptions(command: Command): Command {
  return command
    .addOption(new Option('--from <backend>', 'where the data is read (default: mongodb; or the other end of --to)').choices(BACKENDS))
    .addOption(new Option('--to <backend>', 'where it is written (default: the other end of --from)').choices(BACKENDS));
}

export function directionOf(flags: DirectionFlags): Direction {
  if (!flags.from && !flags.to) return FORWARD;
  const from = flags.from ?? other(flags.to!);
  const to = flags.to ?? other(from);
  if (from === to) throw new AppError('VALIDATION', `--from and --to are both ${from}: a migration goes from MongoDB to DynamoDB or back.`);
  return { from, to };
}

/** How the CLI names an end in its output. */
export const backendLabel = (backend: Backend) => (backend === 'mongodb' ? 'MongoDB' : 'DynamoDB');

export function addConnectionOptions(command: Command): Command {
  return command
    .addOption(new Option('--mongo-url <url>', 'MongoDB URL with the database').env('MONGO_URL').default(DEFAULT_MONGO_URL))
    .addOption(new Option('--region <region>', 'AWS region').env('AWS_REGION').default('us-east-1'))
    .addOption(prefixOption())
    .addOption(new Option('--endpoint <url>', 'DynamoDB endpoint (DynamoDB Local)').env('AWS_ENDPOINT_URL_DYNAMODB'))
    .addOption(stateDirOption());
}

export function stateDirOption(): Option {
  return new Option('--state-dir <dir>', 'where migration checkpoints and error logs are kept').default(DEFAULT_STATE_DIR)
    .argParser((value) => {
      if (value.trim() === '') throw new InvalidArgumentError('Expected a folder name.');
      return value;
    });
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

/**
 * Commander's parser for a whole-number flag between min and max. A bad value (`0`, `-1`, `2.5`,
 * `1e3`, `abc`) is refused at parse time, as one line with exit code 2 (see usage-errors.ts).
 */
export function wholeNumber(min: number, max: number = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!(number >= min && number <= max)) {
      throw new InvalidArgumentError(`Expected a whole number ${max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`}.`);
    }
    return number;
  };
}

const CONCURRENCY = MigrationOptionsSchema.shape.concurrency.unwrap();

/** `--concurrency`, with the range the engine's options schema allows; absent, the engine adapts. */
export function concurrencyOption(): Option {
  const [min, max] = [CONCURRENCY.minValue ?? 1, CONCURRENCY.maxValue ?? Number.MAX_SAFE_INTEGER];
  return new Option('--concurrency <n>', `batches of 25 items in flight at once, fixed (${min} to ${max}; default: adaptive, the engine finds its own)`)
    .argParser(wholeNumber(min, max));
}

/** `--prefix`, checked at parse time against the connection schema (also when it comes from DYNAMODB_TABLE_PREFIX). */
export function prefixOption(): Option {
  return new Option('--prefix <prefix>', 'DynamoDB table name prefix').env('DYNAMODB_TABLE_PREFIX').default(DEFAULT_TABLE_PREFIX)
    .argParser((value) => {
      const parsed = DynamoConnectionSchema.shape.tablePrefix.safeParse(value);
      if (!parsed.success) throw new InvalidArgumentError(`Expected ${parsed.error.issues[0]?.message}.`);
      return value;
    });
}

/** Refuses collection arguments that are not Alert Whisperer collections, listing the valid ones. */
export function checkCollectionNames(collections: string[]): void {
  const unknown = collections.filter((c) => !COLLECTION_NAMES.includes(c));
  if (unknown.length > 0) throw new AppError('VALIDATION', `Unknown collection ${unknown.join(', ')}. Use one of: ${COLLECTION_NAMES.join(', ')}`);
}
