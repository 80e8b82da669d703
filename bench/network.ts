// `npx tsx bench/network.ts [--docs 100000] [--sequential-docs N] [--firehose-concurrency 32] [--only region,throttled,faults,cpu]`
// The engine on a real-looking network (issue 16): one run, the same local servers behind the
// network harness (Toxiproxy's `region` profile, 10 ms ± 2 ms each way, on both sides; the
// capacity proxy in front of DynamoDB Local), the same generated alerts, every way of copying
// side by side. Prints each result as `name = value`. Targets: region engine/sequential >= 3,
// region engine/firehose >= 0.8, throttled engine/budget >= 0.85 with 0 lost and 0 duplicated,
// faults lost = 0, verify/migrate >= 1.5, cpu engine/sequential <= 1.2.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { collectionSpec, tableName } from '../shared/catalogue';
import { DynamoConnectionSchema } from '../shared/connection';
import { createDynamoClients } from '../electron/adapters/dynamodb/client';
import { ensureTables } from '../electron/adapters/dynamodb/table-admin';
import { connectMongo } from '../electron/adapters/mongodb/connect';
import { convertDocument } from '../electron/migration/convert-document';
import { marshalItem } from '../electron/adapters/dynamodb/marshal-item';
import { readDocuments } from '../electron/adapters/mongodb/read-documents';
import { verifyMigration } from '../electron/migration/verify-migration';
import { loadSampleData } from '../electron/sandbox';
import { startLocalServers } from '../electron/sandbox/servers';
import { writeUnits } from '../electron/sandbox/servers/capacity-model';
import { runEngine, type EngineRun } from './engine-process';
import { steadyRate } from './measure-cli';
import { firehose, firehoseTemplates } from './firehose';
import { sequentialCopy } from './sequential-copy';

const { values } = parseArgs({ options: {
  docs: { type: 'string', default: '100000' },
  // The sequential loop on the region profile is slow; a prefix of the documents gives its rate.
  'sequential-docs': { type: 'string' },
  'firehose-concurrency': { type: 'string', default: '32' },
  'budget-wcu': { type: 'string', default: '2000' },
  // Some sections only, e.g. `--only cpu` (loopback, no harness): the lines of the others are not printed.
  only: { type: 'string', default: 'region,throttled,faults,cpu' },
} });
const SECTIONS = ['region', 'throttled', 'faults', 'cpu'] as const;
const only = new Set(values.only.split(','));
for (const name of only) if (!(SECTIONS as readonly string[]).includes(name)) throw new Error(`--only takes ${SECTIONS.join(', ')}, not ${name}`);
const needsHarness = SECTIONS.some((name) => name !== 'cpu' && only.has(name));
const docs = Number(values.docs);
const sequentialDocs = Math.min(docs, Number(values['sequential-docs'] ?? docs));
const firehoseConcurrency = Number(values['firehose-concurrency']);
const budgetWcu = Number(values['budget-wcu']);
const spec = collectionSpec('alerts')!;
const DATABASE = 'bench';
const PREFIXES = ['NetRegion', 'NetFirehose', 'NetSequential', 'NetThrottled', 'NetFaults', 'NetLoopback', 'NetCpuSequential'] as const;
const perSecond = (count: number, ms: number) => count / (ms / 1000);
const line = (name: string, value: string, note = '') => console.log(`${name} = ${value}${note ? `  (${note})` : ''}`);

console.log(`Node ${process.version}; ${docs} alerts; firehose at ${firehoseConcurrency} in flight; throttled budget ${budgetWcu} WCU`);
const servers = await startLocalServers(() => {}, needsHarness ? { network: 'region' } : {});
// Loopback only (`--only cpu`): the harness's ends are the servers themselves, never used.
const harness = servers.harness ?? { mongoUrl: servers.mongoUrl, dynamoEndpoint: servers.dynamoEndpoint } as NonNullable<typeof servers.harness>;
for (const description of servers.descriptions) console.log(description);
const stateDir = mkdtempSync(join(tmpdir(), 'awc-bench-net-'));
const direct = await connectMongo({ backend: 'mongodb', url: `${servers.mongoUrl}/${DATABASE}` });
const viaHarness = await connectMongo({ backend: 'mongodb', url: `${harness.mongoUrl}/${DATABASE}` });
const clients = (prefix: string, endpoint: string) => createDynamoClients(DynamoConnectionSchema.parse({
  backend: 'dynamodb', region: 'us-east-1', endpoint, tablePrefix: prefix, credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
}));
const engine = (prefix: string, through: 'harness' | 'loopback'): Promise<EngineRun> => runEngine({
  mongoUrl: `${through === 'harness' ? harness.mongoUrl : servers.mongoUrl}/${DATABASE}`,
  endpoint: through === 'harness' ? harness.dynamoEndpoint : servers.dynamoEndpoint,
  stateDir: mkdtempSync(join(stateDir, prefix)), prefix,
});
const engineRate = (run: EngineRun) => perSecond(run.processed, run.elapsedMs);
const describeRun = (name: string, run: EngineRun) => console.log(`  ${name}: ${run.processed} docs in ${(run.elapsedMs / 1000).toFixed(1)}s = ${Math.round(engineRate(run))} docs/s; concurrency ${run.concurrency?.mode ?? '?'} ${run.concurrency?.current ?? '?'} at the end, peak ${run.concurrency?.peak ?? '?'}`);

