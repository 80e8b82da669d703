// The migration engine run as the CLI runs it (`migrate-collection alerts --json`) in a process
// of its own, so its memory and CPU are the engine's alone, not the benchmark's.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { ConcurrencyReport } from '../shared/migration';

export interface EngineRun {
  processed: number;
  elapsedMs: number;
  peakRss: number;
  /** From spawn to the first progress line with documents in it, in the engine's own clock. */
  firstBatchMs?: number;
  processedAtFirst: number;
  /** User + system CPU seconds of the engine process after its start-up (tsx's compile excluded). */
  cpuSeconds: number;
  concurrency?: ConcurrencyReport;
}

export interface EngineOptions {
  mongoUrl: string;
  endpoint: string;
  stateDir: string;
  prefix: string;
  /** Fixed batches in flight; absent: the engine's adaptive limit. */
  concurrency?: number;
  nodeOptions?: string;
}

const TICKS_PER_SECOND = 100;

/** utime + stime of a running process, in seconds (Linux /proc). */
function cpuOf(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

export function runEngine(options: EngineOptions): Promise<EngineRun> {
  return new Promise((resolve, reject) => {
    const nodeOptions = (options.nodeOptions ?? '--max-semi-space-size=8').split(' ').filter(Boolean);
    const fixed = options.concurrency === undefined ? [] : ['--concurrency', String(options.concurrency)];
    const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', 'electron/cli/main.ts', 'migrate-collection', 'alerts', '--json', ...fixed, '--state-dir', options.stateDir], {
      env: { ...process.env, MONGO_URL: options.mongoUrl, AWS_ENDPOINT_URL_DYNAMODB: options.endpoint, DYNAMODB_TABLE_PREFIX: options.prefix, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' },
    });
    const started = Date.now();
    let stdout = '';
    let stderr = '';
    let peakRss = 0;
    let firstBatchMs: number | undefined;
    let processedAtFirst = 0;
    let cpuAtStart: number | undefined;
    let cpuLast = 0;
    const poll = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakRss = Math.max(peakRss, Number(hwm[1]) * 1024);
      } catch {}
      cpuLast = cpuOf(child.pid!) ?? cpuLast;
    }, 50);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    // Non-TTY progress lines: "progress: 1234/100000 (...)". The first marks the end of start-up;
    // the first non-zero one marks the source's first batch.
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-2000);
      const match = /progress: (\d+)\//.exec(d.toString());
      if (match) cpuAtStart ??= cpuOf(child.pid!);
      if (match && Number(match[1]) > 0 && firstBatchMs === undefined) {
        firstBatchMs = Date.now() - started;
        processedAtFirst = Number(match[1]);
      }
    });
    child.on('exit', () => {
      clearInterval(poll);
      try {
        const summary = JSON.parse(stdout) as { state: string; elapsedMs: number; overall: { written: number; failed: number }; concurrency?: ConcurrencyReport };
        if (summary.state !== 'completed') throw new Error(`engine run ${summary.state}`);
        // The child's elapsed time starts after its own start-up; progress times are from spawn, so shift them.
        const startup = Date.now() - started - summary.elapsedMs;
        resolve({
          processed: summary.overall.written + summary.overall.failed, elapsedMs: summary.elapsedMs, peakRss, processedAtFirst,
          cpuSeconds: cpuLast - (cpuAtStart ?? 0), ...(summary.concurrency ? { concurrency: summary.concurrency } : {}),
          ...(firstBatchMs === undefined ? {} : { firstBatchMs: firstBatchMs - startup }),
        });
      } catch (error) {
        reject(new Error(`the engine process failed: ${(error as Error).message}\n${stderr}`));
      }
    });
  });
}
