import { openPorts, type Direction } from '../adapters/open-ports';
import type { EngineContext, MigrationContext } from '../migration';
import { connectionSettings, DEFAULT_STATE_DIR, type ConnectionFlags } from './config';

/** Connects to both ends (the one place that opens a pair: adapters/open-ports.ts), runs `work`, and always closes them. */
async function withPair<T>(flags: ConnectionFlags, direction: Direction | undefined, work: (pair: Awaited<ReturnType<typeof openPorts>>, stateDir: string) => Promise<T>): Promise<T> {
  const pair = await openPorts(connectionSettings(flags), direction);
  try {
    return await work(pair, flags.stateDir ?? DEFAULT_STATE_DIR);
  } finally {
    await pair.close();
  }
}

/** MongoDB → DynamoDB with the connections themselves (change capture, the S3 path, plan). */
export function withContext<T>(flags: ConnectionFlags, work: (ctx: MigrationContext) => Promise<T>): Promise<T> {
  return withPair(flags, undefined, (pair, stateDir) => work({ source: pair.mongo, target: pair.dynamo, stateDir }));
}

/** The pipeline's ends as ports, in the chosen direction. */
export function withPorts<T>(flags: ConnectionFlags, direction: Direction, work: (ctx: EngineContext) => Promise<T>): Promise<T> {
  return withPair(flags, direction, (pair, stateDir) => work({ source: pair.source, target: pair.target, stateDir }));
}
