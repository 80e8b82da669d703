import type { DynamoClients } from '../adapters/dynamodb/client';
import type { MongoHandle } from '../adapters/mongodb/connect';
import { mongoHosts } from '../adapters/mongodb/errors';

/** What every migration operation works on: one source, one target, one state folder. */
export interface MigrationContext {
  source: MongoHandle;
  /** Its `config.tablePrefix` is the table prefix. */
  target: DynamoClients;
  /** Where checkpoints, error logs and the last measured rate live. */
  stateDir: string;
  /** Cancels a verify: aborts its DynamoDB requests in flight and its backoff sleeps. */
  signal?: AbortSignal;
}

/** Source and target as text without credentials, to tie a checkpoint to them. */
export function describeEnds(ctx: MigrationContext): { source: string; target: string } {
  return {
    source: `${mongoHosts(ctx.source.config.url)}/${ctx.source.db.databaseName}`,
    target: `${ctx.target.where} prefix ${ctx.target.config.tablePrefix}`,
  };
}
