import { createDynamoClients } from '../adapters/dynamodb/client';
import { connectMongo } from '../adapters/mongodb/connect';
import type { MigrationContext } from '../migration';
import { connectionSettings, DEFAULT_STATE_DIR, type ConnectionFlags } from './config';

/** Connects to both ends, runs `work`, and always closes the connections. */
export async function withContext<T>(flags: ConnectionFlags, work: (ctx: MigrationContext) => Promise<T>): Promise<T> {
  const settings = connectionSettings(flags);
  const target = createDynamoClients(settings.dynamo);
  try {
    const source = await connectMongo(settings.mongo);
    try {
      return await work({ source, target, stateDir: flags.stateDir ?? DEFAULT_STATE_DIR });
    } finally {
      await source.client.close();
    }
  } finally {
    target.client.destroy();
  }
}
