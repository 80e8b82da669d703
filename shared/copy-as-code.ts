import { toAttributeValue } from './attribute-value';
import type { PlannedDynamoRead, PlannedMongoRead } from './planned-read';

/**
 * "Copy as code": the read the console plans, as a command or program a user can run on their
 * own. Pure functions of the planned read (planned-read.ts) and where the table lives.
 */

/** Where the DynamoDB tables are, so the command reaches the same ones. */
export interface DynamoTarget { region?: string; endpoint?: string }

/** One POSIX shell word: single-quoted unless it is plainly safe. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

const CLI_OPERATION = { GetItem: 'get-item', Query: 'query', Scan: 'scan' } as const;

function cliArguments(params: Record<string, unknown>): [string, string][] {
  const values = params.ExpressionAttributeValues as Record<string, unknown> | undefined;
  const args: [string, string | undefined][] = [
    ['--table-name', params.TableName as string],
    ['--index-name', params.IndexName as string | undefined],
    ['--key', params.Key ? JSON.stringify(Object.fromEntries(Object.entries(params.Key).map(([k, v]) => [k, toAttributeValue(v)]))) : undefined],
    ['--key-condition-expression', params.KeyConditionExpression as string | undefined],
    ['--filter-expression', params.FilterExpression as string | undefined],
    ['--expression-attribute-names', params.ExpressionAttributeNames ? JSON.stringify(params.ExpressionAttributeNames) : undefined],
    ['--expression-attribute-values', values ? JSON.stringify(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, toAttributeValue(v)]))) : undefined],
  ];
  return args.filter((a): a is [string, string] => a[1] !== undefined);
}

/** `aws dynamodb query --table-name … --key-condition-expression … --expression-attribute-values '…'`. */
export function awsCliCommand(read: PlannedDynamoRead, target: DynamoTarget = {}): string {
  if (read.operation === 'None') return '# The filter can match nothing: the console sends no request.';
  const words = ['aws', 'dynamodb', CLI_OPERATION[read.operation]];
  for (const [flag, value] of cliArguments(read.params)) words.push(flag, shellQuote(value));
  if (read.operation === 'Query' && read.params.ScanIndexForward === false) words.push('--no-scan-index-forward');
  // --max-items counts items returned (the CLI pages for it); a request's Limit counts items read.
  if (read.operation !== 'GetItem' && read.limit && !read.sortInMemory) words.push('--max-items', String(read.limit));
  if (target.region) words.push('--region', shellQuote(target.region));
  if (target.endpoint) words.push('--endpoint-url', shellQuote(target.endpoint));
  return words.join(' ');
}

const SDK_COMMAND = { GetItem: 'GetCommand', Query: 'QueryCommand', Scan: 'ScanCommand' } as const;

/** The parameters the SDK form sends: the planned request as lib-dynamodb's document client takes it. */
export function sdkParams(read: PlannedDynamoRead): Record<string, unknown> {
  return read.params;
}

/** JavaScript (ES module) with @aws-sdk/client-dynamodb and lib-dynamodb that sends the planned request. */
export function sdkJavaScript(read: PlannedDynamoRead, target: DynamoTarget = {}): string {
  if (read.operation === 'None') return '// The filter can match nothing: the console sends no request.';
  const command = SDK_COMMAND[read.operation];
  const clientConfig = JSON.stringify({ ...(target.region ? { region: target.region } : {}), ...(target.endpoint ? { endpoint: target.endpoint } : {}) });
  const answer = read.operation === 'GetItem' ? 'Item' : 'Items, LastEvaluatedKey';
  const lines = [
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
    `import { DynamoDBDocumentClient, ${command} } from '@aws-sdk/lib-dynamodb';`,
    '',
    `const client = DynamoDBDocumentClient.from(new DynamoDBClient(${clientConfig}));`,
    `const { ${answer} } = await client.send(new ${command}(${JSON.stringify(sdkParams(read), null, 2)}));`,
  ];
  if (read.operation !== 'GetItem') lines.push('// One request reads at most 1 MB: send again with ExclusiveStartKey: LastEvaluatedKey until it is undefined.');
  if (read.sortInMemory) lines.push(`// The console then sorts every match by ${read.sortInMemory.map(([f, d]) => `${f} ${d === 1 ? 'ascending' : 'descending'}`).join(', ')}: no index gives this order.`);
  return `${lines.join('\n')}\n`;
}

/** `db.alerts.find({…}, {…}).sort({…}).limit(n)`, as mongosh takes it. */
export function mongoshLine(read: PlannedMongoRead): string {
  const collection = /^[A-Za-z_][A-Za-z0-9_]*$/.test(read.collection) ? `db.${read.collection}` : `db.getCollection(${JSON.stringify(read.collection)})`;
  const args = [JSON.stringify(read.filter), ...(read.projection ? [JSON.stringify(read.projection)] : [])];
  const sort = read.sort?.length ? `.sort(${JSON.stringify(Object.fromEntries(read.sort))})` : '';
  const limit = read.limit ? `.limit(${read.limit})` : '';
  return `${collection}.find(${args.join(', ')})${sort}${limit}`;
}
