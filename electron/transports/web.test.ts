import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createConnectionStore } from '../settings/connection-store';
import { createApi } from '../api/create-api';
import type { ApiDeps } from '../api/api-deps';
import { startWebConsole, type WebConsole } from './web';

let web: WebConsole;
const used: string[] = [];

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'awc-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  const refuse = (what: string) => () => { used.push(what); throw new Error(what); };
  const deps: ApiDeps = {
    store: createConnectionStore(),
    createAdapter: refuse('createAdapter'),
    engine: { open: refuse('open'), plan: refuse('plan'), start: refuse('start'), verify: refuse('verify'), template: refuse('template'), cutover: refuse('cutover') },
    startSandbox: refuse('startSandbox'),
    log: () => {},
  };
  web = await startWebConsole({ api: createApi(deps), rootDir: root });
});
afterAll(() => web?.close());

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: web.port, path, headers: { host: `127.0.0.1:${web.port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function socket(protocols: string[], headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${web.port}/api`, protocols, { headers: { origin: `http://127.0.0.1:${web.port}`, ...headers } });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function callOver(ws: WebSocket, name: string, input: unknown): Promise<{ ok: boolean; output?: unknown; error?: { code: string } }> {
  const id = Math.floor(Math.random() * 1e9);
  return new Promise((resolve) => {
    ws.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.type === 'result' && message.id === id) resolve(message.outcome);
    });
    ws.send(JSON.stringify({ type: 'call', id, name, input }));
  });
}

describe('web console security', () => {
  it('listens on the loopback address only', async () => {
    expect(web.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${web.port}/#token=`));
    const external = Object.values(networkInterfaces()).flat().find((i) => i && !i.internal && i.family === 'IPv4');
    if (!external) return console.log('no non-loopback IPv4 interface here: only the URL was checked');
    const refused = await new Promise<boolean>((resolve) => {
      const s = connect(web.port, external.address);
      s.once('connect', () => { s.destroy(); resolve(false); });
      s.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });

  it('serves the public page with strict headers and no cookie', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect((await get('/assets/app.js')).status).toBe(200);
  });

  it('refuses a foreign Origin, a cross-site fetch and a foreign Host', async () => {
    expect((await get('/', { origin: 'http://evil.example' })).status).toBe(403);
    expect((await get('/', { origin: `http://127.0.0.1:${web.port + 1}` })).status).toBe(403);
    expect((await get('/', { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await get('/', { 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await get('/', { host: `evil.example:${web.port}` })).status).toBe(421);
    expect((await get('/', { host: 'localhost:1' })).status).toBe(421);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fpackage.json']) {
      expect((await get(path)).status).toBe(404);
    }
  });

  it('refuses WebSockets without the token or from another origin', async () => {
    await expect(socket([])).rejects.toThrow('HTTP 401');
    await expect(socket(['awc.v1', 'awc.token.nope'])).rejects.toThrow('HTTP 401');
    await expect(socket(['awc.v1', `awc.token.${web.token}`], { origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
  });

  it('answers contract calls over an accepted WebSocket and validates their input', async () => {
    const ws = await socket(['awc.v1', `awc.token.${web.token}`]);
    expect(await callOver(ws, 'connections.list', {})).toEqual({ ok: true, output: [] });
    expect(await callOver(ws, 'documents.find', { connectionId: 'x', collection: 'alerts', filter: { $where: '1' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(used).toEqual([]);
    ws.close();
  });
});
