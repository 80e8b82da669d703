/**
 * The Alert Whisperer collections (the seed guide's list) and the DynamoDB table each maps to.
 * Every table is keyed on `id` (String) with on-demand billing; alerts and incidents carry the
 * seed guide's global secondary indexes.
 */
export interface IndexKey {
  attribute: string;
  type: 'S' | 'N';
}

export interface SecondaryIndex {
  name: string;
  partitionKey: IndexKey;
  sortKey?: IndexKey;
}

export interface CollectionSpec {
  name: string;
  description: string;
  /** The table's partition key: always `id`, a string. */
  key: IndexKey;
  indexes: SecondaryIndex[];
}

const ID: IndexKey = { attribute: 'id', type: 'S' };
const STATUS_INDEX: SecondaryIndex = { name: 'status-index', partitionKey: { attribute: 'status', type: 'S' } };

const spec = (name: string, description: string, indexes: SecondaryIndex[] = []): CollectionSpec => ({ name, description, key: ID, indexes });

export const COLLECTIONS: readonly CollectionSpec[] = [
  spec('companies', 'Company/client data'),
  spec('users', 'User accounts'),
  spec('alerts', 'Alert data from monitoring tools', [
    { name: 'company-timestamp-index', partitionKey: { attribute: 'company_id', type: 'S' }, sortKey: { attribute: 'timestamp', type: 'S' } },
    STATUS_INDEX,
  ]),
  spec('incidents', 'Correlated incidents', [
    { name: 'company-created-index', partitionKey: { attribute: 'company_id', type: 'S' }, sortKey: { attribute: 'created_at', type: 'S' } },
    STATUS_INDEX,
  ]),
  spec('runbooks', 'Automation runbooks'),
  spec('notifications', 'User notifications'),
  spec('chat_messages', 'Chat messages'),
  spec('audit_logs', 'System audit trail'),
  spec('correlation_config', 'Correlation settings'),
  spec('webhook_security_config', 'Webhook security'),
  spec('rate_limit_config', 'Rate limiting settings'),
  spec('sla_config', 'SLA configuration'),
  spec('aws_credentials', 'Encrypted AWS credentials'),
];

/** Every table is encrypted at rest (the seed's best practice): CloudFormation and ImportTable both ask for it. */
export const TABLES_ENCRYPTED_AT_REST = true;

export const COLLECTION_NAMES = COLLECTIONS.map((c) => c.name);

export const DEFAULT_TABLE_PREFIX = 'AlertWhisperer';

export function collectionSpec(name: string): CollectionSpec | undefined {
  return COLLECTIONS.find((c) => c.name === name);
}

/**
 * The DynamoDB table name of a collection: `<prefix>_<collection>`, e.g. `AlertWhisperer_alerts`.
 * An empty prefix gives the bare collection name.
 */
export function tableName(collection: string, prefix: string = DEFAULT_TABLE_PREFIX): string {
  return prefix ? `${prefix}_${collection}` : collection;
}
