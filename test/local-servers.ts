import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { startMotoServer } from '../electron/sandbox/servers/moto-server';
import { startNetworkHarness, type HarnessOptions, type NetworkHarness } from '../electron/sandbox/servers/network-harness';

/** Connection details of the servers that test/global-setup.ts started for this run. */
export function localServers() {
  const { mongoUrl, dynamoEndpoint } = inject('servers');
  return {
    mongoUrl,
    dynamo: {
      endpoint: dynamoEndpoint,
      region: 'us-east-1',
      // DynamoDB Local runs with -sharedDb, so any key pair sees the same tables.
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    },
  };
}

/** A name no other test file uses, for databases and table prefixes. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

/**
 * The network harness in front of this run's servers, for a test file of its own: other test
 * files keep talking to the servers directly. Stop it in afterAll.
 */
export function startTestHarness(options: HarnessOptions = {}): Promise<NetworkHarness> {
  const { mongoUrl, dynamoEndpoint } = inject('servers');
  return startNetworkHarness(() => {}, { mongoUrl, dynamoEndpoint }, options);
}

/**
 * moto (S3 + DynamoDB ImportTable) for a test file of its own, on a free loopback port; the
 * default integration run does not start it. Any key pair works. Stop it in afterAll.
 */
export async function startTestMoto() {
  const moto = await startMotoServer();
  return {
    endpoint: moto.endpoint,
    description: moto.description,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    stop: () => moto.stop(),
  };
}
