import { BACKENDS } from '../../../shared/backends';
import { MongoConnectionSchema, type MongoConnection } from '../../../shared/connection';
import type { BackendDefinition } from '../backend-definition';
import { fromWireForMongo } from '../wire-value';
import { connectMongo, type MongoHandle } from './connect';
import { translateMongoError } from './errors';
import { MongoDbAdapter } from './mongodb-adapter';
import { mongoSource, mongoTarget } from './mongo-ports';

export const mongoBackend: BackendDefinition<MongoConnection, MongoHandle> = {
  id: 'mongodb',
  info: BACKENDS.mongodb,
  schema: MongoConnectionSchema,
  // connectMongo waits for the server (short timeouts), so the adapter it gives is checked.
  open: async (connection) => new MongoDbAdapter(await connectMongo(connection)),
  translateFailure: (error, connection) => translateMongoError(error, { url: connection.url }),
  fromWire: (value) => fromWireForMongo(value) as Record<string, unknown>,
  // MongoDB writes any field name and $inc amount the contract's schema lets through.
  checkUpdate: () => {},
  datesAreStrings: false,
  describeSample: (n) => `up to the first ${n} documents in natural order (a find without a sort)`,
  ports: {
    connect: connectMongo,
    disconnect: (handle) => handle.client.close(),
    source: mongoSource,
    target: mongoTarget,
  },
};
