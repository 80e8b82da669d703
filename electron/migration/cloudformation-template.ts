import { COLLECTIONS, TABLES_ENCRYPTED_AT_REST } from '../../shared/catalogue';
import { tableDefinition } from '../adapters/dynamodb/table-admin';

/** `chat_messages` → `ChatMessagesTable`: CloudFormation logical ids are alphanumeric. */
function logicalId(collection: string): string {
  return `${collection.split('_').map((part) => part[0]!.toUpperCase() + part.slice(1)).join('')}Table`;
}

/**
 * The seed's `dynamodb_tables.json`: the 13 tables from the same definitions the migration
 * creates (key, GSIs, on-demand billing), plus the seed's best practices: point-in-time
 * recovery and encryption at rest.
 */
export function cloudFormationTemplate(prefix: string): Record<string, unknown> {
  const resources = Object.fromEntries(COLLECTIONS.map((spec) => {
    const definition = tableDefinition(spec, prefix);
    return [logicalId(spec.name), {
      Type: 'AWS::DynamoDB::Table',
      Properties: {
        TableName: definition.TableName,
        AttributeDefinitions: definition.AttributeDefinitions,
        KeySchema: definition.KeySchema,
        BillingMode: definition.BillingMode,
        ...(definition.GlobalSecondaryIndexes ? { GlobalSecondaryIndexes: definition.GlobalSecondaryIndexes } : {}),
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: TABLES_ENCRYPTED_AT_REST },
        Tags: [{ Key: 'Application', Value: 'AlertWhisperer' }, { Key: 'Collection', Value: spec.name }],
      },
    }];
  }));
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Alert Whisperer DynamoDB tables (prefix ${prefix}): on-demand billing, point-in-time recovery, encryption at rest`,
    Resources: resources,
    Outputs: Object.fromEntries(Object.keys(resources).map((id) => [`${id}Name`, { Value: { Ref: id } }])),
  };
}
