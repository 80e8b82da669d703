// `npm run bench:export [-- --docs 100000] [--target s3|dir] [--part-mb 128] [--concurrency 4]`
// One run, same local servers, same generated alerts, two ways of moving them out of the source:
//   export   the CLI's `export alerts` (read → convert → DynamoDB JSON → gzip → S3 parts, moto's S3 by default)
//   migrate  the CLI's `migrate-collection alerts` (the direct copy into DynamoDB Local)
// Both rates are counted after the source's first batch arrived, so the test server's wait before
// its first sorted batch does not blur them. Targets: export/migrate >= 3; peak RSS of the export
// process < 300 MB at 1,000,000 documents.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { collectionSpec } from '../shared/catalogue';
import { DynamoConnectionSchema } from '../shared/connection';
import { createDynamoClients } from '../electron/adapters/dynamodb/client';
import { ensureTables } from '../electron/adapters/dynamodb/table-admin';
import { createBucket, createS3Clients } from '../electron/adapters/s3/s3-client';
import { connectMongo } from '../electron/adapters/mongodb/connect';
import { loadSampleData } from '../electron/sandbox';
import { startLocalServers } from '../electron/sandbox/servers';
import { runCliMeasured, steadyRate } from './measure-cli';

const { values } = parseArgs({ options: {
  docs: { type: 'string', default: '100000' },
  target: { type: 'string', default: 's3' },
  'part-mb': { type: 'string', default: '128' },
  concurrency: { type: 'string', default: '4' },
} });
const docs = Number(values.docs);
const toS3 = values.target !== 'dir';
const NODE_OPTIONS = ['--max-semi-space-size=8']; // as `npm run cli`
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const local = { AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' };

console.log(`Node ${process.version}; ${docs} alerts; export to ${toS3 ? "moto's S3" : 'a local folder'} in parts of ${values['part-mb']} MB; direct copy at concurrency ${values.concurrency}`);
const servers = await startLocalServers(() => {}, { s3: toS3 });
for (const line of servers.descriptions) console.log(line);
const stateDir = mkdtempSync(join(tmpdir(), 'awc-bench-export-'));
const source = await connectMongo({ backend: 'mongodb', url: `${servers.mongoUrl}/bench` });
try {
  const started = Date.now();
  await loadSampleData(source.db, { alerts: docs, collections: ['alerts'] });
  console.log(`Loaded ${docs} alerts in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  const target = createDynamoClients(DynamoConnectionSchema.parse({ backend: 'dynamodb', region: 'us-east-1', endpoint: servers.dynamoEndpoint, tablePrefix: 'BenchDirect', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
  await ensureTables(target, [collectionSpec('alerts')!], 'BenchDirect');
  target.client.destroy();
  if (toS3) {
    const s3 = createS3Clients({ region: 'us-east-1', endpoint: servers.s3Endpoint!, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await createBucket(s3, 'bench');
    s3.client.destroy();
  }

  const sink = toS3 ? ['--bucket', 'bench', '--s3-prefix', 'run'] : ['--dir', join(stateDir, 'parts')];
  const exported = await runCliMeasured(['export', 'alerts', ...sink, '--part-mb', values['part-mb'], '--json', '--state-dir', join(stateDir, 'export')],
    { MONGO_URL: `${servers.mongoUrl}/bench`, ...(toS3 ? { AWS_ENDPOINT_URL_S3: servers.s3Endpoint! } : {}), ...local }, NODE_OPTIONS);
  const direct = await runCliMeasured(['migrate-collection', 'alerts', '--json', '--concurrency', values.concurrency, '--state-dir', join(stateDir, 'direct')],
    { MONGO_URL: `${servers.mongoUrl}/bench`, AWS_ENDPOINT_URL_DYNAMODB: servers.dynamoEndpoint, DYNAMODB_TABLE_PREFIX: 'BenchDirect', ...local }, NODE_OPTIONS);

  const exportRate = steadyRate(exported);
  const directRate = steadyRate(direct);
  console.log(`export:  ${exported.processed} docs in ${(exported.elapsedMs / 1000).toFixed(1)}s; peak RSS ${mb(exported.peakRss)}`);
  console.log(`migrate: ${direct.processed} docs in ${(direct.elapsedMs / 1000).toFixed(1)}s; peak RSS ${mb(direct.peakRss)}`);
  console.log(`export rate (docs/s) = ${Math.round(exportRate)}  (after the first source batch)`);
  console.log(`direct-copy rate (docs/s) = ${Math.round(directRate)}  (after the first source batch)`);
  const ratio = exportRate / directRate;
  console.log(`export/migrate = ${ratio.toFixed(2)}  (target >= 3.00) ${ratio >= 3 ? 'met' : 'NOT met'}`);
  console.log(`peak RSS of the export process = ${mb(exported.peakRss)}  (target < 300 MB at 1,000,000)`);
} finally {
  await source.client.close();
  await servers.stop();
  rmSync(stateDir, { recursive: true, force: true });
}
