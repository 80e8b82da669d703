import type { DynamoClients } from '../adapters/dynamodb/client';
import type { MongoHandle } from '../adapters/mongodb/connect';
import { FORWARD, portsOver } from '../adapters/open-ports';
import type { SourcePort, TargetPort } from '../adapters/ports';

/**
 * What the pipeline (copy, checkpoint, verify) works on: a source port, a target port, one state
 * folder. Either direction: MongoDB → DynamoDB or DynamoDB → MongoDB.
 */
export interface EngineContext {
  source: SourcePort;
  target: TargetPort;
  /** Where checkpoints, error logs and the last measured rate live. */
  stateDir: string;
  /** Cancels a verify: aborts its requests in flight and its backoff sleeps. */
  signal?: AbortSignal;
}

/**
 * MongoDB → DynamoDB with the connections themselves: what change capture, the S3 path and the
 * plan still need (they exist in that direction only). The pipeline takes it too, as ports.
 */
export interface MigrationContext {
  source: MongoHandle;
  /** Its `config.tablePrefix` is the table prefix. */
  target: DynamoClients;
  stateDir: string;
  signal?: AbortSignal;
}

export type AnyContext = MigrationContext | EngineContext;

const isEngineContext = (ctx: AnyContext): ctx is EngineContext => 'backend' in ctx.source;

/** The connections themselves, when the context has them (MongoDB → DynamoDB opened by handles). */
export function forwardHandles(ctx: AnyContext): MigrationContext | undefined {
  return isEngineContext(ctx) ? undefined : ctx;
}

/** The context as ports (connections wrapped, not reopened: whoever opened them closes them). */
export function engineContext(ctx: AnyContext): EngineContext {
  if (isEngineContext(ctx)) return ctx;
  return { ...portsOver(FORWARD, ctx.source, ctx.target), stateDir: ctx.stateDir, ...(ctx.signal ? { signal: ctx.signal } : {}) };
}

/** Source and target as text without credentials, to tie a checkpoint to them. */
export function describeEnds(ctx: AnyContext): { source: string; target: string } {
  const { source, target } = engineContext(ctx);
  return { source: source.describe(), target: target.describe() };
}
