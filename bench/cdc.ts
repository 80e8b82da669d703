// `npm run bench:cdc [-- --rate 200 --seconds 30 --backlog 3000 --oplog-mb 8]`
// Change capture on the local servers (FerretDB with its oplog, DynamoDB Local):
//   cdc lag p95 (s)             a writer makes --rate changes a second (inserts, updates, deletes of
//                               alerts) for --seconds after a full load; each change's delay from its
//                               write to its apply in DynamoDB, 95th percentile (target < 2 s)
//   cdc apply rate (changes/s)  with the follower stopped, --backlog changes are written at once;
//                               then the follower drains them: changes applied a second
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoConnectionSchema } from '../shared/connection';
import { createDynamoClients } from '../electron/adapters/dynamodb/client';
import { connectMongo } from '../electron/adapters/mongodb/connect';
import { followHooks, startFollowing } from '../electron/migration/change-capture';
import { startMigration } from '../electron/migration/migration-job';
import { loadSampleData } from '../electron/sandbox';
import { startLiveWriter } from '../electron/sandbox/live-writer';
import { startLocalServers } from '../electron/sandbox/servers';

const { values } = parseArgs({ options: {
  rate: { type: 'string', default: '200' },
  seconds: { type: 'string', default: '30' },
  backlog: { type: 'string', default: '3000' },
  'oplog-mb': { type: 'string', default: '8' },
} });
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const backlog = Number(values.backlog);
const WARM_UP_MS = 5000;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const servers = await startLocalServers((line) => console.error(line), { oplogBytes: Number(values['oplog-mb']) * 1024 * 1024 });
const stateDir = mkdtempSync(join(tmpdir(), 'awc-bench-cdc-'));
const source = await connectMongo({ backend: 'mongodb', url: `${servers.mongoUrl}/benchcdc` });
const target = createDynamoClients(DynamoConnectionSchema.parse({ backend: 'dynamodb', endpoint: servers.dynamoEndpoint, region: 'us-east-1', tablePrefix: 'BenchCdc', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
const ctx = { source, target, stateDir };
try {
  await loadSampleData(source.db, { alerts: 500, seed: 5 });
  const loaded = await startMigration(ctx, { collections: ['alerts'], concurrency: 4 }, followHooks(ctx)).done;
  if (loaded.state !== 'completed') throw new Error(`full load ${loaded.state}: ${loaded.error?.message}`);

  const delays: number[] = [];
  let measuring = false;
  const follower = startFollowing(ctx, { onApplied: (d) => { if (measuring) delays.push(...d); } });
  const writer = await startLiveWriter(source.db, rate);
  await sleep(WARM_UP_MS);
  measuring = true;
  const before = writer.counts();
  await sleep(seconds * 1000);
  const after = writer.counts();
  await writer.stop();
  await follower.drained();
  measuring = false;
  follower.stop();
  const steady = await follower.done;
  if (steady.error) throw new Error(steady.error.message);
  const written = Object.values(after).reduce((a, b) => a + b, 0) - Object.values(before).reduce((a, b) => a + b, 0);
  delays.sort((a, b) => a - b);
  console.log(`writer: ${(written / seconds).toFixed(0)} changes/s achieved of ${rate}; ${delays.length} changes measured`);
  console.log(`cdc lag p50 (s): ${(percentile(delays, 50) / 1000).toFixed(2)}`);
  console.log(`cdc lag p95 (s): ${(percentile(delays, 95) / 1000).toFixed(2)}`);

  // Saturation: a backlog written while nothing follows, then drained.
  const alerts = source.db.collection('alerts');
  const inserts = Math.floor(backlog / 2);
  for (let i = 0; i < inserts; i += 500) await alerts.insertMany(Array.from({ length: Math.min(500, inserts - i) }, (_, k) => ({ id: `backlog-${i + k}`, status: 'active', company_id: 'company-bench', severity: 'low', message: 'backlog', n: i + k })));
  await alerts.updateMany({ company_id: 'company-bench', n: { $lt: Math.floor(backlog / 3) } }, { $set: { status: 'acknowledged' } });
  await alerts.deleteMany({ company_id: 'company-bench', n: { $gte: inserts - Math.floor(backlog / 6) } });
  const started = Date.now();
  const drain = await startFollowing(ctx, { untilDrained: true }).done;
  const elapsed = (Date.now() - started) / 1000;
  if (drain.error) throw new Error(drain.error.message);
  console.log(`backlog: ${drain.applied} changes applied in ${elapsed.toFixed(1)} s (including the start: oplog checks, key map)`);
  console.log(`cdc apply rate (changes/s): ${(drain.applied / elapsed).toFixed(0)}`);
} finally {
  await source.client.close();
  target.client.destroy();
  rmSync(stateDir, { recursive: true, force: true });
  await servers.stop();
}
