import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Who may talk to the web console: only this machine's browser (the server binds 127.0.0.1),
 * only pages of this very origin (DNS rebinding and cross-site pages are refused), and only
 * with the token printed at start.
 */
interface GuardVerdict { status: 200 | 401 | 403 | 421; reason: string }

export const tokenCookie = (port: number) => `awc_token_${port}`;

function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** The token a request carries: `?token=` (first page load, WebSocket) or the cookie set then. */
function requestToken(request: IncomingMessage, port: number): string | undefined {
  const query = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('token');
  return query ?? cookieValue(request.headers.cookie, tokenCookie(port));
}

export function checkRequest(request: IncomingMessage, port: number, token: string): GuardVerdict {
  const hosts = allowedHosts(port);
  if (!hosts.includes(request.headers.host ?? '')) return { status: 421, reason: 'unexpected Host header' };
  const origin = request.headers.origin;
  if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`)) return { status: 403, reason: 'foreign Origin' };
  // Browsers mark cross-site requests even where they send no Origin (e.g. a plain GET).
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return { status: 403, reason: 'cross-site request' };
  if (!sameToken(requestToken(request, port), token)) return { status: 401, reason: 'missing or wrong token' };
  return { status: 200, reason: 'ok' };
}
