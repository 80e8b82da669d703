/**
 * The catalogue's typed fields: where the Alert Whisperer data holds a BSON type that a DynamoDB
 * item cannot show (the README's mapping table writes a Date as its ISO-8601 string and a Long as
 * a plain number). The way back (DynamoDB → MongoDB) restores these by name; every other field
 * keeps the type its DynamoDB value suggests. Paths are dotted; `*` stands for any array index.
 * adapters/mongodb/restore-document.test.ts round-trips the sample data's generators through it.
 */
export type RestoredType = 'date' | 'long';

const dates = (...paths: string[]) => Object.fromEntries(paths.map((p) => [p, 'date' as const]));

export const FIELD_TYPES: Readonly<Record<string, Readonly<Record<string, RestoredType>>>> = {
  companies: dates('created_at', 'api_key_created_at'),
  users: dates('created_at', 'last_login'),
  alerts: { ...dates('timestamp', 'resolved_at'), 'metrics.event_sequence': 'long' },
  incidents: dates('created_at', 'updated_at', 'sla.response_due', 'notes.*.at'),
  runbooks: dates('created_at'),
  notifications: dates('created_at'),
  chat_messages: dates('timestamp'),
  audit_logs: dates('timestamp'),
  correlation_config: dates('updated_at'),
  webhook_security_config: dates('created_at'),
  rate_limit_config: dates('updated_at'),
  sla_config: {},
  aws_credentials: dates('created_at', 'last_used'),
};
