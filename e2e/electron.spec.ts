import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { _electron as electron, expect, test } from '@playwright/test';

/** The electron package's export is the binary's path, when `npm ci` could download it. */
function electronBinary(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
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
    expect(page.url()).toMatch(/^file:/);
  } finally {
    await app.close();
  }
});
