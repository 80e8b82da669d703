import { startCapacityProxy } from './capacity-proxy';
import type { CapacitySettings, CapacityStats } from './capacity-model';
import { faultToxic, profileToxics, type FaultKind, type FaultOptions, type FaultSettings, type NetworkProfile } from './network-profiles';
import { startToxiproxy } from './toxiproxy';

export interface HarnessOptions {
  /** Latency on both sides; none (loopback speed) when absent. */
  network?: NetworkProfile;
  /** The capacity model in front of DynamoDB Local: WCU, RCU, fault rates, seed. */
  capacity?: Partial<CapacitySettings>;
}

type Side = 'dynamodb' | 'mongodb';

/**
 * What a test or benchmark drives: connect to `mongoUrl` and `dynamoEndpoint` instead of the
 * servers', and change the network and the capacity while a job runs.
 */
export interface NetworkHarness {
  mongoUrl: string;
  dynamoEndpoint: string;
  /** Every port it listens on (Toxiproxy's API, both proxies, the capacity proxy), all on 127.0.0.1. */
  ports: number[];
  descriptions: string[];
  /** Replaces the latency on both sides; undefined: loopback speed. */
  setProfile(profile: NetworkProfile | undefined): Promise<void>;
  /** Adds a fault (on the DynamoDB side unless `side` says otherwise); resolves to its removal. */
  fault<K extends FaultKind>(kind: K, settings: FaultSettings[K], options?: FaultOptions & { side?: Side | 'both' }): Promise<() => Promise<void>>;
  /** Removes every fault, keeping the profile. */
  clearFaults(): Promise<void>;
  capacity(changes: Partial<CapacitySettings>): void;
  stats(): CapacityStats;
  stop(): Promise<void>;
}

/** The same URL with its single host replaced: credentials and options are kept. */
function throughProxy(mongoUrl: string, listen: string): string {
  const url = new URL(mongoUrl);
  if (url.protocol !== 'mongodb:' || url.host.includes(',')) throw new Error(`The network harness can only sit in front of a single-host mongodb:// URL, not ${url.protocol}//${url.hostname}`);
  url.host = listen;
  return url.toString().replace(/\/$/, '');
}

/**
 * Toxiproxy in front of both servers (DynamoDB Local behind the capacity proxy), on loopback
 * ports of their own: client → Toxiproxy (latency, faults) → capacity proxy → DynamoDB Local,
 * and client → Toxiproxy → the MongoDB-side server. Starting it leaves the servers as they were,
 * so tests that connect to them directly are unaffected.
 */
export async function startNetworkHarness(log: (line: string) => void, upstream: { mongoUrl: string; dynamoEndpoint: string }, options: HarnessOptions = {}): Promise<NetworkHarness> {
  const capacity = await startCapacityProxy(upstream.dynamoEndpoint, options.capacity);
  const toxiproxy = await startToxiproxy(log, options.capacity?.seed).catch(async (error: unknown) => { await capacity.stop(); throw error; });
  const { client } = toxiproxy;
  const stopBoth = async () => { await Promise.all([toxiproxy.stop(), capacity.stop()]); };
  const proxies = await Promise.all([client.createProxy('dynamodb', new URL(capacity.endpoint).host), client.createProxy('mongodb', new URL(upstream.mongoUrl).host)])
    .then(([dynamodb, mongodb]) => ({ dynamodb, mongodb }))
    .catch(async (error: unknown) => { await stopBoth(); throw error; });
  const sides = (side: Side | 'both' = 'dynamodb'): Side[] => (side === 'both' ? ['dynamodb', 'mongodb'] : [side]);
  let faults = 0;
  const faultNames = new Map<Side, Set<string>>([['dynamodb', new Set()], ['mongodb', new Set()]]);

  const harness: NetworkHarness = {
    mongoUrl: throughProxy(upstream.mongoUrl, proxies.mongodb.listen),
    dynamoEndpoint: `http://${proxies.dynamodb.listen}`,
    ports: [client.apiUrl, capacity.endpoint, `http://${proxies.dynamodb.listen}`, `http://${proxies.mongodb.listen}`].map((url) => Number(new URL(url).port)),
    descriptions: [],
    async setProfile(profile) {
      for (const side of sides('both')) {
        const current = (await client.toxics(side)).filter((t) => t.name.startsWith('profile-'));
        await Promise.all(current.map((t) => client.removeToxic(side, t.name)));
        if (profile) for (const toxic of profileToxics(profile)) await client.addToxic(side, toxic);
      }
    },
    async fault(kind, settings, faultOptions = {}) {
      const name = `fault-${kind}-${++faults}`;
      for (const side of sides(faultOptions.side)) {
        await client.addToxic(side, faultToxic(kind, settings, faultOptions, name));
        faultNames.get(side)!.add(name);
      }
      return async () => {
        for (const side of sides(faultOptions.side)) {
          if (faultNames.get(side)!.delete(name)) await client.removeToxic(side, name);
        }
      };
    },
    async clearFaults() {
      for (const [side, names] of faultNames) {
        await Promise.all([...names].map((name) => client.removeToxic(side, name)));
        names.clear();
      }
    },
    capacity: (changes) => capacity.configure(changes),
    stats: () => capacity.stats(),
    stop: stopBoth,
  };
  await harness.setProfile(options.network);
  const { wcu, rcu } = capacity.settings();
  harness.descriptions.push(
    `Network harness: ${toxiproxy.description}; profile ${options.network ?? 'none (loopback)'}; DynamoDB side ${harness.dynamoEndpoint}, MongoDB side ${proxies.mongodb.listen}`,
    `Capacity model: ${Number.isFinite(wcu) ? wcu : 'unlimited'} WCU, ${Number.isFinite(rcu) ? rcu : 'unlimited'} RCU per table and per GSI, in front of ${upstream.dynamoEndpoint} on ${capacity.endpoint}`,
  );
  return harness;
}
