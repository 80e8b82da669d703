import type { CallName } from './contract';

/**
 * Electron IPC channel names, derived from the contract's keys (never written anywhere else).
 * Apart from contract.ts so the preload bundles no schema code.
 */
export const channels = {
  call: (name: CallName) => `awc:call:${name}`,
  subscribe: 'awc:subscribe',
  unsubscribe: 'awc:unsubscribe',
  event: 'awc:event',
} as const;

/**
 * The web console's WebSocket subprotocols: the page offers both, the server answers with the
 * first. The token rides in the second because a browser WebSocket can set no other header, and
 * unlike a cookie or a URL it is sent only where the page's own script sends it.
 */
export const webSocketProtocol = {
  contract: 'awc.v1',
  token: (token: string) => `awc.token.${token}`,
  tokenPrefix: 'awc.token.',
} as const;
