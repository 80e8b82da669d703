/**
 * The migration engine: plan → copy → checkpoint → verify → templates. The desktop console
 * and the CLI both drive it through these functions; progress is a stream of events, never
 * printed here.
 */
export type { AnyContext, EngineContext, MigrationContext } from './context';
export { planMigration } from './plan-migration';
export { startMigration, type MigrationJob } from './migration-job';
export { verifyMigration } from './verify-migration';
export { cloudFormationTemplate } from './cloudformation-template';
export { convertDocument, type Conversion } from './convert-document';
export { errorLogPath } from './error-log';
