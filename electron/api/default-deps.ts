import { createAdapter } from '../adapters';
import { connectMongo } from '../adapters/mongodb/connect';
import { createDynamoClients } from '../adapters/dynamodb/client';
import { cloudFormationTemplate, planMigration, verifyMigration, type MigrationContext } from '../migration';
import { startOnPath } from '../migration/start-on-path';
import { startCutover } from '../migration/cutover/cutover-job';
import { startSandbox } from '../sandbox';
import type { ConnectionStore } from '../settings/connection-store';
import { redactingLog } from '../settings/mongo-url';
import type { ApiDeps } from './api-deps';
import { connectionsFromEnvironment, registerEnvironmentConnections } from './env-connections';

/**
 * The real adapters, migration engine and sandbox behind the api, with the connections the
 * environment's variables describe saved in `store`. Throws (naming the variable) when one of
 * them cannot work, so the console refuses to start rather than open with a broken connection.
 */
export function defaultDeps({ store, stateDir, log: write, env = process.env }: { store: ConnectionStore; stateDir: string; log: (line: string) => void; env?: Record<string, string | undefined> }): ApiDeps<MigrationContext> {
  const log = redactingLog(write);
  const environment = connectionsFromEnvironment(env);
  registerEnvironmentConnections(store, environment);
  for (const { name } of environment.connections) log(`connection from the environment: ${name}`);
  return {
    store,
    connectionDefaults: environment.defaults,
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
      start: startOnPath,
      verify: (context, options, onProgress, signal) => verifyMigration({ ...context, ...(signal ? { signal } : {}) }, options, onProgress),
      template: cloudFormationTemplate,
      cutover: startCutover,
    },
  };
}
