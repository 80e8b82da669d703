import type { Connection } from '../../shared/connection';
import type { ConnectionDefaults } from '../../shared/contract';
import type { MigrationOptions, MigrationPlan, VerifyOptions, VerifyResult } from '../../shared/migration';
import type { MigrationProfile } from '../../shared/migration-profile';
import type { DatabaseAdapter } from '../adapters/database-adapter';
import type { MigrationJob } from '../migration';
import type { CutoverJob } from '../migration/cutover/cutover-job';
import type { CutoverOptions } from '../../shared/cutover';
import type { Sandbox } from '../sandbox';
import type { ConnectionStore } from '../settings/connection-store';

/** The migration engine, reached through an opened source + target pair. */
interface MigrationEngine<Context> {
  /** Source and target: MongoDB and DynamoDB, either way round. */
  open(source: Connection, target: Connection): Promise<{ context: Context; close(): Promise<void> }>;
  plan(context: Context, collections: string[], profile?: MigrationProfile, priceRegion?: string): Promise<MigrationPlan>;
  start(context: Context, options: MigrationOptions): MigrationJob;
  verify(context: Context, options: VerifyOptions, onProgress: (done: number, total: number, phase?: string) => void, signal?: AbortSignal): Promise<VerifyResult>;
  template(prefix: string): Record<string, unknown>;
  /** The guided cutover: full load, change capture, the DBA's stop-writes step, drain, verify. */
  cutover(context: Context, options: CutoverOptions): CutoverJob;
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
