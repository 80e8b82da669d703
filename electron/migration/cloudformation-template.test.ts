import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../shared/catalogue';
import { cloudFormationTemplate } from './cloudformation-template';

interface TableResource {
  Type: string;
  Properties: {
    TableName: string;
    BillingMode: string;
    KeySchema: Array<{ AttributeName: string; KeyType: string }>;
    AttributeDefinitions: Array<{ AttributeName: string; AttributeType: string }>;
    GlobalSecondaryIndexes?: Array<{ IndexName: string; KeySchema: Array<{ AttributeName: string; KeyType: string }>; Projection: { ProjectionType: string } }>;
    PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: boolean };
    SSESpecification: { SSEEnabled: boolean };
  };
}

describe('cloudFormationTemplate', () => {
  const template = JSON.parse(JSON.stringify(cloudFormationTemplate('AlertWhisperer'))) as { AWSTemplateFormatVersion: string; Resources: Record<string, TableResource>; Outputs: Record<string, unknown> };
  const tables = Object.values(template.Resources);

  it('declares the 13 tables with alphanumeric logical ids', () => {
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(tables).toHaveLength(13);
    expect(Object.keys(template.Resources).every((id) => /^[A-Za-z0-9]+$/.test(id))).toBe(true);
    expect(tables.map((t) => t.Properties.TableName).sort()).toEqual(COLLECTIONS.map((c) => `AlertWhisperer_${c.name}`).sort());
    expect(Object.keys(template.Outputs)).toHaveLength(13);
  });

  it('keys every table on id (String), on demand, with PITR and encryption at rest', () => {
    for (const table of tables) {
      expect(table.Type).toBe('AWS::DynamoDB::Table');
      expect(table.Properties.KeySchema).toEqual([{ AttributeName: 'id', KeyType: 'HASH' }]);
      expect(table.Properties.AttributeDefinitions).toContainEqual({ AttributeName: 'id', AttributeType: 'S' });
      expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
      expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true });
      // CloudFormation rejects attribute definitions that no key or index uses.
      const used = new Set([...table.Properties.KeySchema, ...(table.Properties.GlobalSecondaryIndexes ?? []).flatMap((g) => g.KeySchema)].map((k) => k.AttributeName));
      expect(new Set(table.Properties.AttributeDefinitions.map((a) => a.AttributeName))).toEqual(used);
    }
  });

  it("carries the seed guide's GSIs on alerts and incidents", () => {
    const gsis = (name: string) => Object.fromEntries(tables.find((t) => t.Properties.TableName === `AlertWhisperer_${name}`)!.Properties.GlobalSecondaryIndexes!.map((g) => [g.IndexName, g.KeySchema.map((k) => `${k.AttributeName}:${k.KeyType}`)]));
    expect(gsis('alerts')).toEqual({ 'company-timestamp-index': ['company_id:HASH', 'timestamp:RANGE'], 'status-index': ['status:HASH'] });
    expect(gsis('incidents')).toEqual({ 'company-created-index': ['company_id:HASH', 'created_at:RANGE'], 'status-index': ['status:HASH'] });
  });
});
