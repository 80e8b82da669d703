import { DEFAULT_TABLE_PREFIX } from '../../shared/catalogue';
import type { SandboxStatus } from '../../shared/contract';
import { dynamoDbLocalCredentials } from '../adapters/dynamodb/local-credentials';
import type { Sandbox } from '../sandbox';
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

  async stop(): Promise<void> {
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

/** The Connections page's sandbox button: start (or join) the one sandbox, and its status. */
export function sandboxHandlers(sandbox: SandboxSession): Handlers<'sandbox.start' | 'sandbox.status'> {
  return {
    'sandbox.start': async ({ alerts }) => sandbox.start(alerts),
    'sandbox.status': async () => sandbox.status(),
  };
}
