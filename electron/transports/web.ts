import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ClientMessage, ServerMessage } from '../../shared/contract';
import type { Api } from '../api/create-api';
import { webSocketProtocol } from '../../shared/channels';
import { checkOrigin, checkRequest } from './web-guard';
import { readStatic } from './static-files';
import { contentSecurityPolicy } from '../window-security';

export interface WebConsole {
  /** Open this in a browser: it carries the token, in the fragment (never sent to a server). */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

interface WebConsoleOptions {
  api: Api;
  /** The built renderer (dist/renderer). */
  rootDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  log?: (line: string) => void;
}

/** Only loopback, whatever the caller wants: the console holds database credentials. */
const HOST = '127.0.0.1';

function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy([`ws://${HOST}:${port}`, `ws://localhost:${port}`]),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    // Nothing in a URL to leak, but a Referer is still nobody else's business.
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=()',
    'Cache-Control': 'no-store',
  };
}

/** One HTTP request: a file of the built renderer, behind the Host/Origin checks; GET and HEAD only. */
async function serveFile(root: string, port: number, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const headers = securityHeaders(port);
  const verdict = checkOrigin(request, port);
  if (verdict.status !== 200) {
    response.writeHead(verdict.status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Refused.\n');
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
    return;
  }
  const url = new URL(request.url ?? '/', `http://${HOST}`);
  const file = await readStatic(root, url.pathname);
  if (!file) {
    response.writeHead(url.pathname === '/' ? 503 : 404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end(url.pathname === '/' ? 'The renderer is not built: run `npm run build:renderer`.\n' : 'Not found.\n');
    return;
  }
  response.writeHead(200, { ...headers, 'Content-Type': file.type });
  response.end(request.method === 'HEAD' ? undefined : file.body);
}

/** The contract's WebSocket at /api, behind the Host/Origin checks and the token. */
function contractSockets(server: Server, port: () => number, token: string, api: Api, log: (line: string) => void): WebSocketServer {
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: 16 * 1024 * 1024,
    // Answer with the contract's protocol, never echo the token's.
    handleProtocols: (offered) => (offered.has(webSocketProtocol.contract) ? webSocketProtocol.contract : false),
  });
  server.on('upgrade', (request, socket, head) => {
    const verdict = checkRequest(request, port(), token);
    if (verdict.status !== 200 || new URL(request.url ?? '/', `http://${HOST}`).pathname !== '/api') {
      const status = verdict.status === 200 ? 404 : verdict.status;
      socket.end(`HTTP/1.1 ${status} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => attach(ws, api, log));
  });
  return sockets;
}

/**
 * The browser console: the built renderer over HTTP and the contract over one WebSocket per
 * page (calls answered by id, stream events pushed by subscription id), both behind the
 * loopback bind and the Host/Origin checks; the socket behind the token as well. The page's
 * files are the public build, served without the token (which the browser cannot send for them).
 */
export async function startWebConsole({ api, rootDir, port = 0, log = () => {} }: WebConsoleOptions): Promise<WebConsole> {
  const token = randomBytes(24).toString('base64url');
  const root = resolve(rootDir);
  let boundPort = port;

  const server = createServer((request, response) => {
    serveFile(root, boundPort, request, response).catch((error: unknown) => {
      log(`web console: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  const sockets = contractSockets(server, () => boundPort, token, api, log);

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, HOST, () => { server.off('error', fail); done(); });
  });
  boundPort = (server.address() as AddressInfo).port;

  return {
    url: `http://${HOST}:${boundPort}/#token=${token}`,
    port: boundPort,
    token,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

function parse(data: unknown): ClientMessage | undefined {
  try {
    const message = JSON.parse(String(data)) as ClientMessage;
    return typeof message === 'object' && message !== null && typeof message.id === 'number' ? message : undefined;
  } catch {
    return undefined;
  }
}

/** One page's socket: its calls, and its subscriptions, all ended when it goes away. */
function attach(ws: WebSocket, api: Api, log: (line: string) => void): void {
  const subscriptions = new Map<number, () => void>();
  const send = (message: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };

  ws.on('message', (data) => {
    const message = parse(data);
    if (!message) {
      ws.close(1003, 'not a contract message');
      return;
    }
    if (message.type === 'call') {
      void api.call(message.name, message.input).then((outcome) => send({ type: 'result', id: message.id, outcome }));
    } else if (message.type === 'subscribe') {
      void api.subscribe(message.name, message.input, (event) => send({ type: 'event', id: message.id, event })).then((outcome) => {
        if (outcome.ok) {
          // A reused id replaces its earlier subscription, which would otherwise run unstoppable.
          subscriptions.get(message.id)?.();
          if (ws.readyState === ws.OPEN) subscriptions.set(message.id, outcome.output);
          else outcome.output();
          send({ type: 'result', id: message.id, outcome: { ok: true, output: null } });
        } else {
          send({ type: 'result', id: message.id, outcome });
        }
      });
    } else if (message.type === 'unsubscribe') {
      subscriptions.get(message.id)?.();
      subscriptions.delete(message.id);
    }
  });
  ws.on('close', () => {
    for (const stop of subscriptions.values()) stop();
    subscriptions.clear();
  });
  ws.on('error', (error) => log(`web console socket: ${error.message}`));
}
