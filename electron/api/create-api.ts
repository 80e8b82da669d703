import { randomUUID } from 'node:crypto';
import { DEFAULT_TABLE_PREFIX } from '../../shared/catalogue';
import type { Connection, DynamoConnection, MongoConnection } from '../../shared/connection';
import {
  calls, streams, isCallName, isStreamName,
  type CallName, type CallOutput, type Outcome, type ParsedInput, type StreamEvent, type StreamName, type TestResult, type VerifyProgress,
} from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { MigrationProgress } from '../../shared/migration';
import type { DatabaseAdapter } from '../adapters/database-adapter';
import { checkDynamoUpdate, fromWireForDynamo, fromWireForMongo, toWireValue } from './wire-value';
import type { MigrationJob } from '../migration';
import type { ApiDeps } from './api-deps';
import { toErrorData, validationError } from './error-data';
import { listAwsProfiles } from '../settings/aws-profiles';
import { JobRegistry, ProgressEmitter } from './job-registry';
import { SandboxSession } from './sandbox-session';
import { ExportSessions } from './export-sessions';
import { featureHandlers } from './feature-handlers';

type Handlers = { [K in CallName]: (input: ParsedInput<K>) => Promise<CallOutput<K>> };

export interface Api {
  /** Validates `input` against the call's schema, runs it, and returns the outcome as plain data. */
  call(name: string, input: unknown): Promise<Outcome<unknown>>;
  /** Validates, then sends the stream's latest event at once and every later one to `listener`. */
  subscribe(name: string, input: unknown, listener: (event: unknown) => void): Promise<Outcome<() => void>>;
  close(): Promise<void>;
}

