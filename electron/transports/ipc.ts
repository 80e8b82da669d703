import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { channels } from '../../shared/channels';
import { CALL_NAMES, type Outcome } from '../../shared/contract';
import type { Api } from '../api/create-api';

/**
 * Serves the contract over Electron IPC: one `ipcMain.handle` per call, plus subscribe /
 * unsubscribe, with stream events sent to the subscribing page only. Only frames loaded from
 * the app's own files (`isTrusted`) are answered.
 */
export function bindIpc(ipcMain: IpcMain, api: Api, isTrusted: (event: IpcMainInvokeEvent) => boolean): void {
  const refused: Outcome<never> = { ok: false, error: { code: 'VALIDATION', message: 'This page may not use the console API.' } };

  for (const name of CALL_NAMES) {
    ipcMain.handle(channels.call(name), (event, input: unknown) => (isTrusted(event) ? api.call(name, input) : refused));
  }

  const byPage = new Map<number, Map<number, () => void>>();
  function pageSubscriptions(sender: WebContents): Map<number, () => void> {
    let found = byPage.get(sender.id);
    if (!found) {
      const subscriptions = new Map<number, () => void>();
      const endAll = () => { for (const stop of subscriptions.values()) stop(); subscriptions.clear(); };
      // A reload starts a new page: the old page's subscriptions end with it.
      sender.on('did-start-navigation', (details) => { if (details.isMainFrame && !details.isSameDocument) endAll(); });
      sender.once('destroyed', () => { endAll(); byPage.delete(sender.id); });
      byPage.set(sender.id, subscriptions);
      found = subscriptions;
    }
    return found;
  }

  ipcMain.handle(channels.subscribe, async (event, message: { id: number; name: string; input: unknown }) => {
    if (!isTrusted(event) || typeof message?.id !== 'number') return refused;
    const { sender } = event;
    const outcome = await api.subscribe(message.name, message.input, (payload) => {
      if (!sender.isDestroyed()) sender.send(channels.event, { id: message.id, event: payload });
    });
    if (!outcome.ok) return outcome;
    const subscriptions = pageSubscriptions(sender);
    // A reused id replaces its earlier subscription, which would otherwise run unstoppable.
    subscriptions.get(message.id)?.();
    subscriptions.set(message.id, outcome.output);
    return { ok: true, output: null };
  });

  ipcMain.handle(channels.unsubscribe, (event, message: { id: number }) => {
    const subscriptions = byPage.get(event.sender.id);
    subscriptions?.get(message?.id)?.();
    subscriptions?.delete(message?.id);
  });
}
