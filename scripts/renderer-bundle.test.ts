import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinModules } from 'node:module';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';

/** The renderer runs sandboxed: its bundle must not reach for Node, whatever it imports. */
describe('renderer bundle', () => {
  it('contains no Node built-ins', { timeout: 120_000 }, async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'awc-renderer-'));
    await build({ configFile: 'vite.config.ts', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    const scripts = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const names = builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.replace(/^node:/, ''));
    const forbidden = new RegExp(`require\\(\\s*["'](node:)?(${names.join('|')})(/[^"']*)?["']\\s*\\)|from\\s*["']node:|import\\(\\s*["']node:|["']node:(${names.join('|')})["']|process\\.binding|ipcRenderer`);
    for (const file of scripts) {
      const match = forbidden.exec(readFileSync(join(outDir, 'assets', file), 'utf8'));
      expect(match?.[0], `${file} reaches for Node`).toBeUndefined();
    }
  });
});
