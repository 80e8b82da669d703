import { randomBytes } from 'node:crypto';
import { connect, createServer, type Socket } from 'node:net';

/**
 * How the endpoint behaves for each request it receives:
 * - forward: passes bytes both ways to the real server (DynamoDB Local);
 * - stall: accepts the request and never answers;
 * - headers-only: sends a 200's headers, then nothing of the body it announced;
 * - trickle: sends a 200's headers, then one byte of body a second (never idle, never done);
 * - html, status-500, garbage, redirect: a web server, an error page, bytes that are not HTTP,
 *   a 301 elsewhere;
 * - bad-shape: a well-formed DynamoDB-looking answer of the wrong shape, `{"TableNames":5}`.
 */
export type FaultMode = 'forward' | 'stall' | 'headers-only' | 'trickle' | 'html' | 'status-500' | 'garbage' | 'redirect' | 'bad-shape';

export interface FaultyEndpoint {
  /** http://127.0.0.1:port, to use as a DynamoDB endpoint. */
  endpoint: string;
  /** Switches every connection, open or new, at once: a forwarded connection stalls from its next request. */
  setMode(mode: FaultMode): void;
  close(): Promise<void>;
}

/** A complete HTTP answer after which the connection closes (so the client never reuses it). */
function response(status: string, headers: Record<string, string>, body = ''): string {
  const lines = [`HTTP/1.1 ${status}`, ...Object.entries({ ...headers, Connection: 'close', 'Content-Length': String(Buffer.byteLength(body)) }).map(([k, v]) => `${k}: ${v}`)];
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

const CANNED: Partial<Record<FaultMode, () => string | Buffer>> = {
  html: () => response('200 OK', { 'Content-Type': 'text/html' }, '<!doctype html><html><body><h1>Welcome to nginx!</h1></body></html>'),
  'status-500': () => response('500 Internal Server Error', { 'Content-Type': 'text/plain' }, 'Internal Server Error'),
  garbage: () => randomBytes(64),
  redirect: () => response('301 Moved Permanently', { Location: 'https://example.invalid/' }),
  'bad-shape': () => response('200 OK', { 'Content-Type': 'application/x-amz-json-1.0' }, '{"TableNames":5}'),
};

/** Answers one request (a burst of bytes from the client) the way `mode` says. */
function misbehave(client: Socket, mode: FaultMode, timers: Set<NodeJS.Timeout>): void {
  const canned = CANNED[mode];
  if (canned) {
    client.end(canned());
    return;
  }
  if (mode === 'stall') return;
  client.write('HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: 100000\r\n\r\n');
  if (mode !== 'trickle') return;
  const timer = setInterval(() => client.write(' '), 1000);
  timers.add(timer);
  client.once('close', () => { clearInterval(timer); timers.delete(timer); });
}

/**
 * A loopback TCP endpoint in front of a real server that forwards, or misbehaves in a chosen
 * mode, for fault tests without mocks. Listens on 127.0.0.1 only, on a free port.
 */
export async function startFaultyEndpoint(upstream: string, initial: FaultMode = 'forward'): Promise<FaultyEndpoint> {
  const target = new URL(upstream);
  let mode = initial;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    track(client);
    let server: Socket | undefined;
    // A request may arrive in several chunks; a misbehaving answer is given once per connection.
    let answered = false;
    client.on('data', (chunk) => {
      if (mode !== 'forward') {
        if (!answered) misbehave(client, mode, timers);
        answered = true;
        return;
      }
      if (!server) {
        server = connect(Number(target.port), target.hostname);
        track(server);
        server.on('data', (answer) => client.write(answer));
        server.once('close', () => client.destroy());
        client.once('close', () => server?.destroy());
      }
      server.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    setMode(next) {
      mode = next;
    },
    async close() {
      for (const timer of timers) clearInterval(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
