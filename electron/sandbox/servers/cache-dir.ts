import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where server binaries are cached between runs. Outside the work tree so that a fresh clone
 * (as CI makes) reuses them; deleting it only costs a rebuild.
 */
export function cacheDir(...parts: string[]): string {
  const root = process.env.AWC_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'alert-whisperer-console');
  const dir = join(root, ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}
