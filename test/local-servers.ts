import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';

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
