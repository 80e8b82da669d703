// `npx tsx bench/verify.ts [--docs 95000] [--heap-limits 128,256]`
// Peak RSS of a full content verify (`verify alerts`, run as the CLI runs it, in its own process)
// after migrating generated alerts on the local servers. Target: flat in the document count,
// < 300 MB at 1,000,000. `--heap-limits` runs it again under each V8 old-space limit (MB): a run
// that passes under a small limit shows that the live memory is small, whatever RSS the collector
// lets grow when it has room.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoConnectionSchema } from '../shared/connection';
import { createDynamoClients } from '../electron/adapters/dynamodb/client';
import { connectMongo } from '../electron/adapters/mongodb/connect';
import { startMigration } from '../electron/migration';
import { loadSampleData } from '../electron/sandbox';
import { startLocalServers } from '../electron/sandbox/servers';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '95000' }, 'heap-limits': { type: 'string', default: '' } } });
const docs = Number(values.docs);
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Runs `verify alerts` as `npm run cli` would and polls its VmHWM (peak RSS). */
function runVerify(mongoUrl: string, endpoint: string, stateDir: string, flags: string[]) {
  return new Promise<{ peakRss: number; elapsedMs: number; code: number | null; stdout: string }>((resolve) => {
    const child = spawn(process.execPath, ['--max-semi-space-size=8', ...flags, '--import', 'tsx', 'electron/cli/main.ts', 'verify', 'alerts', '--state-dir', stateDir], {
      env: { ...process.env, MONGO_URL: `${mongoUrl}/bench`, AWS_ENDPOINT_URL_DYNAMODB: endpoint, DYNAMODB_TABLE_PREFIX: 'BenchVerify', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' },
    });
    const started = Date.now();
    let peakRss = 0;
    let stdout = '';
    const poll = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakRss = Math.max(peakRss, Number(hwm[1]) * 1024);
      } catch {}
    }, 100);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.resume();
    child.on('exit', (code) => {
      clearInterval(poll);
      resolve({ peakRss, elapsedMs: Date.now() - started, code, stdout });
    });
  });
}

console.log(`Node ${process.version}; ${docs} alerts`);
const servers = await startLocalServers();
const stateDir = mkdtempSync(join(tmpdir(), 'awc-bench-verify-'));
const source = await connectMongo({ backend: 'mongodb', url: `${servers.mongoUrl}/bench` });
const target = createDynamoClients(DynamoConnectionSchema.parse({
  backend: 'dynamodb', region: 'us-east-1', endpoint: servers.dynamoEndpoint, tablePrefix: 'BenchVerify', credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
}));
try {
  await loadSampleData(source.db, { alerts: docs, collections: ['alerts'] });
  const summary = await startMigration({ source, target, stateDir }, { collections: ['alerts'], concurrency: 4 }).done;
  console.log(`migrated: ${summary.overall.written} written, ${summary.overall.failed} failed`);
  for (const limit of ['', ...values['heap-limits'].split(',').filter(Boolean)]) {
    const verify = await runVerify(servers.mongoUrl, servers.dynamoEndpoint, stateDir, limit ? [`--max-old-space-size=${limit}`] : []);
    console.log(verify.stdout.trim().split('\n').slice(0, 2).join('\n'));
    console.log(`verify${limit ? ` (old space ≤ ${limit} MB)` : ''}: exit ${verify.code}, ${(verify.elapsedMs / 1000).toFixed(1)}s, peak RSS ${mb(verify.peakRss)}`);
  }
} finally {
  await source.client.close();
  target.client.destroy();
  await servers.stop();
  rmSync(stateDir, { recursive: true, force: true });
}
