import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DynamoConnectionSchema } from '../../shared/connection';
import { localServers, uniqueName } from '../local-servers';
import { connectMongo, type MongoHandle } from '../../electron/adapters/mongodb/connect';
import { openPorts, portsOver } from '../../electron/adapters/open-ports';
import type { EngineContext, MigrationContext } from '../../electron/migration/context';

/**
 * For integration tests: a fresh database, table prefix and state folder on the shared local
 * servers, reached directly or through other ends (the network harness's).
 */
export async function openTestContext(name: string, through?: { mongoUrl: string; dynamoEndpoint: string }): Promise<MigrationContext & { database: string; prefix: string; mongoUrl: string; endpoint: string; tables(): Promise<string[]>; close(): Promise<void> }> {
  const direct = localServers();
  const servers = through ? { mongoUrl: through.mongoUrl, dynamo: { ...direct.dynamo, endpoint: through.dynamoEndpoint } } : direct;
  const database = uniqueName(name);
  const prefix = uniqueName(name.replace(/[^A-Za-z0-9]/g, ''));
  const mongoUrl = `${servers.mongoUrl}/${database}`;
  // The one place that opens a pair (adapters/open-ports.ts), as the api and the CLI do.
  const { mongo: source, dynamo: target } = await openPorts({ mongo: { backend: 'mongodb', url: mongoUrl }, dynamo: DynamoConnectionSchema.parse({ backend: 'dynamodb', ...servers.dynamo, tablePrefix: prefix }) });
  const stateDir = mkdtempSync(join(tmpdir(), `awc-${name}-`));
  const tables = async () => {
    const names: string[] = [];
    let start: string | undefined;
    do {
      const page = await target.client.send(new ListTablesCommand({ ExclusiveStartTableName: start }));
      names.push(...(page.TableNames ?? []).filter((t) => t.startsWith(`${prefix}_`)));
      start = page.LastEvaluatedTableName;
    } while (start);
    return names.sort();
  };
  return {
    source, target, stateDir, database, prefix, mongoUrl, endpoint: servers.dynamo.endpoint, tables,
    async close() {
      await Promise.all((await tables()).map((t) => target.client.send(new DeleteTableCommand({ TableName: t })).catch(() => {})));
      await source.db.dropDatabase().catch(() => {});
      await source.client.close();
      target.client.destroy();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/**
 * For integration tests of the way back: the tables of `forward` (its DynamoDB prefix) as the
 * source, a fresh empty MongoDB database as the target, and a state folder of its own.
 */
export async function openReverseContext(forward: Awaited<ReturnType<typeof openTestContext>>): Promise<EngineContext & { database: string; mongoUrl: string; db: MongoHandle['db']; close(): Promise<void> }> {
  const database = uniqueName('restored');
  const mongoUrl = `${localServers().mongoUrl}/${database}`;
  const handle = await connectMongo({ backend: 'mongodb', url: mongoUrl });
  const stateDir = mkdtempSync(join(tmpdir(), 'awc-restore-'));
  return {
    ...portsOver({ from: 'dynamodb', to: 'mongodb' } as const, forward.target, handle), stateDir, database, mongoUrl, db: handle.db,
    async close() {
      await handle.db.dropDatabase().catch(() => {});
      await handle.client.close();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
