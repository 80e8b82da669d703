import type { CapacitySettings } from './capacity-model';
import { startDynamoDbLocal } from './dynamodb-local';
import { reapOrphans } from './managed-process';
import { startMongoServer } from './mongo-server';
import { startMotoServer } from './moto-server';
import { startNetworkHarness, type NetworkHarness } from './network-harness';
import type { NetworkProfile } from './network-profiles';

export type { NetworkHarness } from './network-harness';
export { startNetworkHarness } from './network-harness';
export { MOTO_VERSION, ensureMoto, startMotoServer } from './moto-server';
export { isNetworkProfile, NETWORK_PROFILES, type NetworkProfile } from './network-profiles';

interface LocalServers {
  /** The servers themselves, without the harness. */
  mongoUrl: string;
  dynamoEndpoint: string;
  /** Present when asked for: its endpoints sit in front of the two above. */
  harness?: NetworkHarness;
  /** Present when asked for (`s3: true`): moto's S3 + ImportTable endpoint. */
  s3Endpoint?: string;
  /** One line per server: what runs, which version, where. */
  descriptions: string[];
  stop(): Promise<void>;
}

interface LocalServerOptions {
  useMongoUrl?: boolean;
  /** The size of FerretDB's oplog (its reads scan all of it: smaller is faster, larger holds more history); 0: none. */
  oplogBytes?: number;
  /** Any of these starts the network harness in front of the servers. */
  network?: NetworkProfile;
  wcu?: number;
  rcu?: number;
  /** Fault rates of the capacity model (and the seed of their draws). */
  faults?: Partial<Pick<CapacitySettings, 'unprocessedRate' | 'errorRate' | 'throttleError' | 'seed'>>;
  /** Also start moto (S3 + DynamoDB ImportTable); opt-in, as it takes seconds to start. */
  s3?: boolean;
}

/**
 * Starts both local servers on free loopback ports, cleaning up what a killed run left behind.
 * `useMongoUrl` lets the test harness run against the server MONGO_URL names instead (its tests
 * write only to databases of their own); the sandbox, which loads sample data over the
 * `alertwhisperer` database, never does, so it can never touch a real deployment.
 */
export async function startLocalServers(log: (line: string) => void = () => {}, options: LocalServerOptions = {}): Promise<LocalServers> {
  reapOrphans();
  const [mongo, dynamo] = await Promise.allSettled([startMongoServer(log, options.useMongoUrl ?? false, options.oplogBytes), startDynamoDbLocal(log)]);
  if (mongo.status === 'rejected' || dynamo.status === 'rejected') {
    await Promise.all([mongo, dynamo].map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
    throw [mongo, dynamo].map((s) => (s.status === 'rejected' ? s.reason : undefined)).find(Boolean);
  }
  const stopServers = async () => { await Promise.all([mongo.value.stop(), dynamo.value.stop()]); };
  const { network, wcu, rcu, faults } = options;
  const wanted = network !== undefined || wcu !== undefined || rcu !== undefined || faults !== undefined;
  const harness = wanted
    ? await startNetworkHarness(log, { mongoUrl: mongo.value.url, dynamoEndpoint: dynamo.value.endpoint }, { network, capacity: { ...faults, ...(wcu === undefined ? {} : { wcu }), ...(rcu === undefined ? {} : { rcu }) } })
      .catch(async (error: unknown) => { await stopServers(); throw error; })
    : undefined;
  const moto = options.s3
    ? await startMotoServer(log).catch(async (error: unknown) => { await harness?.stop(); await stopServers(); throw error; })
    : undefined;
  return {
    mongoUrl: mongo.value.url,
    dynamoEndpoint: dynamo.value.endpoint,
    harness,
    ...(moto ? { s3Endpoint: moto.endpoint } : {}),
    descriptions: [`MongoDB side: ${mongo.value.description}`, `DynamoDB side: ${dynamo.value.description}`, ...(harness?.descriptions ?? []), ...(moto ? [`S3 + ImportTable: ${moto.description}`] : [])],
    stop: async () => { await moto?.stop(); await harness?.stop(); await stopServers(); },
  };
}
