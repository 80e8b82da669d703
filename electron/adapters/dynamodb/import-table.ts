import { DescribeImportCommand, ImportTableCommand, type AttributeValue, type ImportTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { CollectionSpec } from '../../../shared/catalogue';
import type { DynamoClients } from './client';
import { attributesJson } from './dynamo-json';
import { translateDynamoError } from './errors';
import { tableDefinition } from './table-admin';

/**
 * One line of ImportTable's DYNAMODB_JSON format, `{"Item":{...}}`, from the AttributeValues the
 * direct copy writes (migration/marshal-item.ts): lib-dynamodb's marshall() fails on the
 * migration's prototype-less maps and on a string field named `constructor`.
 */
export function dynamoJsonLine(attributes: Record<string, AttributeValue>): string {
  return `{"Item":${JSON.stringify(attributesJson(attributes))}}\n`;
}

export interface ImportSource {
  bucket: string;
  /** Every object under it is imported: one collection's parts, nothing else. */
  keyPrefix: string;
  /** The bucket's owner, when another account owns it. */
  bucketOwner?: string;
}

/**
 * ImportTable's input: the table exactly as the migration creates it (key, GSIs, on-demand
 * billing, from `tableDefinition`), encrypted at rest as the CloudFormation template has it,
 * from gzip-compressed DynamoDB JSON.
 */
export function importTableInput(spec: CollectionSpec, prefix: string, source: ImportSource, encrypted: boolean): ImportTableCommandInput {
  const { TableName, KeySchema, AttributeDefinitions, BillingMode, GlobalSecondaryIndexes } = tableDefinition(spec, prefix);
  return {
    S3BucketSource: { S3Bucket: source.bucket, S3KeyPrefix: source.keyPrefix, ...(source.bucketOwner ? { S3BucketOwner: source.bucketOwner } : {}) },
    InputFormat: 'DYNAMODB_JSON',
    InputCompressionType: 'GZIP',
    TableCreationParameters: {
      TableName, KeySchema, AttributeDefinitions, BillingMode,
      ...(GlobalSecondaryIndexes ? { GlobalSecondaryIndexes } : {}),
      ...(encrypted ? { SSESpecification: { Enabled: true } } : {}),
    },
  };
}

export interface ImportState {
  arn: string;
  status: 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLING' | 'CANCELLED' | 'FAILED';
  processedItems: number;
  processedBytes: number;
  importedItems: number;
  errorCount: number;
  failureCode?: string;
  failureMessage?: string;
}

/** Starts the import; the client token makes a retried start (same input) the same import. */
export async function startImport(clients: DynamoClients, input: ImportTableCommandInput, clientToken: string): Promise<string> {
  const table = input.TableCreationParameters?.TableName;
  try {
    const answer = await clients.client.send(new ImportTableCommand({ ...input, ClientToken: clientToken }));
    return answer.ImportTableDescription!.ImportArn!;
  } catch (error) {
    throw translateDynamoError(error, { where: clients.where, table });
  }
}

export async function describeImport(clients: DynamoClients, arn: string, signal?: AbortSignal): Promise<ImportState> {
  let d;
  try {
    d = (await clients.client.send(new DescribeImportCommand({ ImportArn: arn }), { abortSignal: signal })).ImportTableDescription;
  } catch (error) {
    throw translateDynamoError(error, { where: clients.where });
  }
  return {
    arn,
    status: (d?.ImportStatus ?? 'IN_PROGRESS') as ImportState['status'],
    processedItems: d?.ProcessedItemCount ?? 0,
    processedBytes: d?.ProcessedSizeBytes ?? 0,
    importedItems: d?.ImportedItemCount ?? 0,
    errorCount: d?.ErrorCount ?? 0,
    ...(d?.FailureCode ? { failureCode: d.FailureCode } : {}),
    ...(d?.FailureMessage ? { failureMessage: d.FailureMessage } : {}),
  };
}
