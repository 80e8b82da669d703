import { createAdapter } from '../adapters';
import { connectMongo } from '../adapters/mongodb/connect';
import { createDynamoClients } from '../adapters/dynamodb/client';
import { cloudFormationTemplate, planMigration, startMigration, verifyMigration, type MigrationContext } from '../migration';
import { startSandbox } from '../sandbox';
import type { ConnectionStore } from '../settings/connection-store';
import type { ApiDeps } from './api-deps';

/** The real adapters, migration engine and sandbox behind the api. */
export function defaultDeps({ store, stateDir, log }: { store: ConnectionStore; stateDir: string; log: (line: string) => void }): ApiDeps<MigrationContext> {
  return {
    store,
    createAdapter,
    log,
    startSandbox: (options) => startSandbox(options),
    engine: {
      async open(source, target) {
        const mongo = await connectMongo(source);
        const dynamo = createDynamoClients(target);
        return {
          context: { source: mongo, target: dynamo, stateDir },
          close: async () => {
            dynamo.client.destroy();
            await mongo.client.close();
          },
        };
      },
      plan: planMigration,
      start: startMigration,
      verify: verifyMigration,
      template: cloudFormationTemplate,
    },
  };
}
