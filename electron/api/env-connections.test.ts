import { describe, expect, it } from 'vitest';
import { createConnectionStore } from '../settings/connection-store';
import { connectionsFromEnvironment, registerEnvironmentConnections } from './env-connections';

describe('connectionsFromEnvironment', () => {
  it('sets up nothing from an empty environment, opening MongoDB', () => {
    expect(connectionsFromEnvironment({})).toEqual({ connections: [], defaults: { open: 'mongodb' } });
    expect(connectionsFromEnvironment({ MONGO_URL: '  ', AWS_REGION: '' }).connections).toEqual([]);
  });

  it('turns MONGO_URL into a MongoDB connection', () => {
    expect(connectionsFromEnvironment({ MONGO_URL: 'mongodb://u:p@db.internal:27017/aw' })).toEqual({
      connections: [{ id: 'env-mongodb', name: 'Environment · MongoDB', connection: { backend: 'mongodb', url: 'mongodb://u:p@db.internal:27017/aw' } }],
      defaults: { open: 'mongodb', mongoId: 'env-mongodb' },
    });
  });

  it('sets up DynamoDB from AWS_REGION, AWS_ENDPOINT_URL_DYNAMODB or DATABASE_TYPE=dynamodb, with the seed defaults', () => {
    expect(connectionsFromEnvironment({ AWS_REGION: 'eu-west-1' }).connections[0]?.connection).toEqual({ backend: 'dynamodb', region: 'eu-west-1', tablePrefix: 'AlertWhisperer' });
    expect(connectionsFromEnvironment({ AWS_ENDPOINT_URL_DYNAMODB: 'http://dynamo.internal:8000', DYNAMODB_TABLE_PREFIX: 'Test' }).connections[0]?.connection)
      .toEqual({ backend: 'dynamodb', region: 'us-east-1', tablePrefix: 'Test', endpoint: 'http://dynamo.internal:8000' });
    expect(connectionsFromEnvironment({ DATABASE_TYPE: 'dynamodb' })).toEqual({
      connections: [{ id: 'env-dynamodb', name: 'Environment · DynamoDB', connection: { backend: 'dynamodb', region: 'us-east-1', tablePrefix: 'AlertWhisperer' } }],
      defaults: { open: 'dynamodb', dynamoId: 'env-dynamodb' },
    });
    // The prefix alone does not say DynamoDB is in use.
    expect(connectionsFromEnvironment({ DYNAMODB_TABLE_PREFIX: 'X' }).connections).toEqual([]);
  });

  it('gives DynamoDB Local on loopback a dummy key pair unless the environment names credentials', () => {
    const local = { AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000' };
    expect(connectionsFromEnvironment(local).connections[0]?.connection).toMatchObject({ credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    expect(connectionsFromEnvironment({ ...local, AWS_PROFILE: 'dev' }).connections[0]?.connection).not.toHaveProperty('credentials');
    expect(connectionsFromEnvironment({ ...local, AWS_ACCESS_KEY_ID: 'AKIA' }).connections[0]?.connection).not.toHaveProperty('credentials');
  });

  it('lists the backend DATABASE_TYPE names first and opens it', () => {
    const env = { MONGO_URL: 'mongodb://localhost:27017/aw', AWS_REGION: 'us-west-2' };
    expect(connectionsFromEnvironment(env).connections.map((c) => c.id)).toEqual(['env-mongodb', 'env-dynamodb']);
    const dynamoFirst = connectionsFromEnvironment({ ...env, DATABASE_TYPE: 'DynamoDB' });
    expect(dynamoFirst.connections.map((c) => c.id)).toEqual(['env-dynamodb', 'env-mongodb']);
    expect(dynamoFirst.defaults).toEqual({ open: 'dynamodb', mongoId: 'env-mongodb', dynamoId: 'env-dynamodb' });
  });

  it('takes DATABASE_TYPE=mongodb alone as the default local MongoDB', () => {
    expect(connectionsFromEnvironment({ DATABASE_TYPE: 'mongodb' }).connections[0]?.connection).toEqual({ backend: 'mongodb', url: 'mongodb://localhost:27017/alertwhisperer' });
  });

  it('refuses values that cannot work, naming the variable and never quoting a password', () => {
    expect(() => connectionsFromEnvironment({ DATABASE_TYPE: 'postgres' })).toThrow(expect.objectContaining({
      code: 'VALIDATION', message: 'DATABASE_TYPE=postgres is not supported: set it to mongodb (the default) or dynamodb.',
    }));
    expect(() => connectionsFromEnvironment({ MONGO_URL: 'localhost:27017' })).toThrow(/^MONGO_URL is not a valid MongoDB URL .*starts with mongodb:\/\//);
    for (const url of ['mongodb://admin:hunter2@', 'mongodb://admin:hunter2@host:99999/db', 'mongodb://admin:hunter2@host/db?unknownOption=1&tls=maybe']) {
      let message = '';
      try {
        connectionsFromEnvironment({ MONGO_URL: url });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, url).toMatch(/^MONGO_URL is not a valid MongoDB URL/);
      expect(message).not.toContain('hunter2');
    }
    expect(() => connectionsFromEnvironment({ AWS_ENDPOINT_URL_DYNAMODB: 'localhost 8000' })).toThrow(/^AWS_ENDPOINT_URL_DYNAMODB is not valid/);
    expect(() => connectionsFromEnvironment({ AWS_REGION: 'us-east-1', DYNAMODB_TABLE_PREFIX: 'bad prefix!' })).toThrow(/^DYNAMODB_TABLE_PREFIX is not valid: letters, digits/);
  });
});

describe('registerEnvironmentConnections', () => {
  it('saves the connections under fixed ids and drops those the environment no longer sets', () => {
    const store = createConnectionStore();
    store.save({ id: 'mine', name: 'Saved by hand', connection: { backend: 'mongodb', url: 'mongodb://h/db' } });
    registerEnvironmentConnections(store, connectionsFromEnvironment({ MONGO_URL: 'mongodb://a/db', AWS_REGION: 'eu-west-1' }));
    registerEnvironmentConnections(store, connectionsFromEnvironment({ MONGO_URL: 'mongodb://b/db' }));
    expect(store.list().map((c) => c.id)).toEqual(['mine', 'env-mongodb']);
    expect(store.get('env-mongodb')).toMatchObject({ url: 'mongodb://b/db' });
  });
});
