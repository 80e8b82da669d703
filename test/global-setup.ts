import type { TestProject } from 'vitest/node';
import { startLocalServers } from '../electron/sandbox/servers';

declare module 'vitest' {
  export interface ProvidedContext {
    servers: { mongoUrl: string; dynamoEndpoint: string };
  }
}

/** Starts the real servers once for the integration run and prints what they are. */
export default async function setup(project: TestProject) {
  console.log(`Node ${process.version}`);
  // No oplog on the shared server: FerretDB would write every change twice for every test.
  // Change-capture tests start a server of their own (test/support/cdc-test-context.ts).
  const servers = await startLocalServers((line) => console.log(line), { useMongoUrl: true, oplogBytes: 0 });
  for (const line of servers.descriptions) console.log(line);
  project.provide('servers', { mongoUrl: servers.mongoUrl, dynamoEndpoint: servers.dynamoEndpoint });
  return () => servers.stop();
}
