import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { webSocketProtocol } from '../../shared/channels';

/**
 * Who may talk to the web console: only this machine's browser (the server binds 127.0.0.1),
 * only pages of this very origin (DNS rebinding and cross-site pages are refused), and, for the
 * contract itself, only with the token printed at start. The token travels in the URL fragment
 * (never sent to any server), then only as a header the page's script sets: no cookie, which
 * every other port on 127.0.0.1 would receive too.
 */
interface GuardVerdict { status: 200 | 401 | 403 | 421; reason: string }

function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token a request carries: a WebSocket subprotocol (browsers) or `Authorization: Bearer` (scripts). */
function requestToken(request: IncomingMessage): string | undefined {
  const offered = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  const fromProtocol = offered.find((p) => p.startsWith(webSocketProtocol.tokenPrefix))?.slice(webSocketProtocol.tokenPrefix.length);
  const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
  return fromProtocol ?? bearer;
}

/** Host, Origin and Fetch-Metadata checks: every request, the static page's included. */
export function checkOrigin(request: IncomingMessage, port: number): GuardVerdict {
  const hosts = allowedHosts(port);
  if (!hosts.includes(request.headers.host ?? '')) return { status: 421, reason: 'unexpected Host header' };
  const origin = request.headers.origin;
  if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`)) return { status: 403, reason: 'foreign Origin' };
  // Browsers mark cross-site requests even where they send no Origin (e.g. a plain GET);
  // another port on 127.0.0.1 is "same-site", and refused as well.
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return { status: 403, reason: 'cross-site request' };
  return { status: 200, reason: 'ok' };
}

/** The origin checks, then the token: what the contract's WebSocket needs. */
export function checkRequest(request: IncomingMessage, port: number, token: string): GuardVerdict {
  const verdict = checkOrigin(request, port);
  if (verdict.status !== 200) return verdict;
  if (!sameToken(requestToken(request), token)) return { status: 401, reason: 'missing or wrong token' };
  return { status: 200, reason: 'ok' };
}
