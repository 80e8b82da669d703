import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordHostile } from '../../test/hostile-inputs';
import { WebSocket } from 'ws';
import type { Api } from '../api/create-api';
import { startWebConsole, type WebConsole } from './web';

/**
 * Issue 9, defect 3: the token never rides in a cookie (cookies ignore ports, so every server
 * on 127.0.0.1 would receive it) nor in a URL a server sees; only the page's own socket sends it.
 */

let web: WebConsole;
const listeners = new Set<(event: unknown) => void>();

/** An api whose streams are visible: how many subscriptions are live right now. */
const api: Api = {
  call: async (name) => ({ ok: true, output: name }),
  subscribe: async (_name, _input, listener) => { listeners.add(listener); return { ok: true, output: () => listeners.delete(listener) }; },
  close: async () => {},
};

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'awc-web-token-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>console</title>');
  web = await startWebConsole({ api, rootDir: root });
});
afterAll(() => web?.close());

function headersOf(path: string): Promise<Record<string, string | string[] | undefined>> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port: web.port, path, headers: { host: `127.0.0.1:${web.port}` } }, (res) => { res.resume(); resolve(res.headers); })
      .on('error', reject).end();
  });
}

function open(protocols: string[], headers: Record<string, string> = {}, path = '/api'): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${web.port}${path}`, protocols, { headers: { origin: `http://127.0.0.1:${web.port}`, ...headers } });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

const withToken = () => ['awc.v1', `awc.token.${web.token}`];

describe('the web console token', () => {
  it('is handed over in the URL fragment, which no server receives', () => {
    const url = new URL(web.url);
    expect(url.hash).toBe(`#token=${web.token}`);
    expect(`${url.origin}${url.pathname}${url.search}`).not.toContain(web.token);
  });

  it('is never set as a cookie', async () => {
    recordHostile(4);
    for (const path of ['/', '/index.html', `/?token=${web.token}`, '/missing.js']) {
      expect((await headersOf(path))['set-cookie']).toBeUndefined();
    }
  });

  it('opens the socket only as a subprotocol or a bearer header, answering with the contract protocol', async () => {
    const ws = await open(withToken());
    expect(ws.protocol).toBe('awc.v1');
    ws.close();
    (await open([], { authorization: `Bearer ${web.token}` })).close();
  });

  // 10 hostile handshakes: the old carriers, near misses, and the right token from elsewhere.
  it.each([
    ['the old query string', [], {}, `/api?token=TOKEN`],
    ['the old cookie', [], { cookie: `awc_token_PORT=TOKEN` }, '/api'],
    ['a wrong token', ['awc.v1', 'awc.token.nope'], {}, '/api'],
    ['a longer token', ['awc.v1', 'awc.token.TOKENx'], {}, '/api'],
    ['an empty token', ['awc.v1', 'awc.token.'], {}, '/api'],
    ['a token without its prefix', ['awc.v1', 'TOKEN'], {}, '/api'],
    ['a basic auth header', [], { authorization: 'Basic TOKEN' }, '/api'],
    ['another loopback port', ['awc.v1', 'awc.token.TOKEN'], { origin: 'http://127.0.0.1:1' }, '/api'],
    ['a same-site fetch', ['awc.v1', 'awc.token.TOKEN'], { 'sec-fetch-site': 'same-site' }, '/api'],
    ['a foreign host name', ['awc.v1', 'awc.token.TOKEN'], { host: 'evil.example' }, '/api'],
  ])('refuses a handshake with %s', async (_what, protocols, headers, path) => {
    recordHostile(1);
    const fill = (s: string) => s.replace('TOKEN', web.token).replace('PORT', String(web.port));
    const filled = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, fill(v)]));
    await expect(open(protocols.map(fill), filled, fill(path))).rejects.toThrow(/HTTP (401|403|421)/);
  });
});

describe('web console subscriptions', () => {
  it('replaces, not leaks, a subscription whose id is reused', async () => {
    recordHostile(3);
    const ws = await open(withToken());
    const results: unknown[] = [];
    ws.on('message', (data) => results.push(JSON.parse(String(data))));
    for (let i = 0; i < 3; i += 1) ws.send(JSON.stringify({ type: 'subscribe', id: 1, name: 'migration.progress', input: { jobId: 'j' } }));
    await expect.poll(() => results.length).toBe(3);
    expect(listeners.size).toBe(1);
    ws.send(JSON.stringify({ type: 'unsubscribe', id: 1 }));
    await expect.poll(() => listeners.size).toBe(0);
    ws.close();
  });
});
