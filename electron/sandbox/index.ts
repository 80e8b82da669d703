import { MongoClient } from 'mongodb';
import { startLocalServers } from './servers';
import { loadSampleData, type SampleDataOptions } from './sample-data/load-sample-data';

export { loadSampleData, DEFAULT_SAMPLE_ALERTS, DEFAULT_SAMPLE_SEED, type SampleDataOptions } from './sample-data/load-sample-data';
export { PLANTED_PROBLEMS, isPlantedProblem } from './sample-data/known-problems';

const SANDBOX_DATABASE = 'alertwhisperer';

export interface Sandbox {
  /** With the database: `mongodb://127.0.0.1:<port>/alertwhisperer`. */
  mongoUrl: string;
  dynamoEndpoint: string;
  descriptions: string[];
  /** Documents loaded per collection. */
  counts: Record<string, number>;
  stop(): Promise<void>;
}

/** Local MongoDB-compatible server and DynamoDB Local on free loopback ports, with sample data loaded. */
export async function startSandbox(options: SampleDataOptions & { log?: (line: string) => void } = {}): Promise<Sandbox> {
  const servers = await startLocalServers(options.log);
  const mongoUrl = `${servers.mongoUrl}/${SANDBOX_DATABASE}`;
  const client = new MongoClient(mongoUrl);
  try {
    await client.connect();
    const counts = await loadSampleData(client.db(), options);
    return { mongoUrl, dynamoEndpoint: servers.dynamoEndpoint, descriptions: servers.descriptions, counts, stop: () => servers.stop() };
  } catch (error) {
    await servers.stop();
    throw error;
  } finally {
    await client.close();
  }
}
