import { webSocketProtocol } from '../../../shared/channels';
import type { ClientMessage, ConsoleBridge, Outcome, ServerMessage } from '../../../shared/contract';

/**
 * The browser console's bridge: the contract over one WebSocket to the loopback server. The
 * token comes in the URL fragment (`#token=...`, never sent to any server), is kept for the tab
 * in sessionStorage (this origin only) and leaves the page only as the socket's subprotocol:
 * no cookie, which the browser would hand to every other port on 127.0.0.1. A dropped socket
 * reconnects and re-subscribes, so a running job's progress keeps coming.
 */
const TOKEN_KEY = 'awc.token';
const TOKEN_FRAGMENT = /^#token=([A-Za-z0-9_-]+)/;

function takeToken(): string {
  const fromUrl = TOKEN_FRAGMENT.exec(window.location.hash);
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl[1]!);
    // Out of the address bar and history; what followed it (e.g. `#/migrate`) is the page to show.
    const rest = window.location.hash.slice(fromUrl[0].length);
    window.history.replaceState(null, '', window.location.pathname + window.location.search + rest);
  }
  return fromUrl?.[1] ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
}

interface Subscription { name: string; input: unknown; listener: (event: unknown) => void }

export function createWebSocketBridge(): ConsoleBridge {
  const token = takeToken();
  const endpoint = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/api`;
  const pending = new Map<number, (outcome: Outcome<unknown>) => void>();
  const subscriptions = new Map<number, Subscription>();
  let nextId = 1;
  let socket: Promise<WebSocket> | undefined;

  const lost = (): Outcome<never> => token
    ? { ok: false, error: { code: 'UNREACHABLE', message: 'The console server is not reachable. Is `npm run serve` still running?' } }
    : { ok: false, error: { code: 'AUTH_FAILED', message: 'Open the console with the full URL printed at start: it carries the token.' } };

  function open(): Promise<WebSocket> {
    socket ??= new Promise((resolve, reject) => {
      const ws = new WebSocket(endpoint, [webSocketProtocol.contract, webSocketProtocol.token(token)]);
      ws.onopen = () => {
        resolve(ws);
        for (const [id, s] of subscriptions) ws.send(JSON.stringify({ type: 'subscribe', id, name: s.name, input: s.input } satisfies ClientMessage));
      };
      ws.onmessage = (message) => {
        const data = JSON.parse(String(message.data)) as ServerMessage;
        if (data.type === 'event') subscriptions.get(data.id)?.listener(data.event);
        else {
          pending.get(data.id)?.(data.outcome);
          pending.delete(data.id);
        }
      };
      ws.onclose = () => {
        socket = undefined;
        for (const settle of pending.values()) settle(lost());
        pending.clear();
        reject(new Error('closed'));
        if (subscriptions.size > 0) setTimeout(() => void open().catch(() => {}), 1000);
      };
    });
    return socket;
  }

  async function send(message: ClientMessage): Promise<Outcome<unknown>> {
    let ws: WebSocket;
    try {
      ws = await open();
    } catch {
      return lost();
    }
    return new Promise((resolve) => {
      pending.set(message.id, resolve);
      ws.send(JSON.stringify(message));
    });
  }

  return {
    invoke: (name, input) => send({ type: 'call', id: nextId++, name, input }) as never,
    async subscribe(name, input, listener) {
      const id = nextId++;
      subscriptions.set(id, { name, input, listener: listener as (event: unknown) => void });
      const outcome = await send({ type: 'subscribe', id, name, input });
      if (!outcome.ok) {
        subscriptions.delete(id);
        return outcome;
      }
      return {
        ok: true,
        output: () => {
          subscriptions.delete(id);
          void open().then((ws) => ws.send(JSON.stringify({ type: 'unsubscribe', id } satisfies ClientMessage))).catch(() => {});
        },
      };
    },
  };
}
