import type { WebPreferences } from 'electron';

/**
 * The console page's security settings, kept apart from the Electron shell so they are tested
 * without Electron: the desktop window and the browser console serve the same page under one policy.
 */

/** The page loads only its own scripts, styles and images; nothing inline, no frames, no plugins. */
export function contentSecurityPolicy(connectSrc: readonly string[] = ["'self'"]): string {
  return [
    "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
    `connect-src ${connectSrc.join(' ')}`,
    "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'", "object-src 'none'",
  ].join('; ');
}

/** The desktop window's policy: it talks to the main process over IPC only. */
export const WINDOW_CSP = contentSecurityPolicy();

/** The renderer gets no Node, runs sandboxed, and reaches the main process only through the preload. */
export function windowWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    webviewTag: false,
    spellcheck: false,
  };
}
