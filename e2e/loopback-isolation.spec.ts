import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';

/**
 * Issue 9, defect 3, in a real browser: a page served from another port on 127.0.0.1 (any local
 * dev server the user visits) receives nothing of the console's token and can do nothing with
 * the console. Cookies ignore ports, so the old token cookie reached every such server.
 */

const consolePort = Number(process.env.AWC_E2E_PORT);
const token = process.env.AWC_E2E_TOKEN!;

/** What the other page tries: the socket with and without guessed protocols, and plain fetches. */
const HOSTILE_PAGE = `<!doctype html><title>another local app</title><script>
const target = '127.0.0.1:${consolePort}';
const tryOpen = (protocols) => new Promise((done) => {
  const ws = protocols ? new WebSocket('ws://' + target + '/api', protocols) : new WebSocket('ws://' + target + '/api');
  ws.onopen = () => { done('opened'); ws.close(); };
  ws.onerror = () => done('refused');
});
const tryFetch = (init) => fetch('http://' + target + '/', init).then((r) => r.type + ':' + r.status + ':' + (r.type === 'opaque' ? '' : 'readable'), () => 'refused');
(async () => {
  window.results = {
    socket: await tryOpen(),
    socketWithContractProtocol: await tryOpen(['awc.v1']),
    socketWithEmptyToken: await tryOpen(['awc.v1', 'awc.token.']),
    fetchWithCredentials: await tryFetch({ credentials: 'include' }),
    fetchNoCors: await tryFetch({ mode: 'no-cors', credentials: 'include' }),
    cookies: document.cookie,
  };
})();
</script>`;

let hostile: Server;
let hostileUrl: string;
const received: { url: string; headers: IncomingHttpHeaders }[] = [];

test.beforeAll(async () => {
  hostile = createServer((request, response) => {
    received.push({ url: request.url ?? '', headers: request.headers });
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(HOSTILE_PAGE);
  });
  await new Promise<void>((done) => hostile.listen(0, '127.0.0.1', done));
  hostileUrl = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}/`;
});
test.afterAll(() => new Promise<void>((done) => hostile.close(() => done())));

test('a page on another loopback port receives nothing and can do nothing', async ({ context }) => {
  // The user has the console open (its socket connected) in this browser...
  const consolePage = await context.newPage();
  await consolePage.goto(process.env.AWC_E2E_URL!);
  await expect(consolePage.getByRole('heading', { name: 'Connections', level: 1 })).toBeVisible();
  await expect(consolePage.getByTestId('connection-sandbox-mongodb')).toBeVisible();
  await expect(consolePage).not.toHaveURL(/token/);

  // ...then visits another local app, in a new tab and in the console's own tab.
  const other = await context.newPage();
  await other.goto(hostileUrl);
  await consolePage.goto(`${hostileUrl}same-tab`);
  const results = await other.waitForFunction(() => (globalThis as { results?: unknown }).results).then((h) => h.jsonValue());

  expect(results).toEqual({
    socket: 'refused',
    socketWithContractProtocol: 'refused',
    socketWithEmptyToken: 'refused',
    fetchWithCredentials: 'refused',
    // Refused (same-site, 403), and Cross-Origin-Resource-Policy blocks even the opaque answer.
    fetchNoCors: 'refused',
    cookies: '',
  });
  expect(received.length).toBeGreaterThanOrEqual(2);
  for (const request of received) {
    expect(request.headers.cookie).toBeUndefined();
    expect(JSON.stringify(request)).not.toContain(token);
  }
  expect(await context.cookies()).toEqual([]);
  await Promise.all([consolePage.close(), other.close()]);
});
