import type { SwitchVariable } from '../../../shared/cutover';
import type { MigrationContext } from '../context';

const LOOPBACK = /^https?:\/\/(127\.|localhost[:/]|localhost$|\[::1\])/;

/**
 * What to set in the application's environment (`backend/.env` in its guide) to run it on the
 * migrated tables: its own variable names, the target connection's values. Credentials are never
 * listed: the application keeps the AWS credentials it is given (an instance role, or keys its
 * operator sets), and the console does not show a secret.
 */
export function switchVariables(ctx: MigrationContext): SwitchVariable[] {
  const { region, tablePrefix, endpoint } = ctx.target.config;
  return [
    { name: 'DATABASE_TYPE', value: 'dynamodb', note: 'was mongodb (the default)' },
    { name: 'AWS_REGION', value: region ?? 'us-east-1' },
    { name: 'DYNAMODB_TABLE_PREFIX', value: tablePrefix },
    ...(endpoint ? [{ name: 'AWS_ENDPOINT_URL_DYNAMODB', value: endpoint, note: LOOPBACK.test(endpoint) ? 'a DynamoDB on this machine, such as the sandbox\'s DynamoDB Local: not for production' : 'the target connection\'s own endpoint' }] : []),
  ];
}