/** The contract's one implementation. It knows nothing of IPC or HTTP: transports call it. */
export function createApi<Context>(deps: ApiDeps<Context>): Api {
  const adapters = new Map<string, Promise<DatabaseAdapter>>();
  const jobs = new JobRegistry();
  const migrations = new Map<string, MigrationJob>();
  // Reads in flight by the requestId the renderer gave them, and verify runs by job: what cancel stops.
  const reads = new Map<string, AbortController>();
  const verifies = new Map<string, AbortController>();
  const sandbox = new SandboxSession(deps);
  const exports = new ExportSessions();

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

  function pair(sourceId: string, targetId: string): { source: MongoConnection; target: DynamoConnection } {
    const source = connection(sourceId);
    const target = connection(targetId);
    if (source.backend !== 'mongodb') throw new AppError('VALIDATION', 'The migration source must be a MongoDB connection.');
    if (target.backend !== 'dynamodb') throw new AppError('VALIDATION', 'The migration target must be a DynamoDB connection.');
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

  async function fromWire(connectionId: string, value: Record<string, unknown>): Promise<Record<string, unknown>> {
    const { backend } = await adapter(connectionId);
    return (backend === 'mongodb' ? fromWireForMongo(value) : fromWireForDynamo(value)) as Record<string, unknown>;
  }

  function migrationJob(jobId: string): MigrationJob {
    jobs.get(jobId, 'migration');
    return migrations.get(jobId)!;
  }

  async function control(jobId: string, action: 'pause' | 'resume' | 'cancel'): Promise<MigrationProgress> {
    const job = migrationJob(jobId);
    await job[action]();
    return job.progress();
  }

  async function test(target: Connection): Promise<TestResult> {
    let opened: DatabaseAdapter | undefined;
    try {
      opened = await deps.createAdapter(target);
      const ping = await opened.ping();
      const collections = (await opened.listCollections()).filter((c) => c.exists).length;
      return { ok: true, backend: target.backend, ping, collections };
    } catch (error) {
      return { ok: false, backend: target.backend, error: toErrorData(error, deps.log) };
    } finally {
      await opened?.close().catch(() => {});
    }
  }

  const handlers: Handlers = {
    'connections.test': async (input) => test('connection' in input ? input.connection : connection(input.connectionId)),
    'connections.save': async (input) => {
      const saved = deps.store.save(input);
      await forget(saved.id);
      return saved;
    },
    'connections.list': async () => deps.store.list(),
    'connections.defaults': async () => deps.connectionDefaults ?? { open: 'mongodb' },
    'connections.remove': async ({ id }) => {
      await forget(id);
      return { removed: deps.store.remove(id) };
    },

    'aws.profiles': async () => ({ profiles: await listAwsProfiles() }),

    'collections.list': async ({ connectionId }) => (await adapter(connectionId)).listCollections(),
    'collections.describe': async ({ connectionId, collection }) => (await adapter(connectionId)).describe(collection),

    'documents.find': async ({ connectionId, collection, filter, options, requestId }) => {
      const aborter = new AbortController();
      if (requestId) reads.set(requestId, aborter);
      const page = await (await adapter(connectionId)).find(collection, filter, options, aborter.signal).finally(() => {
        if (requestId && reads.get(requestId) === aborter) reads.delete(requestId);
      });
      return { documents: page.documents.map((d) => toWireValue(d) as Record<string, unknown>), plan: page.plan, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
    },
    'documents.cancel': async ({ requestId }) => {
      const aborter = reads.get(requestId);
      aborter?.abort();
      return { cancelled: aborter !== undefined };
    },
    'documents.preview': async ({ connectionId, collection, filter, options }) => (await adapter(connectionId)).preview(collection, filter, options),
    'documents.findOne': async ({ connectionId, collection, filter, projection }) => {
      const document = await (await adapter(connectionId)).findOne(collection, filter, projection);
      return { document: document ? (toWireValue(document) as Record<string, unknown>) : null };
    },
    'documents.insert': async ({ connectionId, collection, document }) => ({
      id: await (await adapter(connectionId)).insertOne(collection, await fromWire(connectionId, document)),
    }),
    'documents.update': async ({ connectionId, collection, filter, update }) => {
      if ((await adapter(connectionId)).backend === 'dynamodb') checkDynamoUpdate({ $unset: update.$unset, $inc: update.$inc });
      const converted = update.$set ? { ...update, $set: await fromWire(connectionId, update.$set) } : update;
      return { modified: await (await adapter(connectionId)).updateOne(collection, filter, converted) };
    },
    'documents.delete': async ({ connectionId, collection, filter }) => ({ deleted: await (await adapter(connectionId)).deleteOne(collection, filter) }),
    'documents.count': async ({ connectionId, collection, filter }) => ({ count: await (await adapter(connectionId)).countDocuments(collection, filter) }),

    'migration.plan': async ({ sourceId, targetId, collections, profile }) => withContext(sourceId, targetId, (context) => deps.engine.plan(context, collections, profile)),
    'migration.start': async ({ sourceId, targetId, options }) => {
      const { source, target } = pair(sourceId, targetId);
      const opened = await deps.engine.open(source, target);
      let job: MigrationJob;
      try {
        job = deps.engine.start(opened.context, options);
      } catch (error) {
        await opened.close().catch(() => {});
        throw error;
      }
      void job.done.catch((error: unknown) => deps.log(`migration ${job.id} ended: ${toErrorData(error, deps.log).message}`)).finally(() => opened.close().catch(() => {}));
      migrations.set(job.id, job);
      jobs.add(job.id, 'migration', options.collections, job, (p) => p.state);
      return { jobId: job.id };
    },
    'migration.pause': async ({ jobId }) => control(jobId, 'pause'),
    'migration.resume': async ({ jobId }) => control(jobId, 'resume'),
    'migration.cancel': async ({ jobId }) => control(jobId, 'cancel'),
    'migration.status': async ({ jobId }) => migrationJob(jobId).progress(),
    'migration.failures': async ({ jobId }) => migrationJob(jobId).failures(),

    'verify.start': async ({ sourceId, targetId, options }) => {
      pair(sourceId, targetId);
      const jobId = randomUUID();
      const started = Date.now();
      const aborter = new AbortController();
      const emitter = new ProgressEmitter<VerifyProgress>({ jobId, state: 'running', done: 0, total: 0, elapsedMs: 0, phase: 'connecting' });
      jobs.add(jobId, 'verify', options.collections, emitter, (p) => p.state);
      verifies.set(jobId, aborter);
      const end = (change: Partial<VerifyProgress>) => emitter.update({ ...emitter.progress(), elapsedMs: Date.now() - started, ...change }, true);
      withContext(sourceId, targetId, (context) => deps.engine.verify(context, options, (done, total, phase) => {
        emitter.update({ jobId, state: 'running', done, total, elapsedMs: Date.now() - started, ...(phase ? { phase } : {}) });
      }, aborter.signal)).then(
        (result) => end({ state: 'completed', result }),
        (error: unknown) => end(aborter.signal.aborted ? { state: 'cancelled', phase: 'cancelled' } : { state: 'failed', error: toErrorData(error, deps.log) }),
      ).finally(() => verifies.delete(jobId));
      return { jobId };
    },
    'verify.status': async ({ jobId }) => jobs.get<VerifyProgress>(jobId, 'verify').progress(),
    'verify.cancel': async ({ jobId }) => {
      const job = jobs.get<VerifyProgress>(jobId, 'verify');
      verifies.get(jobId)?.abort();
      return job.progress();
    },

    'jobs.list': async () => jobs.list(),

    'cloudformation.template': async ({ tablePrefix }) => {
      const template = deps.engine.template(tablePrefix || DEFAULT_TABLE_PREFIX);
      return { template, json: JSON.stringify(template, null, 2) };
    },

    'sandbox.start': async ({ alerts }) => sandbox.start(alerts),
    'sandbox.status': async () => sandbox.status(),
    ...featureHandlers(adapter, exports),
  };

  const streamKinds: { [K in StreamName]: 'migration' | 'verify' } = { 'migration.progress': 'migration', 'verify.progress': 'verify' };

  return {
    async call(name, input) {
      try {
        if (!isCallName(name)) throw new AppError('VALIDATION', `Unknown call ${String(name).slice(0, 80)}.`);
        const parsed = calls[name].input.safeParse(input);
        if (!parsed.success) throw validationError(name, parsed.error);
        const output = await (handlers[name] as (i: unknown) => Promise<unknown>)(parsed.data);
        const checked = calls[name].output.safeParse(output);
        if (!checked.success) throw new Error(`${name} returned output outside the contract: ${checked.error.message}`);
        return { ok: true, output: checked.data };
      } catch (error) {
        return { ok: false, error: toErrorData(error, deps.log) };
      }
    },
    async subscribe(name, input, listener) {
      try {
        if (!isStreamName(name)) throw new AppError('VALIDATION', `Unknown event stream ${String(name).slice(0, 80)}.`);
        const parsed = streams[name].input.safeParse(input);
        if (!parsed.success) throw validationError(name, parsed.error);
        // Events are checked against the contract like call outputs: what leaves is what it declares.
        const schema = streams[name].event;
        const stop = jobs.watch<StreamEvent<typeof name>>(parsed.data.jobId, streamKinds[name], (event) => {
          const checked = schema.safeParse(event);
          if (checked.success) listener(checked.data);
          else deps.log(`${name} event outside the contract, not sent: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
        });
        return { ok: true, output: stop };
      } catch (error) {
        return { ok: false, error: toErrorData(error, deps.log) };
      }
    },
    async close() {
      for (const job of migrations.values()) if (job.progress().state === 'running') await job.cancel();
      for (const aborter of [...reads.values(), ...verifies.values()]) aborter.abort();
      await Promise.all([...adapters.keys()].map(forget));
      await sandbox.stop();
    },
  };
}
