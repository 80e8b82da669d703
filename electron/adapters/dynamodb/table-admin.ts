import {
  CreateTableCommand, DescribeTableCommand, UpdateTableCommand, waitUntilTableExists,
  type AttributeDefinition, type CreateTableCommandInput, type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { tableName, type CollectionSpec, type SecondaryIndex } from '../../../shared/catalogue';
import { AppError } from '../../../shared/errors';
import type { DynamoClients } from './client';
import { translateDynamoError, unexpectedAnswer } from './errors';

function indexKeySchema(index: SecondaryIndex) {
  return [
    { AttributeName: index.partitionKey.attribute, KeyType: 'HASH' as const },
    ...(index.sortKey ? [{ AttributeName: index.sortKey.attribute, KeyType: 'RANGE' as const }] : []),
  ];
}

function attributeDefinitions(spec: CollectionSpec): AttributeDefinition[] {
  const keys = [spec.key, ...spec.indexes.flatMap((i) => [i.partitionKey, ...(i.sortKey ? [i.sortKey] : [])])];
  const unique = new Map(keys.map((k) => [k.attribute, k.type]));
  return [...unique].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType }));
}

/**
 * The CreateTable input of a collection: key `id` (String), on-demand billing, the catalogue's
 * GSIs projecting all attributes. The CloudFormation template is built from the same input.
 */
export function tableDefinition(spec: CollectionSpec, prefix: string): CreateTableCommandInput {
  return {
    TableName: tableName(spec.name, prefix),
    KeySchema: [{ AttributeName: spec.key.attribute, KeyType: 'HASH' }],
    AttributeDefinitions: attributeDefinitions(spec),
    BillingMode: 'PAY_PER_REQUEST',
    ...(spec.indexes.length > 0 ? {
      GlobalSecondaryIndexes: spec.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: indexKeySchema(index),
        Projection: { ProjectionType: 'ALL' },
      })),
    } : {}),
  };
}

/** The table's description, or undefined when DynamoDB says it does not exist. */
export async function describeTable(clients: DynamoClients, table: string, signal?: AbortSignal): Promise<TableDescription | undefined> {
  let answer;
  try {
    answer = await clients.client.send(new DescribeTableCommand({ TableName: table }), { abortSignal: signal });
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') return undefined;
    throw translateDynamoError(error, { where: clients.where, table });
  }
  // DynamoDB answers a missing table with ResourceNotFoundException, never with an empty 200.
  if (typeof answer.Table?.TableName !== 'string') throw unexpectedAnswer(clients.where, 'DescribeTable');
  return answer.Table;
}

async function waitForActive(clients: DynamoClients, table: string, signal?: AbortSignal): Promise<TableDescription> {
  await waitUntilTableExists({ client: clients.client, maxWaitTime: 300, minDelay: 1, maxDelay: 5, abortSignal: signal }, { TableName: table });
  for (;;) {
    const description = await describeTable(clients, table, signal);
    const busy = description?.TableStatus !== 'ACTIVE' || description.GlobalSecondaryIndexes?.some((g) => g.IndexStatus !== 'ACTIVE');
    if (description && !busy) return description;
    await sleep(500, undefined, { signal });
  }
}

interface EnsureTablesResult {
  created: string[];
  existing: string[];
  /** Existing tables that were missing a catalogue GSI, now added. */
  indexesAdded: string[];
}

/**
 * Creates the tables (and GSIs) that are missing and waits until they are ACTIVE. An existing
 * table whose key is not `id` (String) is refused rather than written into.
 */
export async function ensureTables(clients: DynamoClients, specs: readonly CollectionSpec[], prefix: string, signal?: AbortSignal): Promise<EnsureTablesResult> {
  const result: EnsureTablesResult = { created: [], existing: [], indexesAdded: [] };
  await Promise.all(specs.map(async (spec) => {
    const definition = tableDefinition(spec, prefix);
    const table = definition.TableName!;
    try {
      const existing = await describeTable(clients, table, signal);
      if (!existing) {
        await clients.client.send(new CreateTableCommand(definition), { abortSignal: signal });
        await waitForActive(clients, table, signal);
        result.created.push(table);
        return;
      }
      const key = existing.KeySchema ?? [];
      const keyType = existing.AttributeDefinitions?.find((a) => a.AttributeName === spec.key.attribute)?.AttributeType;
      if (key.length !== 1 || key[0]?.AttributeName !== spec.key.attribute || keyType !== spec.key.type) {
        const found = key.map((k) => `${k.AttributeName} (${k.KeyType})`).join(', ');
        throw new AppError('CONFLICT', `Table ${table} exists with key ${found}, but ${spec.name} needs ${spec.key.attribute} (String) as its only key. Use another DYNAMODB_TABLE_PREFIX or remove that table.`, { table });
      }
      result.existing.push(table);
      const present = new Set(existing.GlobalSecondaryIndexes?.map((g) => g.IndexName));
      // DynamoDB creates one GSI per UpdateTable call.
      for (const gsi of definition.GlobalSecondaryIndexes ?? []) {
        if (present.has(gsi.IndexName)) continue;
        await clients.client.send(new UpdateTableCommand({
          TableName: table,
          AttributeDefinitions: definition.AttributeDefinitions,
          GlobalSecondaryIndexUpdates: [{ Create: { IndexName: gsi.IndexName, KeySchema: gsi.KeySchema, Projection: gsi.Projection } }],
        }), { abortSignal: signal });
        await waitForActive(clients, table, signal);
        result.indexesAdded.push(`${table}.${gsi.IndexName}`);
      }
    } catch (error) {
      throw translateDynamoError(error, { where: clients.where, table });
    }
  }));
  return result;
}
