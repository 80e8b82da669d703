import type { Db, Document } from 'mongodb';
import { COLLECTION_NAMES } from '../../../shared/catalogue';
import {
  alerts, auditLogs, awsCredentials, chatMessages, companies, correlationConfig, createWorld, incidents, notifications,
  rateLimitConfig, runbooks, sampleObjectId, slaConfig, users, webhookSecurityConfig, type SampleWorld,
} from './generators';
import { PLANTED_PROBLEMS } from './known-problems';

export interface SampleDataOptions {
  /** Alerts to generate (the seed guide's example has 1250); other collections scale with it. */
  alerts?: number;
  seed?: number;
  /** Load only these collections (default: all 13). */
  collections?: string[];
  /** The data's "now" in ms (default Date.now()): dates fall in the weeks before it. */
  now?: number;
}

export const DEFAULT_SAMPLE_ALERTS = 1250;
export const DEFAULT_SAMPLE_SEED = 20240601;
const INSERT_BATCH = 1000;

const scaled = (alertCount: number, per1250: number) => Math.max(1, Math.round((alertCount * per1250) / 1250));

/** The world for the seed guide's proportions (3 companies, 5 users, 1250 alerts, 85 incidents). */
function sampleWorld(seed: number, alertCount: number, now: number | undefined): SampleWorld {
  const plantedAlerts = PLANTED_PROBLEMS.filter((p) => p.collection === 'alerts').length;
  return createWorld(seed, 3, { alerts: Math.max(0, alertCount - plantedAlerts), incidents: scaled(alertCount, 85), ...(now === undefined ? {} : { now }) });
}

/** How many documents of each kind, scaled with the alerts. */
function sources(world: SampleWorld, alertCount: number): Record<string, Iterable<Document>> {
  const scaledBy = (per1250: number) => scaled(alertCount, per1250);
  return {
    companies: companies(world),
    users: users(world),
    alerts: alerts(world),
    incidents: incidents(world),
    runbooks: runbooks(world),
    notifications: notifications(world, scaledBy(200)),
    chat_messages: chatMessages(world, scaledBy(150)),
    audit_logs: auditLogs(world, scaledBy(300)),
    correlation_config: correlationConfig(world),
    webhook_security_config: webhookSecurityConfig(world),
    rate_limit_config: rateLimitConfig(world),
    sla_config: slaConfig(world),
    aws_credentials: awsCredentials(world),
  };
}

/**
 * The 13 collections' documents, lazily (planted problems not included), and the machine part
 * of their ObjectIds.
 */
export function sampleSources(options: SampleDataOptions = {}): { machine: string; sources: Record<string, Iterable<Document>> } {
  const alertCount = options.alerts ?? DEFAULT_SAMPLE_ALERTS;
  const world = sampleWorld(options.seed ?? DEFAULT_SAMPLE_SEED, alertCount, options.now);
  const machine = world.rng.hex(10);
  return { machine, sources: sources(world, alertCount) };
}

function* withPlanted(collection: string, documents: Iterable<Document>): Generator<Document> {
  yield* documents;
  for (const planted of PLANTED_PROBLEMS) if (planted.collection === collection) yield planted.document();
}

/**
 * Replaces the 13 collections of `db` with sample data, streamed in batches of 1000 so any
 * size loads in flat memory. Returns the number of documents per collection.
 */
export async function loadSampleData(db: Db, options: SampleDataOptions = {}): Promise<Record<string, number>> {
  const { machine, sources: all } = sampleSources(options);
  const counts: Record<string, number> = {};
  for (const [collectionIndex, name] of COLLECTION_NAMES.entries()) {
    if (options.collections && !options.collections.includes(name)) continue;
    const collection = db.collection(name);
    await collection.drop().catch(() => {});
    let batch: Document[] = [];
    let count = 0;
    for (const doc of withPlanted(name, all[name]!)) {
      batch.push({ _id: sampleObjectId(collectionIndex, count, machine), ...doc });
      count++;
      if (batch.length === INSERT_BATCH) {
        await collection.insertMany(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await collection.insertMany(batch);
    counts[name] = count;
  }
  return counts;
}