/** Verify (direct, no harness) of what an engine run left in its tables: missing and extra items. */
async function verifyRun(prefix: string) {
  const target = clients(prefix, servers.dynamoEndpoint);
  try {
    const result = await verifyMigration({ source: direct, target, stateDir }, { collections: ['alerts'] });
    const alerts = result.collections[0]!;
    return { ok: result.ok, lost: alerts.content?.missing.length ?? 0, duplicated: alerts.content?.extra.length ?? 0, different: alerts.content?.different.length ?? 0 };
  } finally {
    target.client.destroy();
  }
}

/** The seed guide's loop: read, convert, write one batch of 25 at a time; CPU seconds of this process. */
async function sequentialRun(source: typeof direct, endpoint: string, prefix: string, limit: number) {
  const target = clients(prefix, endpoint);
  const writer = { doc: target.doc, table: tableName('alerts', prefix), where: target.where };
  const started = Date.now();
  const cpu = process.cpuUsage();
  const { copied, firstBatchAt } = await sequentialCopy(source.db.collection('alerts'), source.config.url, spec, writer, limit);
  const used = process.cpuUsage(cpu);
  const ended = Date.now();
  target.client.destroy();
  // After the first source batch: FerretDB sorts the whole collection before it sends one (see steadyRate).
  const steady = firstBatchAt === undefined ? perSecond(copied, ended - started) : perSecond(copied, ended - firstBatchAt);
  return { copied, ms: ended - started, steady, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** Pre-built items (the first 1000 alerts converted once, under fresh keys) at `concurrency` batches in flight. */
async function firehoseRun(prefix: string, count: number, concurrency: number): Promise<number> {
  const templates = await firehoseTemplates(direct.db.collection('alerts'), direct.config.url, spec);
  const target = clients(prefix, harness.dynamoEndpoint);
  const ms = await firehose(target.doc, tableName('alerts', prefix), templates, count, concurrency);
  target.client.destroy();
  return perSecond(count, ms);
}

/** Average write units of an item in the table's own bucket (the one every item lands in). */
async function unitsPerItem(): Promise<number> {
  let units = 0;
  let items = 0;
  for await (const batch of readDocuments(direct.db.collection('alerts'), { url: direct.config.url })) {
    for (const doc of batch) {
      const conversion = convertDocument(doc, spec);
      if (!conversion.ok) continue;
      units += writeUnits(marshalItem(conversion.item));
      items++;
    }
    if (items >= 2000) break;
  }
  return units / items;
}

const results: Array<[string, string, string]> = [];
const result = (name: string, value: string, note: string) => results.push([name, value, note]);

/** Region profile, no throttling: the adaptive engine, the firehose and the sequential loop; then verify. */
async function regionSection(): Promise<void> {
  console.log('\nRegion profile, no throttling:');
  const region = await engine('NetRegion', 'harness');
  describeRun('engine (adaptive)', region);
  const firehoseRate = await firehoseRun('NetFirehose', region.processed, firehoseConcurrency);
  console.log(`  firehose at ${firehoseConcurrency} in flight: ${Math.round(firehoseRate)} docs/s`);
  const sequential = await sequentialRun(viaHarness, harness.dynamoEndpoint, 'NetSequential', sequentialDocs);
  const sequentialRate = perSecond(sequential.copied, sequential.ms);
  console.log(`  sequential loop: ${sequential.copied} docs in ${(sequential.ms / 1000).toFixed(1)}s = ${Math.round(sequentialRate)} docs/s; ${Math.round(sequential.steady)} docs/s after its first source batch`);
  console.log(`  engine after its first source batch: ${Math.round(steadyRate(region))} docs/s (before it, FerretDB sorts the collection, and the engine's start-of-copy snapshot sorts it once more)`);

  // Verify through the same harness: reads pay the same round trips as the writes did.
  const verifyTarget = clients('NetRegion', harness.dynamoEndpoint);
  const started = Date.now();
  const verified = await verifyMigration({ source: viaHarness, target: verifyTarget, stateDir }, { collections: ['alerts'] });
  const verifyRate = perSecond(verified.collections[0]!.sourceCount, Date.now() - started);
  verifyTarget.client.destroy();
  console.log(`  verify: ${verified.collections[0]!.sourceCount} docs = ${Math.round(verifyRate)} docs/s, ${verified.ok ? 'clean' : 'NOT clean'}`);
  // Both sides counted after their first source batch, as bench:export does: the wait before it is
  // FerretDB's sort of the whole collection (an index walk on MongoDB); the whole-run ratio is printed beside it.
  result('region engine/sequential', (steadyRate(region) / sequential.steady).toFixed(2), `target >= 3; whole run ${(engineRate(region) / sequentialRate).toFixed(2)}`);
  // The firehose writes pre-built items and reads no source: the engine is compared from its first source batch on.
  result('region engine/firehose', (steadyRate(region) / firehoseRate).toFixed(2), `target >= 0.8; whole run ${(engineRate(region) / firehoseRate).toFixed(2)}`);
  result('verify/migrate', (verifyRate / engineRate(region)).toFixed(2), 'target >= 1.5');
}

/** Region profile under a write budget per table and GSI: items/s over what the budget admits. */
async function throttledSection(): Promise<void> {
  console.log(`\nRegion profile, ${budgetWcu} WCU per table and per GSI:`);
  harness.capacity({ wcu: budgetWcu, burstSeconds: 1 });
  const before = harness.stats();
  const throttled = await engine('NetThrottled', 'harness');
  const throttledRequests = harness.stats().throttled - before.throttled;
  const unprocessed = harness.stats().unprocessedItems - before.unprocessedItems;
  harness.capacity({ wcu: Infinity });
  describeRun('engine (adaptive)', throttled);
  const budgetRate = budgetWcu / (await unitsPerItem());
  const check = await verifyRun('NetThrottled');
  console.log(`  the budget admits ${Math.round(budgetRate)} items/s; ${throttledRequests} throttled requests, ${unprocessed} items returned unprocessed`);
  result('throttled engine/budget', (engineRate(throttled) / budgetRate).toFixed(2), `target >= 0.85; lost ${check.lost}, duplicated ${check.duplicated}, different ${check.different}, verify ${check.ok ? 'clean' : 'NOT clean'}; ${throttledRequests} throttled requests`);
}

/** Region profile with resets, 500s and partial batches injected: nothing may be lost. */
async function faultsSection(): Promise<void> {
  console.log('\nRegion profile with faults (2% 500s, 10% of items unprocessed, connections reset every 2 s):');
  harness.capacity({ errorRate: 0.02, unprocessedRate: 0.1, seed: 16 });
  const resets = setInterval(() => {
    void harness.fault('reset', { ms: 0 }).then(async (clear) => { await new Promise((r) => setTimeout(r, 50)); await clear(); }).catch(() => {});
  }, 2000);
  const faulty = await engine('NetFaults', 'harness').finally(() => clearInterval(resets));
  harness.capacity({ errorRate: 0, unprocessedRate: 0 });
  await harness.clearFaults();
  const faultStats = harness.stats();
  describeRun('engine (adaptive)', faulty);
  const check = await verifyRun('NetFaults');
  console.log(`  so far: ${faultStats.internalErrors} 500s, ${faultStats.unprocessedItems} unprocessed items in all runs`);
  result('faults lost', String(check.lost), `target 0; duplicated ${check.duplicated}, verify ${check.ok ? 'clean' : 'NOT clean'}`);
}

/** Loopback, no harness: CPU seconds per document of the engine's process over the sequential loop's. */
async function cpuSection(): Promise<void> {
  console.log('\nLoopback (no harness), CPU:');
  const loopback = await engine('NetLoopback', 'loopback');
  describeRun('engine (adaptive)', loopback);
  const cpuSequential = await sequentialRun(direct, servers.dynamoEndpoint, 'NetCpuSequential', docs);
  const engineCpu = loopback.cpuSeconds / loopback.processed;
  const sequentialCpu = cpuSequential.cpuSeconds / cpuSequential.copied;
  console.log(`  engine ${(engineCpu * 1e6).toFixed(0)} µs CPU/doc; sequential loop ${(sequentialCpu * 1e6).toFixed(0)} µs CPU/doc (${Math.round(perSecond(cpuSequential.copied, cpuSequential.ms))} docs/s)`);
  result('cpu engine/sequential', (engineCpu / sequentialCpu).toFixed(2), 'target <= 1.2');
}

try {
  const started = Date.now();
  await loadSampleData(direct.db, { alerts: docs, collections: ['alerts'] });
  console.log(`Loaded ${docs} alerts in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  const admin = clients('NetAdmin', servers.dynamoEndpoint);
  // Tables exist before each timed run, so table creation is timed for none of them.
  for (const prefix of PREFIXES) await ensureTables(admin, [spec], prefix);
  admin.client.destroy();
  if (only.has('region')) await regionSection();
  if (only.has('throttled')) await throttledSection();
  if (only.has('faults')) await faultsSection();
  if (only.has('cpu')) await cpuSection();
  console.log('');
  const order = ['region engine/sequential', 'region engine/firehose', 'throttled engine/budget', 'faults lost', 'verify/migrate', 'cpu engine/sequential'];
  for (const [name, value, note] of results.sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))) line(name, value, note);
} finally {
  await direct.client.close();
  await viaHarness.client.close();
  await servers.stop();
  rmSync(stateDir, { recursive: true, force: true });
}
