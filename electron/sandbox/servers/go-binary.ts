import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { cacheDir } from './cache-dir';

export function onPath(binary: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, binary);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

interface GoBuild {
  /** The cached file's name, version included: a new version is a new file. */
  name: string;
  /** Shown in the one-time log line and in the error when Go is missing. */
  label: string;
  log: (line: string) => void;
  /** The error when Go is missing: what the user can do instead. */
  withoutGo: string;
  /** Builds into `output`, working in `scratch` (removed afterwards). */
  build(output: string, scratch: string): void;
}

/**
 * Builds a Go program once into the binary cache and returns its path. The build writes next
 * to the cached name and is renamed into place, so a build killed half-way is never mistaken
 * for a finished binary.
 */
export function ensureGoBinary(spec: GoBuild): string {
  const binary = join(cacheDir('bin'), spec.name);
  if (existsSync(binary)) return binary;
  if (!onPath('go')) throw new Error(spec.withoutGo);
  spec.log(`Building ${spec.label} with Go (first run only)`);
  const scratch = mkdtempSync(join(tmpdir(), `awc-${spec.name}-`));
  const partial = `${binary}.partial-${process.pid}`;
  try {
    spec.build(partial, scratch);
    renameSync(partial, binary);
  } finally {
    // Module sources copied out of Go's cache are read-only.
    execFileSync('chmod', ['-R', 'u+w', scratch]);
    rmSync(scratch, { recursive: true, force: true });
    rmSync(partial, { force: true });
  }
  return binary;
}

/** `go` with cgo off, so the binary depends on no system library. */
export function goCommand(args: string[], cwd: string, env: Record<string, string> = {}): void {
  execFileSync('go', args, { cwd, stdio: 'inherit', env: { ...process.env, CGO_ENABLED: '0', ...env } });
}
