import { DEFAULT_TABLE_PREFIX } from '../../shared/catalogue';
import type { SandboxStatus, SandboxWriter } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { dynamoDbLocalCredentials } from '../adapters/dynamodb/local-credentials';
import type { Sandbox } from '../sandbox';
import { startLiveWriterAt, type LiveWriter } from '../sandbox/live-writer';
import type { Handlers } from './api-core';
import type { ApiDeps } from './api-deps';
import { toErrorData } from './error-data';

const SANDBOX_IDS = { mongo: 'sandbox-mongodb', dynamo: 'sandbox-dynamodb' } as const;

/**
 * The one local sandbox of this process: local servers with sample data, saved as two
 * connections. Starting it again while it starts or runs returns the same one.
 */
export class SandboxSession {
  private state: SandboxStatus = { state: 'stopped', descriptions: [] };
  private starting: Promise<SandboxStatus> | undefined;
  private running: Sandbox | undefined;
  private liveWriter: { writer: LiveWriter; changesPerSecond: number } | undefined;
  private lastCounts: SandboxWriter['counts'] = { inserted: 0, updated: 0, deleted: 0 };

  constructor(private readonly deps: Pick<ApiDeps, 'store' | 'startSandbox' | 'log'>) {}

  status(): SandboxStatus {
    return this.state;
  }

  start(alerts?: number): Promise<SandboxStatus> {
    if (this.state.state === 'running') return Promise.resolve(this.state);
    this.starting ??= this.launch(alerts).finally(() => { this.starting = undefined; });
    return this.starting;
  }

  private adopt(sandbox: Sandbox): SandboxStatus {
    this.running = sandbox;
    const { store } = this.deps;
    const mongo = store.save({ id: SANDBOX_IDS.mongo, name: 'Local sandbox · MongoDB', connection: { backend: 'mongodb', url: sandbox.mongoUrl } });
    const dynamo = store.save({
      id: SANDBOX_IDS.dynamo,
      name: 'Local sandbox · DynamoDB',
      connection: {
        backend: 'dynamodb', region: 'us-east-1', endpoint: sandbox.dynamoEndpoint, tablePrefix: DEFAULT_TABLE_PREFIX,
        credentials: dynamoDbLocalCredentials(),
      },
    });
    this.state = { state: 'running', descriptions: sandbox.descriptions, mongo, dynamo };
    return this.state;
  }

  /** Starts the live writer at a rate (replacing one that runs), stops it with 0, or reports it. */
  async writer(changesPerSecond?: number): Promise<SandboxWriter> {
    if (changesPerSecond !== undefined) {
      if (!this.running) throw new AppError('CONFLICT', 'The sandbox is not running: start it on the Connections page first.');
      await this.stopWriter();
      if (changesPerSecond > 0) this.liveWriter = { writer: await startLiveWriterAt(this.running.mongoUrl, changesPerSecond), changesPerSecond };
    }
    const live = this.liveWriter;
    return { running: live !== undefined, changesPerSecond: live?.changesPerSecond ?? 0, counts: live ? live.writer.counts() : this.lastCounts };
  }

  private async stopWriter(): Promise<void> {
    const live = this.liveWriter;
    this.liveWriter = undefined;
    if (!live) return;
    await live.writer.stop();
    this.lastCounts = live.writer.counts();
  }

  async stop(): Promise<void> {
    await this.stopWriter();
    await this.starting?.catch(() => {});
    await this.running?.stop();
    this.running = undefined;
    this.state = { state: 'stopped', descriptions: [] };
  }

  private async launch(alerts?: number): Promise<SandboxStatus> {
    this.state = { state: 'starting', descriptions: [] };
    try {
      const sandbox = await this.deps.startSandbox({ ...(alerts !== undefined ? { alerts } : {}), log: this.deps.log });
      return this.adopt(sandbox);
    } catch (error) {
      this.state = { state: 'failed', descriptions: [], error: toErrorData(error, this.deps.log) };
      return this.state;
    }
  }
}

/** The Connections page's sandbox button: start (or join) the one sandbox, and its status; the Cutover page's live writer. */
export function sandboxHandlers(sandbox: SandboxSession): Handlers<'sandbox.start' | 'sandbox.status' | 'sandbox.writer'> {
  return {
    'sandbox.start': async ({ alerts }) => sandbox.start(alerts),
    'sandbox.status': async () => sandbox.status(),
    'sandbox.writer': async ({ changesPerSecond }) => sandbox.writer(changesPerSecond),
  };
}
