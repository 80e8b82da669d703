import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordHostile } from '../test/hostile-inputs';
import { appProtocolResponse, isAppPage } from './app-protocol';
import { keyringCipher } from './settings/safe-storage-cipher';

/** Issue 9, Electron shell: what can be checked without the Electron binary. */

/** The `electronFuses:` block of electron-builder.yml, as name -> boolean (flat `key: value` lines). */
function fuses(): Record<string, boolean> {
  const yml = readFileSync('electron-builder.yml', 'utf8');
  const block = /^electronFuses:\n((?: {2}\w+: (?:true|false)\n)+)/m.exec(yml)?.[1] ?? '';
  return Object.fromEntries(block.trim().split('\n').filter(Boolean).map((line) => {
    const [key, value] = line.trim().split(': ');
    return [key!, value === 'true'];
  }));
}

describe('packaged build fuses', () => {
  it('turns off Node entry points and turns on cookie encryption and asar integrity', () => {
    expect(fuses()).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});

describe('the app:// protocol', () => {
  const root = mkdtempSync(join(tmpdir(), 'awc-app-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tmpdir(), 'awc-outside.js'), 'secret');

  it('serves the renderer with the CSP header', async () => {
    const page = await appProtocolResponse(root, 'app://console/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await (await appProtocolResponse(root, 'app://console/assets/app.js')).text()).toBe('console.log(1)');
  });

  // 9 hostile requests: traversal in every spelling, other hosts, files the renderer does not have.
  it.each([
    'app://console/../awc-outside.js', 'app://console/%2e%2e/awc-outside.js', 'app://console/assets/..%2f..%2fawc-outside.js',
    'app://console/assets/%2e%2e%5c..%5cawc-outside.js', 'app://console/%00index.html', 'app://console//etc/passwd',
    'app://other/index.html', 'app://user:pw@console/index.html', 'app://console/package.json',
  ])('refuses %s', async (url) => {
    recordHostile(1);
    expect((await appProtocolResponse(root, url)).status).toBe(404);
  });

  it('trusts IPC only from the app page', () => {
    recordHostile(6);
    expect(isAppPage('app://console/index.html#/browse')).toBe(true);
    for (const url of ['file:///app/index.html', 'https://evil.example/', 'app://evil/index.html', 'app://console.evil/', undefined, 'not a url']) {
      expect(isAppPage(url)).toBe(false);
    }
  });
});

describe('the keyring cipher', () => {
  const keyring = (available: boolean, backend: 'basic_text' | 'gnome_libsecret') => ({
    isAsyncEncryptionAvailable: async () => available,
    getSelectedStorageBackend: () => backend,
    encryptStringAsync: async (plain: string) => Buffer.from([...plain].reverse().join('')),
    decryptStringAsync: async (sealed: Buffer) => ({ result: [...sealed.toString()].reverse().join(''), shouldReEncrypt: false }),
  });

  it('seals with the asynchronous API', async () => {
    const { cipher, warning } = await keyringCipher(keyring(true, 'gnome_libsecret'), 'linux');
    expect(warning).toBeUndefined();
    const sealed = await cipher!.encrypt('hunter2');
    expect(sealed).not.toContain('hunter2');
    expect(await cipher!.decrypt(sealed)).toBe('hunter2');
  });

  it('refuses basic_text on Linux, and no keyring anywhere, with a message for the user', async () => {
    for (const [available, backend, platform] of [[true, 'basic_text', 'linux'], [false, 'gnome_libsecret', 'linux'], [false, 'basic_text', 'darwin']] as const) {
      const { cipher, warning } = await keyringCipher(keyring(available, backend), platform);
      expect(cipher).toBeUndefined();
      expect(warning).toMatch(/for this session only/);
    }
  });
});
