import { contextBridge, ipcRenderer } from 'electron';
import { channels } from '../shared/channels';
import type { ConsoleBridge, Outcome } from '../shared/contract';

/**
 * The page's only door to the main process: `window.awc`, a typed object built from the
 * contract (invoke a call, subscribe to a stream). No ipcRenderer, no Node.
 */
const listeners = new Map<number, (event: unknown) => void>();
let nextId = 1;

ipcRenderer.on(channels.event, (_event, message: { id: number; event: unknown }) => listeners.get(message.id)?.(message.event));

const bridge: ConsoleBridge = {
  invoke: (name, input) => ipcRenderer.invoke(channels.call(name), input),
  async subscribe(name, input, listener) {
    const id = nextId++;
    listeners.set(id, listener as (event: unknown) => void);
    const outcome = (await ipcRenderer.invoke(channels.subscribe, { id, name, input })) as Outcome<null>;
    if (!outcome.ok) {
      listeners.delete(id);
      return outcome;
    }
    return {
      ok: true,
      output: () => {
        listeners.delete(id);
        void ipcRenderer.invoke(channels.unsubscribe, { id });
      },
    };
  },
};

contextBridge.exposeInMainWorld('awc', bridge);
