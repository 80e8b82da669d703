import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, safeStorage, screen, session, type IpcMainInvokeEvent } from 'electron';
import { isAppError } from '../shared/errors';
import { createApi, type Api } from './api/create-api';
import { defaultDeps } from './api/default-deps';
import { createConnectionStore, type SecretCipher } from './settings/connection-store';
import { loadWindowState, saveWindowState, visibleState } from './settings/window-state';
import { bindIpc } from './transports/ipc';
import { WINDOW_CSP, windowWebPreferences } from './window-security';

/**
 * The desktop shell, kept thin: one hardened window, the contract bound to IPC, secrets sealed
 * with the OS keyring. Everything else lives in modules that run (and are tested) without Electron.
 */

const rendererIndex = join(__dirname, '..', 'renderer', 'index.html');
const rendererUrl = new URL(`file://${rendererIndex}`).href;

let window: BrowserWindow | undefined;
let api: Api | undefined;

const log = (line: string) => console.log(`[console] ${line}`);

function cipher(): SecretCipher | undefined {
  if (!safeStorage.isEncryptionAvailable()) {
    log('the OS keyring is not available: saved connections keep their secrets for this session only');
    return undefined;
  }
  return {
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}

function isTrusted(event: IpcMainInvokeEvent): boolean {
  return event.senderFrame?.url.split('#')[0] === rendererUrl;
}

function createWindow(): void {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const state = visibleState(loadWindowState(stateFile), screen.getAllDisplays().map((d) => d.workArea));
  window = new BrowserWindow({
    ...state,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Alert Whisperer Console',
    webPreferences: windowWebPreferences(join(__dirname, 'preload.cjs')),
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window?.show());
  window.on('close', () => {
    if (!window) return;
    saveWindowState(stateFile, { ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
  window.on('closed', () => { window = undefined; });
  void window.loadFile(rendererIndex);
}

function harden(): void {
  // Only the clipboard (the template's Copy button); no camera, notifications, geolocation, ...
  session.defaultSession.setPermissionRequestHandler((_contents, permission, grant) => grant(permission === 'clipboard-sanitized-write'));
  session.defaultSession.webRequest.onHeadersReceived((details, respond) => {
    respond({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [WINDOW_CSP] } });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  void app.whenReady().then(() => {
    harden();
    const store = createConnectionStore({ file: join(app.getPath('userData'), 'connections.json'), cipher: cipher() });
    try {
      api = createApi(defaultDeps({ store, stateDir: join(app.getPath('userData'), 'migration-state'), log, env: process.env }));
    } catch (error) {
      // E.g. DATABASE_TYPE=postgres: the message names the variable to fix.
      dialog.showErrorBox('Alert Whisperer Console cannot start', isAppError(error) ? error.message : String(error));
      app.quit();
      return;
    }
    bindIpc(ipcMain, api, isTrusted);
    createWindow();
    app.on('activate', () => { if (!window) createWindow(); });
  });
  app.on('window-all-closed', () => { if (process.platform !== 'darwin') app.quit(); });
  app.on('will-quit', (event) => {
    if (!api) return;
    const closing = api;
    api = undefined;
    event.preventDefault();
    void closing.close().finally(() => app.quit());
  });
}
