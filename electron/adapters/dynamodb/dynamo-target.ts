import { tableName } from '../../../shared/catalogue';
import type { TargetPort } from '../ports';
import { engineClients, type DynamoClients } from './client';
import { countItems, GET_BATCH, scanKeys } from './get-items';
import { describeTable, ensureTables } from './table-admin';
import { getWholeItems } from './whole-items';
import { writeBatch } from './write-batch';

/**
 * A DynamoDB table set (one prefix) as a migration target: one table per catalogue collection,
 * keyed on `id`. A session sends through the engine's clients (one attempt per request: the
 * engine's retry policy owns the retries) and reads compressed and split items (the oversized
 * fixes) whole.
 */
export function dynamoTarget(clients: DynamoClients): TargetPort {
  const prefix = clients.config.tablePrefix;
  const table = (name: string) => tableName(name, prefix);
  return {
    backend: 'dynamodb',
    describe: () => `${clients.where} prefix ${prefix}`,
    where: table,
    readBatch: GET_BATCH,
    async ensure(specs, signal) {
      await ensureTables(clients, specs, prefix, signal);
    },
    exists: async (name, signal) => (await describeTable(clients, table(name), signal)) !== undefined,
    session(control) {
      const engine = engineClients(clients);
      return {
        // Items carry their key in `id`: BatchWriteItem's failures name it.
        write: (name, records) => writeBatch({ doc: engine.doc, table: table(name), where: engine.where, ...control }, records),
        async readByKeys(name, keys, keyOf) {
          const found = await getWholeItems(engine, table(name), keys, control);
          return new Map([...found.values()].map((item) => [keyOf(item), item] as const));
        },
        close: async () => engine.client.destroy(),
      };
    },
    scanKeys: (name, _keyOf, onKey, signal) => scanKeys(clients, table(name), onKey, signal),
    count: (name, signal) => countItems(clients, table(name), signal),
  };
}
