import { createAdapter } from '../adapters';
import { openPorts } from '../adapters/open-ports';
import { AppError } from '../../shared/errors';
import type { Connection, DynamoConnection, MongoConnection } from '../../shared/connection';
import { cloudFormationTemplate, planMigration, verifyMigration, type AnyContext } from '../migration';
import { forwardHandles } from '../migration/context';
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
export function defaultDeps({ store, stateDir, log: write, env = process.env }: { store: ConnectionStore; stateDir: string; log: (line: string) => void; env?: Record<string, string | undefined> }): ApiDeps<AnyContext> {
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
        const pair = await openPorts(pairSettings(source, target), { from: source.backend, to: target.backend });
        // MongoDB → DynamoDB keeps the connections themselves: the S3 path and the plan need them.
        const context: AnyContext = source.backend === 'mongodb' ? { source: pair.mongo, target: pair.dynamo, stateDir } : { source: pair.source, target: pair.target, stateDir };
        return { context, close: () => pair.close() };
      },
      plan(context, collections, profile, priceRegion) {
        const forward = forwardHandles(context);
        if (!forward) throw new AppError('VALIDATION', "The plan's figures are DynamoDB's (write units, cost, item sizes): from DynamoDB back to MongoDB, run `npm run cli -- plan --from dynamodb` for what the items cannot tell.");
        return planMigration(forward, collections, profile, priceRegion);
      },
      start: startOnPath,
      verify: (context, options, onProgress, signal) => verifyMigration({ ...context, ...(signal ? { signal } : {}) }, options, onProgress),
      template: cloudFormationTemplate,
      cutover: startCutover,
    },
  };
}

/** The MongoDB and the DynamoDB connection of a pair, whichever end each is. */
function pairSettings(source: Connection, target: Connection): { mongo: MongoConnection; dynamo: DynamoConnection } {
  const mongo = [source, target].find((c): c is MongoConnection => c.backend === 'mongodb');
  const dynamo = [source, target].find((c): c is DynamoConnection => c.backend === 'dynamodb');
  if (!mongo || !dynamo) throw new AppError('VALIDATION', 'A migration needs a MongoDB and a DynamoDB connection.');
  return { mongo, dynamo };
}
