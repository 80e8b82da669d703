// The migration engine run as the CLI runs it (`migrate-collection alerts --json`) in a process
// of its own, so its memory and CPU are the engine's alone, not the benchmark's.
import { runCliMeasured, type MeasuredRun } from './measure-cli';

export type EngineRun = MeasuredRun;

export interface EngineOptions {
  mongoUrl: string;
  endpoint: string;
  stateDir: string;
  prefix: string;
  /** Fixed batches in flight; absent: the engine's adaptive limit. */
  concurrency?: number;
  nodeOptions?: string;
}

export function runEngine(options: EngineOptions): Promise<EngineRun> {
  const fixed = options.concurrency === undefined ? [] : ['--concurrency', String(options.concurrency)];
  return runCliMeasured(['migrate-collection', 'alerts', '--json', ...fixed, '--state-dir', options.stateDir], {
    MONGO_URL: options.mongoUrl, AWS_ENDPOINT_URL_DYNAMODB: options.endpoint, DYNAMODB_TABLE_PREFIX: options.prefix, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local',
  }, (options.nodeOptions ?? '--max-semi-space-size=8').split(' ').filter(Boolean));
}
