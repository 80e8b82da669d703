export type { DatabaseAdapter, Document, FindPage } from './database-adapter';
export type { BackendDefinition } from './backend-definition';
export { DynamoDbAdapter } from './dynamodb/dynamodb-adapter';
export { MongoDbAdapter } from './mongodb/mongodb-adapter';
export { backendDefinition, createAdapter } from './registry';
