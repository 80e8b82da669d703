import { seededRandom, TokenBucket } from './token-bucket';

/**
 * How the capacity proxy behaves, all changeable at run time.
 *
 * Approximations (honest, not DynamoDB's exact accounting):
 * - a write costs 1 WCU per KB (rounded up) of the item's DynamoDB JSON, which overstates
 *   DynamoDB's size a little (type tags); deletes and updates cost 1 WCU;
 * - a write is charged again on every GSI whose key attributes the item has (the whole item,
 *   as if every index projected ALL), each GSI with its own bucket of the table's WCU;
 *   updates and deletes are charged on every GSI;
 * - a GetItem or BatchGetItem key costs 1 RCU (0.5 when eventually consistent) whatever the
 *   item's size; a Query or Scan is admitted while the bucket is not empty and then charged
 *   1 RCU per 4 KB of its answer (0.5 eventually consistent), so it can leave a debt;
 * - transactions and table operations pass without charge.
 */
export interface CapacitySettings {
  /** Write capacity units per second, per table and per GSI. Infinity: no limit. */
  wcu: number;
  /** Read capacity units per second, per table and per GSI. Infinity: no limit. */
  rcu: number;
  /** Seconds of unused capacity a bucket keeps (DynamoDB: up to 300). */
  burstSeconds: number;
  /** What an empty bucket answers. */
  throttleError: 'ProvisionedThroughputExceededException' | 'ThrottlingException';
  /** Probability that an item (BatchWriteItem) or key (BatchGetItem) the buckets admitted is returned unprocessed anyway, as a hot partition does. */
  unprocessedRate: number;
  /** Probability that a data request is answered 500 InternalServerError without reaching the table. */
  errorRate: number;
  /** Seed of the draws for unprocessedRate and errorRate. */
  seed: number;
}

export const DEFAULT_CAPACITY: CapacitySettings = {
  wcu: Infinity, rcu: Infinity, burstSeconds: 1, throttleError: 'ProvisionedThroughputExceededException',
  unprocessedRate: 0, errorRate: 0, seed: 1,
};

export interface CapacityStats {
  requests: number;
  /** Requests answered with the throttling error. */
  throttled: number;
  /** Items returned in UnprocessedItems, by the buckets or by unprocessedRate. */
  unprocessedItems: number;
  unprocessedKeys: number;
  internalErrors: number;
  writeUnits: number;
  readUnits: number;
}

/** The key attributes of a table's GSIs, which decide the indexes a written item lands in. */
export interface TableShape {
  indexes: { name: string; keys: string[] }[];
}

type Kind = 'read' | 'write';
export type AttributeMap = Record<string, unknown>;

export function writeUnits(item: AttributeMap | undefined): number {
  return item ? Math.max(1, Math.ceil(Buffer.byteLength(JSON.stringify(item)) / 1024)) : 1;
}

export class CapacityModel {
  settings: CapacitySettings;
  readonly stats: CapacityStats = { requests: 0, throttled: 0, unprocessedItems: 0, unprocessedKeys: 0, internalErrors: 0, writeUnits: 0, readUnits: 0 };
  private readonly buckets = new Map<string, TokenBucket>();
  private random: () => number;

  constructor(settings: Partial<CapacitySettings> = {}) {
    this.settings = { ...DEFAULT_CAPACITY, ...settings };
    this.random = seededRandom(this.settings.seed);
  }

  configure(changes: Partial<CapacitySettings>): void {
    this.settings = { ...this.settings, ...changes };
    if (changes.seed !== undefined) this.random = seededRandom(changes.seed);
    for (const [name, bucket] of this.buckets) bucket.setRate(name.startsWith('write:') ? this.settings.wcu : this.settings.rcu, this.settings.burstSeconds);
  }

  private bucket(kind: Kind, name: string): TokenBucket {
    const id = `${kind}:${name}`;
    let bucket = this.buckets.get(id);
    if (!bucket) this.buckets.set(id, (bucket = new TokenBucket(kind === 'write' ? this.settings.wcu : this.settings.rcu, this.settings.burstSeconds)));
    return bucket;
  }

  /** True when this request should be answered 500. */
  internalError(): boolean {
    const hit = this.settings.errorRate > 0 && this.random() < this.settings.errorRate;
    if (hit) this.stats.internalErrors++;
    return hit;
  }

  /** True when an admitted item should come back unprocessed anyway. */
  private spuriouslyUnprocessed(): boolean {
    return this.settings.unprocessedRate > 0 && this.random() < this.settings.unprocessedRate;
  }

  /** Takes `units` from every bucket named, or from none when one of them is short. */
  tryCharge(kind: Kind, names: string[], units: number): boolean {
    const buckets = names.map((name) => this.bucket(kind, name));
    if (!buckets.every((b) => b.canTake(units))) return false;
    for (const b of buckets) b.take(units);
    this.stats[kind === 'write' ? 'writeUnits' : 'readUnits'] += units * buckets.length;
    return true;
  }

  /** Charges after the fact (a Query's or Scan's answer), leaving a debt if need be. */
  charge(kind: Kind, name: string, units: number): void {
    this.bucket(kind, name).take(units);
    this.stats[kind === 'write' ? 'writeUnits' : 'readUnits'] += units;
  }

  /** The buckets a write to `table` draws on: the table's and those of the GSIs the item lands in. */
  writeBuckets(table: string, shape: TableShape, item: AttributeMap | undefined): string[] {
    const indexes = shape.indexes.filter((index) => !item || index.keys.every((key) => key in item));
    return [table, ...indexes.map((index) => `${table}/${index.name}`)];
  }

  /**
   * Splits a batch's entries into those admitted and those left unprocessed, in order: an
   * entry is admitted while its buckets have the units, unless unprocessedRate says otherwise.
   */
  split<T>(entries: T[], admit: (entry: T) => boolean): { admitted: T[]; unprocessed: T[]; short: boolean } {
    const admitted: T[] = [];
    const unprocessed: T[] = [];
    let short = false;
    for (const entry of entries) {
      if (this.spuriouslyUnprocessed()) unprocessed.push(entry);
      else if (!short && admit(entry)) admitted.push(entry);
      else {
        short = true;
        unprocessed.push(entry);
      }
    }
    return { admitted, unprocessed, short };
  }
}
