import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, screen, session, type IpcMainInvokeEvent } from 'electron';
import { isAppError } from '../shared/errors';
import { createApi, type Api } from './api/create-api';
import { defaultDeps } from './api/default-deps';
import { APP_INDEX, APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolResponse, isAppPage } from './app-protocol';
import { openConnectionStore } from './settings/connection-store';
import { keyringCipher } from './settings/safe-storage-cipher';
import { loadWindowState, saveWindowState, visibleState } from './settings/window-state';
import { bindIpc } from './transports/ipc';
import { WINDOW_CSP, windowWebPreferences } from './window-security';

/**
 * The desktop shell, kept thin: one hardened window on the app:// origin, the contract bound to
 * IPC, secrets sealed with the OS keyring. Everything else lives in modules that run (and are
 * tested) without Electron.
 */

const rendererDir = join(__dirname, '..', 'renderer');

let window: BrowserWindow | undefined;
let api: Api | undefined;

const log = (line: string) => console.log(`[console] ${line}`);

function isTrusted(event: IpcMainInvokeEvent): boolean {
  return isAppPage(event.senderFrame?.url);
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
  void window.loadURL(APP_INDEX);
}

function harden(): void {
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(rendererDir, request.url));
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
  // Before ready, as Electron requires: app:// is a standard, secure origin of its own.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  void app.whenReady().then(async () => {
    harden();
    const { cipher, warning } = await keyringCipher(safeStorage, process.platform);
    if (warning) {
      log(warning);
      void dialog.showMessageBox({ type: 'warning', title: 'Secrets are not saved', message: warning });
    }
    const store = await openConnectionStore({ file: join(app.getPath('userData'), 'connections.json'), cipher });
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
