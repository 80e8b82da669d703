import type { DynamoConnection, MongoConnection } from '../../shared/connection';
import { AppError } from '../../shared/errors';
import { createDynamoClients, type DynamoClients } from './dynamodb/client';
import { dynamoSource } from './dynamodb/dynamo-source';
import { dynamoTarget } from './dynamodb/dynamo-target';
import { connectMongo, type MongoHandle } from './mongodb/connect';
import { mongoSource, mongoTarget } from './mongodb/mongo-ports';
import type { Backend, PortPair } from './ports';

export interface Direction {
  from: Backend;
  to: Backend;
}

/** MongoDB → DynamoDB: the migration the console was built for, and the default everywhere. */
export const FORWARD: Direction = { from: 'mongodb', to: 'dynamodb' };

/** Ports over handles someone else opened (and closes): MongoDB and DynamoDB, either way round. */
export function portsOver(mongo: MongoHandle, dynamo: DynamoClients, direction: Direction = FORWARD): Omit<PortPair, 'close'> {
  return direction.from === 'mongodb'
    ? { source: mongoSource(mongo), target: dynamoTarget(dynamo) }
    : { source: dynamoSource(dynamo), target: mongoTarget(mongo) };
}

/**
 * The one place that opens a source/target pair (the api, the CLI and the tests all come here):
 * connects to both ends and hands back ports in the chosen direction, with the raw handles for
 * the features that exist only from MongoDB to DynamoDB (change capture, the S3 path, plan).
 */
export async function openPorts(settings: { mongo: MongoConnection; dynamo: DynamoConnection }, direction: Direction = FORWARD): Promise<PortPair & { mongo: MongoHandle; dynamo: DynamoClients }> {
  if (direction.from === direction.to || ![direction.from, direction.to].includes('mongodb')) {
    throw new AppError('VALIDATION', `No migration from ${direction.from} to ${direction.to}: one end is MongoDB, the other DynamoDB.`);
  }
  const dynamo = createDynamoClients(settings.dynamo);
  let mongo: MongoHandle;
  try {
    mongo = await connectMongo(settings.mongo);
  } catch (error) {
    dynamo.client.destroy();
    throw error;
  }
  return {
    ...portsOver(mongo, dynamo, direction), mongo, dynamo,
    async close() {
      dynamo.client.destroy();
      await mongo.client.close();
    },
  };
}
