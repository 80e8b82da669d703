import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { ConcurrencyReport } from '../shared/migration';

export interface MeasuredRun {
  processed: number;
  elapsedMs: number;
  peakRss: number;
  /** When the first source batch arrived, from the child's own start; absent if never seen. */
  firstBatchMs?: number;
  processedAtFirst: number;
  /** User + system CPU seconds of the process after its start-up (tsx's compile excluded). */
  cpuSeconds: number;
  /** Batches in flight, as the summary reports them (migrations only). */
  concurrency?: ConcurrencyReport;
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

interface Summary { state: string; elapsedMs: number; overall: { written: number; failed: number }; concurrency?: ConcurrencyReport }

/**
 * A CLI command with `--json` in a process of its own, as a user runs it: its peak RSS (VmHWM)
 * and CPU are the command's alone. Non-TTY progress lines ("progress: 1234/100000 ...") mark the
 * end of start-up (the first) and the moment the source's first batch arrived (the first
 * non-zero), so rates and CPU can leave out the server's wait and the compile before them.
 */
export function runCliMeasured(args: string[], env: Record<string, string>, nodeOptions: string[]): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', 'electron/cli/main.ts', ...args], { env: { ...process.env, ...env } });
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
        const summary = JSON.parse(stdout) as Summary;
        if (summary.state !== 'completed') throw new Error(`run ${summary.state}`);
        // The child's elapsed time starts after its own start-up; progress times are from spawn, so shift them.
        const startup = Date.now() - started - summary.elapsedMs;
        resolve({
          processed: summary.overall.written + summary.overall.failed, elapsedMs: summary.elapsedMs, peakRss, processedAtFirst,
          cpuSeconds: cpuLast - (cpuAtStart ?? 0), ...(summary.concurrency ? { concurrency: summary.concurrency } : {}),
          ...(firstBatchMs === undefined ? {} : { firstBatchMs: firstBatchMs - startup }),
        });
      } catch (error) {
        reject(new Error(`${args[0]} failed: ${(error as Error).message}\n${stderr}`));
      }
    });
  });
}

/** Documents per second after the first source batch arrived (the whole run's when it was not seen). */
export function steadyRate(run: MeasuredRun): number {
  if (run.firstBatchMs === undefined) return run.processed / (run.elapsedMs / 1000);
  return (run.processed - run.processedAtFirst) / ((run.elapsedMs - run.firstBatchMs) / 1000);
}
