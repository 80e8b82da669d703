import type { Connection, DynamoConnection, MongoConnection } from '../../shared/connection';
import type { ConnectionDefaults } from '../../shared/contract';
import type {
  DocumentProblem, MigrationOptions, MigrationPlan, MigrationProgress, MigrationSummary, VerifyOptions, VerifyResult,
} from '../../shared/migration';
import type { DatabaseAdapter } from '../adapters/database-adapter';
import type { ConnectionStore } from '../settings/connection-store';

/** What the api needs of a running migration (electron/migration's MigrationJob). */
export interface MigrationJobHandle {
  id: string;
  progress(): MigrationProgress;
  onProgress(listener: (progress: MigrationProgress) => void): () => void;
  pause(): unknown;
  resume(): unknown;
  cancel(): unknown;
  failures(): DocumentProblem[];
  done: Promise<MigrationSummary>;
}

/** The migration engine, reached through an opened source + target pair. */
export interface MigrationEngine<Context> {
  open(source: MongoConnection, target: DynamoConnection): Promise<{ context: Context; close(): Promise<void> }>;
  plan(context: Context, collections: string[]): Promise<MigrationPlan>;
  start(context: Context, options: MigrationOptions): MigrationJobHandle;
  verify(context: Context, options: VerifyOptions, onProgress: (done: number, total: number) => void): Promise<VerifyResult>;
  template(prefix: string): Record<string, unknown>;
}

export interface Sandbox {
  mongoUrl: string;
  dynamoEndpoint: string;
  descriptions: string[];
  stop(): Promise<void>;
}

export interface ApiDeps<Context = unknown> {
  store: ConnectionStore;
  createAdapter(connection: Connection): Promise<DatabaseAdapter>;
  engine: MigrationEngine<Context>;
  startSandbox(options: { alerts?: number; log?: (line: string) => void }): Promise<Sandbox>;
  /** What the console opens with (the environment's connections); unset: MongoDB, nothing chosen. */
  connectionDefaults?: ConnectionDefaults;
  /** Lines for the main process log; never given a secret. */
  log(line: string): void;
}
