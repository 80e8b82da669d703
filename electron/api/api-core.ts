import type { Connection } from '../../shared/connection';
import type { CallName, CallOutput, ParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { DatabaseAdapter } from '../adapters/database-adapter';
import type { ApiDeps } from './api-deps';
import { toErrorData } from './error-data';
import { JobRegistry } from './job-registry';

/** The handlers of some of the contract's calls; createApi spreads one per namespace into all of them. */
export type Handlers<K extends CallName = CallName> = { [P in K]: (input: ParsedInput<P>) => Promise<CallOutput<P>> };

/** What every handler module shares: saved connections, one adapter per connection, the job registry. */
export interface ApiCore<Context> {
  deps: ApiDeps<Context>;
  jobs: JobRegistry;
  connection(id: string): Connection;
  adapter(id: string): Promise<DatabaseAdapter>;
  /** Closes and drops the connection's adapter, so the next call opens one with its saved settings. */
  forget(id: string): Promise<void>;
  pair(sourceId: string, targetId: string): { source: Connection; target: Connection };
  withContext<T>(sourceId: string, targetId: string, work: (context: Context) => Promise<T>): Promise<T>;
  /** Opens the pair and starts a job on it; the pair closes when the job ends (or fails to start). */
  startOnPair<J extends StartedJob>(sourceId: string, targetId: string, kind: string, start: (context: Context) => J): Promise<J>;
  /** Runs at close, in the order registered, before the adapters close. */
  onClose(cleanup: () => void | Promise<void>): void;
  close(): Promise<void>;
}

/** A job started on an opened pair: `done` settles when it ends, with its `error` if it failed. */
interface StartedJob {
  id: string;
  done: Promise<unknown>;
}

export function createApiCore<Context>(deps: ApiDeps<Context>): ApiCore<Context> {
  const adapters = new Map<string, Promise<DatabaseAdapter>>();
  const cleanups: (() => void | Promise<void>)[] = [];

  function connection(id: string): Connection {
    const found = deps.store.get(id);
    if (!found) throw new AppError('NOT_FOUND', `No saved connection ${id}. Save it on the Connections page first.`);
    return found;
  }

  function adapter(id: string): Promise<DatabaseAdapter> {
    let pending = adapters.get(id);
    if (!pending) {
      pending = deps.createAdapter(connection(id));
      adapters.set(id, pending);
      pending.catch(() => adapters.delete(id));
    }
    return pending;
  }

  async function forget(id: string): Promise<void> {
    const pending = adapters.get(id);
    adapters.delete(id);
    await pending?.then((a) => a.close()).catch(() => {});
  }

  /** A migration goes from MongoDB to DynamoDB, or back: one end of each. */
  function pair(sourceId: string, targetId: string): { source: Connection; target: Connection } {
    const source = connection(sourceId);
    const target = connection(targetId);
    if (source.backend === target.backend) {
      throw new AppError('VALIDATION', 'A migration needs a MongoDB and a DynamoDB connection: MongoDB → DynamoDB, or DynamoDB → MongoDB to go back.');
    }
    return { source, target };
  }

  async function withContext<T>(sourceId: string, targetId: string, work: (context: Context) => Promise<T>): Promise<T> {
    const { source, target } = pair(sourceId, targetId);
    const opened = await deps.engine.open(source, target);
    try {
      return await work(opened.context);
    } finally {
      await opened.close().catch(() => {});
    }
  }

  async function startOnPair<J extends StartedJob>(sourceId: string, targetId: string, kind: string, start: (context: Context) => J): Promise<J> {
    const { source, target } = pair(sourceId, targetId);
    const opened = await deps.engine.open(source, target);
    let job: J;
    try {
      job = start(opened.context);
    } catch (error) {
      await opened.close().catch(() => {});
      throw error;
    }
    const ended = (message: string) => deps.log(`${kind} ${job.id} ended: ${message}`);
    void job.done
      .then((end) => { const error = (end as { error?: { message: string } } | undefined)?.error; if (error) ended(error.message); })
      .catch((error: unknown) => ended(toErrorData(error, deps.log).message))
      .finally(() => opened.close().catch(() => {}));
    return job;
  }

  const jobs = new JobRegistry();

  async function close(): Promise<void> {
    // Jobs first: a cancelled migration saves its checkpoint while its connections are still open.
    await jobs.cancelAll();
    for (const cleanup of cleanups) await cleanup();
    await Promise.all([...adapters.keys()].map(forget));
  }

  return { deps, jobs, connection, adapter, forget, pair, withContext, startOnPair, onClose: (c) => cleanups.push(c), close };
}
