/**
 * Browse benchmark: the first page of 50 from 100,000 alerts on each backend, for filters an
 * index serves and one it does not, through the adapters exactly as the console calls them.
 *
 *   npx tsx bench/browse.ts            (ALERTS=20000 RUNS=20 for a quicker look)
 *
 * Starts its own local servers (FerretDB v1 on SQLite, DynamoDB Local), bulk-loads the data
 * directly (insertMany / BatchWriteItem), creates the MongoDB indexes the seed application would
 * ({company_id, timestamp} and {status}), then times each query RUNS times after a warm-up.
 */
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { collectionSpec, tableName } from '../shared/catalogue';
import { DynamoConnectionSchema, type Connection } from '../shared/connection';
import type { QueryPlan } from '../shared/database';
import type { Filter } from '../shared/query';
import { parseItemFilter } from '../electron/adapters/dynamodb/item-scalar';
import { createAdapter, type DatabaseAdapter } from '../electron/adapters';
import { createDynamoClients } from '../electron/adapters/dynamodb/client';
import { ExpressionBuilder, buildExpression } from '../electron/adapters/dynamodb/build-expression';
import { ensureTables } from '../electron/adapters/dynamodb/table-admin';
import { startLocalServers } from '../electron/sandbox/servers';

const ALERTS = Number(process.env.ALERTS ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 50);
const PAGE = 50;
const COMPANIES = 20;
const START = Date.UTC(2026, 0, 1);
const STEP_MS = 30_000;

function alert(i: number) {
  return {
    id: `alert-${String(i).padStart(7, '0')}`,
    company_id: `company-${String(i % COMPANIES).padStart(2, '0')}`,
    status: ['open', 'acknowledged', 'investigating', 'resolved'][Math.floor(i / 7) % 4]!,
    severity: ['low', 'medium', 'high', 'critical'][Math.floor(i / 3) % 4]!,
    source: ['datadog', 'grafana', 'cloudwatch'][i % 3]!,
    message: `CPU usage above threshold on host-${i % 500}`,
    timestamp: new Date(START + i * STEP_MS).toISOString(),
  };
}

const at = (fraction: number) => new Date(START + Math.floor(ALERTS * fraction) * STEP_MS).toISOString();
const QUERIES: { name: string; filter: Filter }[] = [
  { name: 'company + timestamp range (indexed)', filter: { company_id: 'company-07', timestamp: { $gte: at(0.5), $lt: at(0.6) } } },
  { name: 'status (indexed)', filter: { status: 'investigating' } },
  { name: 'severity (not indexed)', filter: { severity: 'critical' } },
];

async function loadMongo(url: string, database: string): Promise<() => Promise<void>> {
  const client = await new MongoClient(url).connect();
  const alerts = client.db(database).collection('alerts');
  for (let i = 0; i < ALERTS; i += 1000) {
    await alerts.insertMany(Array.from({ length: Math.min(1000, ALERTS - i) }, (_, j) => alert(i + j)), { ordered: false });
  }
  await alerts.createIndex({ company_id: 1, timestamp: 1 });
  await alerts.createIndex({ status: 1 });
  return async () => { await client.db(database).dropDatabase(); await client.close(); };
}

async function batchWrite(doc: DynamoDBDocumentClient, table: string, items: Record<string, unknown>[]): Promise<void> {
  let pending = items.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
    const response = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
    pending = (response.UnprocessedItems?.[table] ?? []) as typeof pending;
  }
}

