import { spawn, type ChildProcess } from 'node:child_process';

export interface CliRun {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/**
 * For integration tests: the CLI as a user runs it, in a child process. `onStart` gets the
 * child (to signal it); a run that outlives `timeoutMs` is killed, so a wrong case cannot hang.
 */
export function runCli(args: string[], env: Record<string, string> = {}, options: { onStart?(child: ChildProcess): void; timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    // `node --import tsx` as `npm run cli` does: one process, so a signal reaches the CLI itself
    // (the tsx wrapper would run it in a child that outlives a SIGKILL).
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    options.onStart?.(child);
  });
}
