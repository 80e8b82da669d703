import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

/**
 * Where `require('electron')` would point, found without requiring it: when its binary is
 * missing, the package tries to download it on require, and this machine has no network.
 */
function electronBinary(): string | undefined {
  const packageDir = join('node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  if (!relative) return undefined;
  const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist'), relative);
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();
const reason = 'no Electron binary here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); the desktop shell spec needs one';
if (!binary) console.log(`Skipping the Electron spec: ${reason}`);

test('the desktop shell opens the console with a sandboxed, bridged renderer', async () => {
  test.skip(!binary, reason);
  execFileSync('node_modules/.bin/tsx', ['scripts/build-electron.ts'], { stdio: 'inherit' });
  const app = await electron.launch({ executablePath: binary, args: ['dist/electron/main.cjs', '--no-sandbox'] });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Connections', level: 1 })).toBeVisible();
    // The page has the bridge and nothing of Node.
    expect(await page.evaluate(() => ({ bridge: typeof (globalThis as { awc?: unknown }).awc, require: typeof (globalThis as { require?: unknown }).require, process: typeof (globalThis as { process?: unknown }).process })))
      .toEqual({ bridge: 'object', require: 'undefined', process: 'undefined' });
    expect(await page.evaluate(() => (globalThis as unknown as { awc: { invoke(n: string, i: unknown): Promise<unknown> } }).awc.invoke('connections.list', { bogus: 1 })))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // Navigation away and new windows are refused.
    await page.evaluate(() => { (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/'; });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/console\//);
  } finally {
    await app.close();
  }
});
