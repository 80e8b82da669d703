import { BACKENDS } from '../../../shared/backends';
import { DynamoConnectionSchema, type DynamoConnection } from '../../../shared/connection';
import type { BackendDefinition } from '../backend-definition';
import { checkDynamoUpdate, fromWireForDynamo } from '../wire-value';
import { createDynamoClients, dynamoWhere, type DynamoClients } from './client';
import { dynamoSource } from './dynamo-source';
import { dynamoTarget } from './dynamo-target';
import { DynamoDbAdapter } from './dynamodb-adapter';
import { translateDynamoError } from './errors';

/** Creating the clients sends nothing, so the adapter pings once before it is handed out. */
async function openChecked(connection: DynamoConnection): Promise<DynamoDbAdapter> {
  const adapter = new DynamoDbAdapter(createDynamoClients(connection));
  try {
    await adapter.ping();
  } catch (error) {
    await adapter.close();
    throw error;
  }
  return adapter;
}

export const dynamoBackend: BackendDefinition<DynamoConnection, DynamoClients> = {
  id: 'dynamodb',
  info: BACKENDS.dynamodb,
  schema: DynamoConnectionSchema,
  open: openChecked,
  translateFailure: (error, connection) => translateDynamoError(error, { where: dynamoWhere(connection) }),
  fromWire: (value) => fromWireForDynamo(value) as Record<string, unknown>,
  checkUpdate: (update) => checkDynamoUpdate({ $unset: update.$unset, $inc: update.$inc }),
  datesAreStrings: true,
  describeSample: (n) => `up to the first ${n} items of a Scan`,
  ports: {
    // Creating the clients sends nothing: the first request of the job meets an unreachable endpoint.
    connect: async (connection) => createDynamoClients(connection),
    disconnect: async (clients) => clients.client.destroy(),
    source: dynamoSource,
    target: dynamoTarget,
  },
};
