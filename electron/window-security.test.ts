import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, WINDOW_CSP, windowWebPreferences } from './window-security';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name ?? '', values]));
}

describe('window security', () => {
  it('isolates and sandboxes the renderer with no Node and no webviews', () => {
    expect(windowWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false,
    });
  });

  it('allows only the page\'s own scripts, nothing inline or evaluated', () => {
    for (const csp of [WINDOW_CSP, contentSecurityPolicy(['ws://127.0.0.1:8080'])]) {
      const policy = directives(csp);
      expect(policy.get('default-src')).toEqual(["'none'"]);
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    }
    expect(directives(WINDOW_CSP).get('connect-src')).toEqual(["'self'"]);
  });

  it('lets the browser console connect to its own socket only', () => {
    expect(directives(contentSecurityPolicy(['ws://127.0.0.1:8080', 'ws://localhost:8080'])).get('connect-src')).toEqual(['ws://127.0.0.1:8080', 'ws://localhost:8080']);
  });
});
