// `npx tsx bench/migrate.ts [--docs 100000] [--concurrency 4] [--sequential-docs N] [--engine-node-options '...']`
// One run, same local servers, same collection of generated alerts, three ways of copying:
//   engine     the migration engine (read by _id → convert → batch → N batches in flight → checkpoint)
//   firehose   BatchWriteItem of pre-built items at the same concurrency, no source reads at all
//   sequential read, convert, write one batch of 25 at a time (the seed guide's way)
// Targets (DESIGN.md): engine/firehose >= 0.8, engine/sequential >= 2.5, peak RSS < 300 MB at 1,000,000.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { collectionSpec, tableName } from '../shared/catalogue';
import { DynamoConnectionSchema } from '../shared/connection';
import { createDynamoClients } from '../electron/adapters/dynamodb/client';
import { ensureTables } from '../electron/adapters/dynamodb/table-admin';
import { connectMongo } from '../electron/adapters/mongodb/connect';
import { loadSampleData } from '../electron/sandbox';
import { startLocalServers } from '../electron/sandbox/servers';
import { runEngine } from './engine-process';
import { firehose, firehoseTemplates } from './firehose';
import { sequentialCopy } from './sequential-copy';

const { values } = parseArgs({ options: {
  docs: { type: 'string', default: '100000' },
  concurrency: { type: 'string', default: '4' },
  // Fewer than --docs makes the run shorter; the whole-run sequential ratio is then not comparable.
  'sequential-docs': { type: 'string' },
  // V8 flags of the engine process: by default those of `npm run cli` (see package.json).
  'engine-node-options': { type: 'string', default: '--max-semi-space-size=8' },
} });
const docs = Number(values.docs);
const concurrency = Number(values.concurrency);
const sequentialDocs = Math.min(docs, Number(values['sequential-docs'] ?? docs));
const spec = collectionSpec('alerts')!;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const rate = (count: number, ms: number) => Math.round(count / (ms / 1000));

console.log(`Node ${process.version}; ${docs} alerts; concurrency ${concurrency}${values['engine-node-options'] ? `; engine node options ${values['engine-node-options']}` : ''}`);
const servers = await startLocalServers();
for (const line of servers.descriptions) console.log(line);
const stateDir = mkdtempSync(join(tmpdir(), 'awc-bench-'));
const source = await connectMongo({ backend: 'mongodb', url: `${servers.mongoUrl}/bench` });
const clients = (prefix: string) => createDynamoClients(DynamoConnectionSchema.parse({
  backend: 'dynamodb', region: 'us-east-1', endpoint: servers.dynamoEndpoint, tablePrefix: prefix, credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
}));
try {
  let started = Date.now();
  await loadSampleData(source.db, { alerts: docs, collections: ['alerts'] });
  console.log(`Loaded ${docs} alerts in ${((Date.now() - started) / 1000).toFixed(1)}s`);

  // Tables exist before each timed run, so table creation is timed for none of them.
  const engineTarget = clients('BenchEngine');
  const firehoseTarget = clients('BenchFirehose');
  const sequentialTarget = clients('BenchSequential');
  for (const [target, prefix] of [[engineTarget, 'BenchEngine'], [firehoseTarget, 'BenchFirehose'], [sequentialTarget, 'BenchSequential']] as const) {
    await ensureTables(target, [spec], prefix);
  }

  const engine = await runEngine({ mongoUrl: `${servers.mongoUrl}/bench`, endpoint: servers.dynamoEndpoint, stateDir, prefix: 'BenchEngine', concurrency, nodeOptions: values['engine-node-options'] });
  const engineProcessed = engine.processed;
  const engineRate = rate(engineProcessed, engine.elapsedMs);
  console.log(`engine:     ${engineProcessed} docs in ${(engine.elapsedMs / 1000).toFixed(1)}s = ${engineRate} docs/s; ${engine.firstBatchMs === undefined ? '' : `${rate(engineProcessed - engine.processedAtFirst, engine.elapsedMs - engine.firstBatchMs)} docs/s after the first source batch arrived (${(engine.firstBatchMs / 1000).toFixed(1)}s)`}`);

  // Pre-built items: the first 1000 alerts converted once, repeated under fresh keys.
  const templates = await firehoseTemplates(source.db.collection('alerts'), source.config.url, spec);
  const firehoseMs = await firehose(firehoseTarget.doc, tableName('alerts', 'BenchFirehose'), templates, engineProcessed, concurrency);
  const firehoseRate = rate(engineProcessed, firehoseMs);
  console.log(`firehose:   ${engineProcessed} docs in ${(firehoseMs / 1000).toFixed(1)}s = ${firehoseRate} docs/s`);

  const sequential = { doc: sequentialTarget.doc, table: tableName('alerts', 'BenchSequential'), where: sequentialTarget.where };
  started = Date.now();
  const { copied, firstBatchAt: sequentialFirst } = await sequentialCopy(source.db.collection('alerts'), source.config.url, spec, sequential, sequentialDocs);
  const sequentialMs = Date.now() - started;
  const sequentialRate = rate(copied, sequentialMs);
  const sequentialSteady = rate(copied, Date.now() - sequentialFirst!);
  console.log(`sequential: ${copied} docs in ${(sequentialMs / 1000).toFixed(1)}s = ${sequentialRate} docs/s; ${sequentialSteady} docs/s after the first source batch arrived (${((sequentialFirst! - started) / 1000).toFixed(1)}s)${copied < docs ? ` (first ${copied} documents only, to keep the run short)` : ''}`);

  const engineSteady = engine.firstBatchMs === undefined ? engineRate : rate(engineProcessed - engine.processedAtFirst, engine.elapsedMs - engine.firstBatchMs);
  const ratio = (name: string, value: number, target: number) => console.log(`${name} = ${value.toFixed(2)}  (target >= ${target.toFixed(2)}) ${value >= target ? 'met' : 'NOT met'}`);
  console.log('\nWhole runs (including the source server wait before its first sorted batch):');
  ratio('  engine / firehose  ', engineRate / firehoseRate, 0.8);
  if (copied === docs) ratio('  engine / sequential', engineRate / sequentialRate, 2.5);
  else console.log(`  engine / sequential   not comparable: the sequential copy stopped after ${copied} documents`);
  console.log('After the first source batch arrived:');
  ratio('  engine / firehose  ', engineSteady / firehoseRate, 0.8);
  ratio('  engine / sequential', engineSteady / sequentialSteady, 2.5);
  console.log(`peak RSS of the engine process (the CLI's migrate-collection): ${mb(engine.peakRss)} (target < 300 MB at 1,000,000)`);
  for (const target of [engineTarget, firehoseTarget, sequentialTarget]) target.client.destroy();
} finally {
  await source.client.close();
  await servers.stop();
  rmSync(stateDir, { recursive: true, force: true });
}
