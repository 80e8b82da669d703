import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ConsoleProcess { url: string; port: number; token: string; stop(): Promise<void> }

/**
 * Starts `cli serve --sandbox` as the user would (real local servers, sample data, the loopback
 * web console) and reads the address it prints. Without `alerts`, no sandbox: only the
 * connections `env` (e.g. MONGO_URL) sets up.
 */
export async function startConsoleProcess(alerts?: number, env: Record<string, string> = {}): Promise<ConsoleProcess> {
  const stateDir = mkdtempSync(join(tmpdir(), 'awc-e2e-state-'));
  const sandbox = alerts === undefined ? [] : ['--sandbox', '--alerts', String(alerts)];
  const child: ChildProcess = spawn('node_modules/.bin/tsx', ['electron/cli/main.ts', 'serve', ...sandbox, '--json', '--state-dir', stateDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => { errors += chunk.toString(); });
  const address = await new Promise<{ url: string; port: number; token: string }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the console did not start within 5 minutes:\n${errors}`)), 300_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) { clearTimeout(timer); resolve(JSON.parse(line)); }
    });
    // 'close', not 'exit': stderr has been read to the end by then.
    child.once('close', (code) => { clearTimeout(timer); reject(new Error(`the console exited with ${code}:\n${errors}`)); });
  });
  return {
    ...address,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.once('exit', () => { clearTimeout(force); resolve(); });
      child.kill('SIGTERM');
    }),
  };
}
