import { EventEmitter } from 'node:events';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { channels } from '../../shared/channels';
import { CALL_NAMES } from '../../shared/contract';
import type { Api } from '../api/create-api';
import { bindIpc } from './ipc';

/** Electron's ipcMain and a page's webContents, reduced to what bindIpc touches. */
function fakes() {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  const ipcMain = { handle: (channel: string, handler: never) => handlers.set(channel, handler) } as unknown as IpcMain;
  const sent: unknown[] = [];
  const page = Object.assign(new EventEmitter(), { id: 7, isDestroyed: () => false, send: (_channel: string, message: unknown) => sent.push(message) });
  const event = (url: string) => ({ sender: page, senderFrame: { url } }) as unknown as IpcMainInvokeEvent;
  return { handlers, ipcMain, page, sent, event };
}

function recordingApi() {
  const calls: [string, unknown][] = [];
  const listeners = new Set<(event: unknown) => void>();
  const api: Api = {
    call: async (name, input) => { calls.push([name, input]); return { ok: true, output: name }; },
    subscribe: async (_name, _input, listener) => { listeners.add(listener); return { ok: true, output: () => listeners.delete(listener) }; },
    close: async () => {},
  };
  return { api, calls, listeners };
}

const trusted = (event: IpcMainInvokeEvent) => event.senderFrame?.url === 'file:///app/index.html';

describe('IPC transport', () => {
  it('registers one handler per contract call, named from the contract', () => {
    const { handlers, ipcMain } = fakes();
    bindIpc(ipcMain, recordingApi().api, trusted);
    expect([...handlers.keys()].filter((c) => c.startsWith('awc:call:'))).toEqual(CALL_NAMES.map(channels.call));
  });

  it('answers the app page and refuses any other frame', async () => {
    const { handlers, ipcMain, event } = fakes();
    const { api, calls } = recordingApi();
    bindIpc(ipcMain, api, trusted);
    const handler = handlers.get(channels.call('connections.list'))!;
    expect(await handler(event('file:///app/index.html'), {})).toEqual({ ok: true, output: 'connections.list' });
    expect(await handler(event('https://evil.example/'), {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(calls).toEqual([['connections.list', {}]]);
  });

  it('forwards stream events to the subscribing page until it unsubscribes or goes away', async () => {
    const { handlers, ipcMain, event, page, sent } = fakes();
    const { api, listeners } = recordingApi();
    bindIpc(ipcMain, api, trusted);
    const app = event('file:///app/index.html');
    await handlers.get(channels.subscribe)!(app, { id: 1, name: 'migration.progress', input: { jobId: 'j' } });
    await handlers.get(channels.subscribe)!(app, { id: 2, name: 'migration.progress', input: { jobId: 'j' } });
    for (const listener of listeners) listener({ state: 'running' });
    expect(sent).toEqual([{ id: 1, event: { state: 'running' } }, { id: 2, event: { state: 'running' } }]);
    await handlers.get(channels.unsubscribe)!(app, { id: 1 });
    expect(listeners.size).toBe(1);
    page.emit('destroyed');
    expect(listeners.size).toBe(0);
  });

  it('replaces, not leaks, a subscription whose id is reused', async () => {
    const { handlers, ipcMain, event } = fakes();
    const { api, listeners } = recordingApi();
    bindIpc(ipcMain, api, trusted);
    const app = event('file:///app/index.html');
    for (let i = 0; i < 3; i += 1) await handlers.get(channels.subscribe)!(app, { id: 1, name: 'migration.progress', input: { jobId: 'j' } });
    expect(listeners.size).toBe(1);
    await handlers.get(channels.unsubscribe)!(app, { id: 1 });
    expect(listeners.size).toBe(0);
  });
});
