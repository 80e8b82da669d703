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