async function loadDynamo(connection: Extract<Connection, { backend: 'dynamodb' }>): Promise<{ cleanup: () => Promise<void>; fullScan: (filter: Filter) => Promise<number> }> {
  const clients = createDynamoClients(connection);
  await ensureTables(clients, [collectionSpec('alerts')!], connection.tablePrefix);
  const table = tableName('alerts', connection.tablePrefix);
  const starts = Array.from({ length: Math.ceil(ALERTS / 25) }, (_, k) => k * 25);
  await Promise.all(Array.from({ length: 8 }, async () => {
    for (let i = starts.shift(); i !== undefined; i = starts.shift()) {
      const first = i;
      await batchWrite(clients.doc, table, Array.from({ length: Math.min(25, ALERTS - first) }, (_, j) => alert(first + j)));
    }
  }));
  return {
    cleanup: async () => { await clients.client.send(new DeleteTableCommand({ TableName: table })); clients.client.destroy(); },
    // The baseline: the same filter answered the way a Scan-only tool does, reading the whole table.
    fullScan: async (filter) => {
      const b = new ExpressionBuilder();
      const expression = buildExpression(parseItemFilter(filter), b) as string;
      let start: Record<string, unknown> | undefined;
      let matched = 0;
      do {
        const response = await clients.doc.send(new ScanCommand({ TableName: table, FilterExpression: expression, ...b.attributes(expression), ...(start ? { ExclusiveStartKey: start } : {}) }));
        matched += response.Count ?? 0;
        start = response.LastEvaluatedKey;
      } while (start);
      return matched;
    },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Row { backend: string; query: string; plan: string; p50: number; p95: number; scanned: string; returned: number }

async function measure(backend: string, adapter: DatabaseAdapter, query: { name: string; filter: Filter }): Promise<Row> {
  let plan: QueryPlan | undefined;
  for (let i = 0; i < 3; i++) plan = (await adapter.find('alerts', query.filter, { limit: PAGE })).plan;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    plan = (await adapter.find('alerts', query.filter, { limit: PAGE })).plan;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    backend, query: query.name, plan: `${plan!.operation}${plan!.index ? ` on ${plan!.index}` : ''}`,
    p50: percentile(times, 50), p95: percentile(times, 95),
    scanned: plan!.itemsScanned === undefined ? 'n/a' : String(plan!.itemsScanned), returned: plan!.itemsReturned,
  };
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

async function main(): Promise<void> {
  const servers = await startLocalServers((line) => console.log(line));
  const cleanups: (() => Promise<void>)[] = [];
  try {
    for (const line of servers.descriptions) console.log(line);
    const suffix = randomBytes(3).toString('hex');
    const mongoConnection: Connection = { backend: 'mongodb', url: servers.mongoUrl, database: `bench_browse_${suffix}` };
    const dynamoConnection = DynamoConnectionSchema.parse({
      backend: 'dynamodb', endpoint: servers.dynamoEndpoint, region: 'us-east-1', tablePrefix: `BenchBrowse_${suffix}`,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });

    console.log(`Loading ${ALERTS.toLocaleString('en-US')} alerts into each backend...`);
    const [mongoLoad, mongoCleanup] = await timed(() => loadMongo(servers.mongoUrl, mongoConnection.database!));
    cleanups.push(mongoCleanup);
    const [dynamoLoad, dynamo] = await timed(() => loadDynamo(dynamoConnection));
    cleanups.push(dynamo.cleanup);
    console.log(`Loaded: MongoDB side ${(mongoLoad / 1000).toFixed(1)} s (insertMany), DynamoDB side ${(dynamoLoad / 1000).toFixed(1)} s (BatchWriteItem)`);

    const rows: Row[] = [];
    for (const [backend, connection] of [['MongoDB (FerretDB)', mongoConnection], ['DynamoDB Local', dynamoConnection]] as const) {
      const adapter = await createAdapter(connection);
      cleanups.push(() => adapter.close());
      for (const query of QUERIES) rows.push(await measure(backend, adapter, query));
    }

    console.log(`\nFirst page of ${PAGE} from ${ALERTS.toLocaleString('en-US')} alerts, ${RUNS} runs each (ms):\n`);
    const header = ['backend', 'query', 'plan', 'p50', 'p95', 'items scanned', 'returned'];
    const table = rows.map((r) => [r.backend, r.query, r.plan, r.p50.toFixed(1), r.p95.toFixed(1), r.scanned, String(r.returned)]);
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
    for (const row of [header, widths.map((w) => '-'.repeat(w)), ...table]) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));

    const nonIndexed = QUERIES[2]!;
    const scans: number[] = [];
    let matched = 0;
    for (let i = 0; i < 5; i++) {
      const [ms, count] = await timed(() => dynamo.fullScan(nonIndexed.filter));
      scans.push(ms);
      matched = count;
    }
    scans.sort((a, b) => a - b);
    const pageP50 = rows.find((r) => r.backend === 'DynamoDB Local' && r.query === nonIndexed.name)!.p50;
    const indexedP50 = rows.find((r) => r.backend === 'DynamoDB Local' && r.query === QUERIES[0]!.name)!.p50;
    const scanP50 = percentile(scans, 50);
    console.log(`\nBaseline, DynamoDB: ${nonIndexed.name} forced as a full Scan of the table (${matched.toLocaleString('en-US')} matches, ${ALERTS.toLocaleString('en-US')} items read), p50 of 5: ${scanP50.toFixed(0)} ms`);
    console.log(`  = ${(scanP50 / pageP50).toFixed(0)}x the planner's first page for the same filter, ${(scanP50 / indexedP50).toFixed(0)}x its indexed first page`);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error('cleanup failed:', error));
    await servers.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
