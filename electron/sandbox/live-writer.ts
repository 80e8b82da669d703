import { randomUUID } from 'node:crypto';
import { Long, MongoClient, type Db, type Document } from 'mongodb';

export interface LiveWriter {
  counts(): { inserted: number; updated: number; deleted: number };
  /** Stops, and resolves once the writes in flight have been acknowledged. */
  stop(): Promise<void>;
}

const SEVERITIES = ['critical', 'high', 'medium', 'low'];
const STATUSES = ['active', 'acknowledged', 'resolved'];

function newAlert(n: number): Document {
  // One in ten without `id`, as some sample alerts: their item key is the string of `_id`.
  return {
    ...(n % 10 === 3 ? {} : { id: randomUUID() }),
    company_id: `company-live-${n % 3}`,
    severity: SEVERITIES[n % SEVERITIES.length],
    status: 'active',
    message: `Live alert ${n}: CPU above threshold`,
    tool_source: 'live-writer',
    timestamp: new Date(),
    metrics: { value: n % 100, event_sequence: Long.fromBigInt(9_007_199_254_740_993n + BigInt(n)) },
    metadata: { tags: ['live'] },
  };
}

/** One update among the shapes an application sends: $set, $inc, $push, $unset, a replacement. */
function update(db: Db, id: unknown, n: number): Promise<unknown> {
  const alerts = db.collection('alerts');
  switch (n % 5) {
    case 0: return alerts.updateOne({ _id: id } as Document, { $set: { status: STATUSES[n % 3], acknowledged_at: new Date(), acknowledged_by: 'live-writer' } });
    case 1: return alerts.updateOne({ _id: id } as Document, { $inc: { 'metrics.value': 1 } });
    case 2: return alerts.updateOne({ _id: id } as Document, { $push: { 'metadata.tags': `t${n}` } } as Document);
    case 3: return alerts.updateOne({ _id: id } as Document, { $unset: { resolved_at: '' } });
    default: return alerts.findOne({ _id: id } as Document).then((doc) => doc && alerts.replaceOne({ _id: id } as Document, { ...doc, message: `Replaced ${n}`, severity: 'high' }));
  }
}

/**
 * The application's side during a cutover: inserts, updates and deletes alerts at a steady rate
 * (about half inserts, a third updates, the rest deletes), several writes in flight at once like
 * a web server's. For the demo, tests and benchmarks.
 */
export async function startLiveWriter(db: Db, changesPerSecond: number): Promise<LiveWriter> {
  const pool = (await db.collection('alerts').find({}, { projection: { _id: 1 }, limit: 2000 }).toArray()).map((d) => d._id as unknown);
  const counts = { inserted: 0, updated: 0, deleted: 0 };
  const inFlight = new Set<Promise<unknown>>();
  let n = 0;
  const one = async () => {
    const k = n++;
    const roll = k % 20;
    if (roll < 10 || pool.length < 10) {
      const result = await db.collection('alerts').insertOne(newAlert(k));
      pool.push(result.insertedId);
      counts.inserted++;
    } else if (roll < 17) {
      await update(db, pool[(k * 7919) % pool.length], k);
      counts.updated++;
    } else {
      const [id] = pool.splice((k * 104_729) % pool.length, 1);
      await db.collection('alerts').deleteOne({ _id: id } as Document);
      counts.deleted++;
    }
  };
  const started = Date.now();
  const timer = setInterval(() => {
    const due = Math.floor(((Date.now() - started) / 1000) * changesPerSecond) - n;
    for (let i = 0; i < due && inFlight.size < 50; i++) {
      const write = one().catch(() => {}).finally(() => inFlight.delete(write));
      inFlight.add(write);
    }
  }, 20);
  return {
    counts: () => ({ ...counts }),
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
    },
  };
}

/** The sandbox's writer in the console: its own connection to the sandbox's database, closed by stop(). */
export async function startLiveWriterAt(url: string, changesPerSecond: number): Promise<LiveWriter> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5000 });
  await client.connect();
  try {
    const writer = await startLiveWriter(client.db(), changesPerSecond);
    return { counts: writer.counts, stop: () => writer.stop().finally(() => client.close()) };
  } catch (error) {
    await client.close();
    throw error;
  }
}
