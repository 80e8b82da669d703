import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from './cache-dir';
import { canConnect } from './free-port';

interface ManagedProcess {
  readonly pid: number;
  readonly logFile: string;
  stop(): Promise<void>;
}

interface StartOptions {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  port: number;
  /** A folder of this run's own that appears in `args`: it identifies the process as ours. */
  runDir: string;
  readyTimeoutMs?: number;
}

const registryDir = () => cacheDir('running');

function isAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

/**
 * Kills servers left behind by a run that was itself killed (SIGKILL gives it no chance to
 * clean up). Only processes whose command line still matches what was registered are touched.
 */
export function reapOrphans(): void {
  for (const file of readdirSync(registryDir())) {
    const path = join(registryDir(), file);
    try {
      const { pid, owner, marker } = JSON.parse(readFileSync(path, 'utf8')) as { pid: number; owner: number; marker: string };
      if (isAlive(owner)) continue;
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.includes(marker)) process.kill(pid, 'SIGKILL');
    } catch { /* gone already */ }
    rmSync(path, { force: true });
  }
}

/**
 * A watchdog shell that kills the server within a second of this process dying, however it
 * dies. It is detached so it outlives us long enough to do that.
 */
function guard(serverPid: number): void {
  const script = `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${serverPid} 2>/dev/null; do sleep 1; done; kill -9 ${serverPid} 2>/dev/null`;
  spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
}

async function waitForPort(child: ChildProcess, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited with ${child.exitCode ?? child.signalCode}`);
    if (await canConnect(port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`did not accept connections on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

export async function startManagedProcess(options: StartOptions): Promise<ManagedProcess> {
  mkdirSync(options.runDir, { recursive: true });
  const logFile = join(options.runDir, 'server.log');
  const log = createWriteStream(logFile);
  const child = spawn(options.command, options.args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${options.name}: could not start ${options.command}`);
  const registration = join(registryDir(), `${pid}.json`);
  writeFileSync(registration, JSON.stringify({ pid, owner: process.pid, marker: options.runDir }));
  guard(pid);

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(registration, { force: true });
  };

  try {
    await waitForPort(child, options.port, options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    await stop();
    await new Promise((r) => log.end(r));
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`${options.name} failed to start: ${(error as Error).message}\n--- ${logFile} ---\n${tail}`, { cause: error });
  }
  return { pid, logFile, stop };
}
