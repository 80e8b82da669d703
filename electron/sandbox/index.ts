import { connectMongo, type MongoHandle } from '../adapters/mongodb/connect';
import { createBucket, createS3Clients } from '../adapters/s3/s3-client';
import { startLocalServers } from './servers';
import { loadSampleData, type SampleDataOptions } from './sample-data/load-sample-data';

export { loadSampleData, DEFAULT_SAMPLE_ALERTS, DEFAULT_SAMPLE_SEED, type SampleDataOptions } from './sample-data/load-sample-data';
export { PLANTED_PROBLEMS, isPlantedProblem } from './sample-data/known-problems';

const SANDBOX_DATABASE = 'alertwhisperer';
/** Created on moto when the sandbox has S3, ready for `migrate --via s3`. */
export const SANDBOX_BUCKET = 'alertwhisperer-sandbox';

export interface Sandbox {
  /** With the database: `mongodb://127.0.0.1:<port>/alertwhisperer`. */
  mongoUrl: string;
  dynamoEndpoint: string;
  /** With `s3: true`: moto's S3 + ImportTable endpoint, with SANDBOX_BUCKET (for `migrate --via s3`). */
  s3Endpoint?: string;
  descriptions: string[];
  /** Documents loaded per collection. */
  counts: Record<string, number>;
  stop(): Promise<void>;
}

/** Local MongoDB-compatible server and DynamoDB Local on free loopback ports, with sample data loaded. */
export async function startSandbox(options: SampleDataOptions & { log?: (line: string) => void; s3?: boolean } = {}): Promise<Sandbox> {
  const servers = await startLocalServers(options.log, { s3: options.s3 ?? false });
  const mongoUrl = `${servers.mongoUrl}/${SANDBOX_DATABASE}`;
  let mongo: MongoHandle | undefined;
  try {
    mongo = await connectMongo({ backend: 'mongodb', url: mongoUrl });
    const counts = await loadSampleData(mongo.db, options);
    if (servers.s3Endpoint) await createSandboxBucket(servers.s3Endpoint);
    return { mongoUrl, dynamoEndpoint: servers.dynamoEndpoint, ...(servers.s3Endpoint ? { s3Endpoint: servers.s3Endpoint } : {}), descriptions: servers.descriptions, counts, stop: () => servers.stop() };
  } catch (error) {
    await servers.stop();
    throw error;
  } finally {
    await mongo?.client.close();
  }
}

async function createSandboxBucket(endpoint: string): Promise<void> {
  const s3 = createS3Clients({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try { await createBucket(s3, SANDBOX_BUCKET); } finally { s3.client.destroy(); }
}
