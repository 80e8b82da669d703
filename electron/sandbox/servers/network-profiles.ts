import type { Toxic, ToxicStream } from './toxiproxy-client';

/**
 * Named network conditions. The figures are what one request–response round trip gains:
 * Toxiproxy's latency toxic delays the data flowing in one direction by `latency ± jitter`
 * (uniform), so the harness puts half on the requests (upstream) and half on the answers
 * (downstream); for `lan` the odd millisecond goes on the answers. A new connection gains
 * nothing: Toxiproxy accepts it locally.
 */
export const NETWORK_PROFILES = {
  lan: { latency: 1, jitter: 0 },
  region: { latency: 10, jitter: 2 },
  'cross-region': { latency: 60, jitter: 10 },
} as const;

export type NetworkProfile = keyof typeof NETWORK_PROFILES;

export function isNetworkProfile(name: string): name is NetworkProfile {
  return Object.hasOwn(NETWORK_PROFILES, name);
}

/** The latency toxics of a profile, one per direction that gains anything. */
export function profileToxics(profile: NetworkProfile): Toxic<'latency'>[] {
  const { latency, jitter } = NETWORK_PROFILES[profile];
  const half = (value: number, stream: ToxicStream) => (stream === 'upstream' ? Math.floor(value / 2) : Math.ceil(value / 2));
  return (['upstream', 'downstream'] as const)
    .map((stream) => ({ name: `profile-${stream}`, type: 'latency' as const, stream, toxicity: 1, attributes: { latency: half(latency, stream), jitter: half(jitter, stream) } }))
    .filter((toxic) => toxic.attributes.latency > 0);
}

/**
 * Faults, named for what the client sees:
 * - `reset`: the connection is reset (TCP RST) after `ms` (0: at once); requests in flight fail.
 * - `timeout`: the socket stalls, data goes nowhere; closed after `ms`, never when 0.
 * - `slow-close`: closing the connection is delayed by `ms`.
 * - `bandwidth`: at most `kbPerSecond` KB/s.
 */
export interface FaultSettings {
  reset: { ms: number };
  timeout: { ms: number };
  'slow-close': { ms: number };
  bandwidth: { kbPerSecond: number };
}
export type FaultKind = keyof FaultSettings;

/** The Toxiproxy toxic that makes a fault. */
function toxicFor<K extends FaultKind>(kind: K, settings: FaultSettings[K]): Pick<Toxic, 'type' | 'attributes'> {
  const s = settings as Partial<{ ms: number; kbPerSecond: number }>;
  switch (kind) {
    case 'reset': return { type: 'reset_peer', attributes: { timeout: s.ms! } };
    case 'timeout': return { type: 'timeout', attributes: { timeout: s.ms! } };
    case 'slow-close': return { type: 'slow_close', attributes: { delay: s.ms! } };
    default: return { type: 'bandwidth', attributes: { rate: s.kbPerSecond! } };
  }
}

export interface FaultOptions {
  /** Requests (upstream) or answers (downstream); answers by default, so requests reach the server. */
  stream?: ToxicStream;
  /** The share of connections affected, 0–1; all by default. */
  toxicity?: number;
}

export function faultToxic<K extends FaultKind>(kind: K, settings: FaultSettings[K], options: FaultOptions, name: string): Toxic {
  const { type, attributes } = toxicFor(kind, settings);
  return { name, type, attributes, stream: options.stream ?? 'downstream', toxicity: options.toxicity ?? 1 };
}
