import type { CollectionSpec } from '../../shared/catalogue';
import type { Backend } from '../../shared/connection';
import type { RetryControl } from './retry/send-with-retries';

export type { RetryControl } from './retry/send-with-retries';

/**
 * The migration engine's view of a database (issue 12): it reads through a SourcePort and writes
 * through a TargetPort, and never holds a driver handle. MongoDB and DynamoDB each implement both
 * (adapters/mongodb/mongo-ports.ts, adapters/dynamodb/dynamo-source.ts and dynamo-target.ts),
 * registered with their backend (BackendDefinition.ports); adapters/open-ports.ts opens a pair. Collections are named by their catalogue name: each port maps it to its own
 * container (a collection, or a prefixed table).
 */

/** A document or an item as its backend's driver hands it out (BSON values, or document-client values). */
export type StoredRecord = Record<string, unknown>;

export type { Backend } from '../../shared/connection';

/**
 * A record's key under the conversion rules (the engine's): a target without a key of its own
 * (MongoDB keys on `_id`, the rules on `id`) finds records by it.
 */
export type KeyOf = (record: StoredRecord) => string;

/** One read of a source stream: records in resume order, and where each one leaves the stream. */
export interface SourcePage {
  records: StoredRecord[];
  /** The stream position just after `records[i]`, opaque; `SourcePort.resumeToken` turns it into text. */
  markAt(index: number): unknown;
}

/** What a resume can compare cheaply (metadata only): a count and, where there is an order, the newest position. */
export interface SourceSnapshot {
  count: number;
  newestId?: string;
  at: string;
}

export interface SourcePort {
  readonly backend: Backend;
  /** Host and database (or endpoint and prefix), without credentials: ties a checkpoint to its ends. */
  describe(): string;
  /** The container a collection lives in: the collection itself, or `<prefix>_<collection>`. */
  where(collection: string): string;
  /**
   * Every record, in an order that resumes: after `resume` (a token from `resumeToken`), only
   * records not yet handed out come. Pages overlap reading with the caller's work.
   */
  read(collection: string, resume?: string): AsyncGenerator<SourcePage>;
  resumeToken(mark: unknown): string;
  /** From metadata: for progress totals, never a full pass. */
  quickCount(collection: string): Promise<number>;
  exactCount(collection: string, signal?: AbortSignal): Promise<number>;
  snapshot(collection: string): Promise<SourceSnapshot>;
  /** The records holding these keys (several when a key is shared), in resume order. */
  readByKeys(collection: string, keys: string[], keyOf: KeyOf): Promise<StoredRecord[]>;
}

export interface WriteFailure {
  key: string;
  reason: string;
}

export interface WriteOutcome {
  written: number;
  failures: WriteFailure[];
}

/** A target's requests for one job: the engine's retry rules apply, and `close` frees what it opened. */
export interface TargetSession {
  /** Writes (insert or replace) `records`, whose keys are `keys`; a record the target refuses fails alone. */
  write(collection: string, records: StoredRecord[], keys: string[]): Promise<WriteOutcome>;
  /** The records under these keys (distinct, up to `readBatch`), read consistently. */
  readByKeys(collection: string, keys: string[], keyOf: KeyOf): Promise<Map<string, StoredRecord>>;
  close(): Promise<void>;
}

export interface TargetPort {
  readonly backend: Backend;
  describe(): string;
  where(collection: string): string;
  /** Keys per `readByKeys` call. */
  readonly readBatch: number;
  /** Creates the missing containers (with their indexes) and waits until they take writes. */
  ensure(specs: readonly CollectionSpec[], signal?: AbortSignal): Promise<void>;
  exists(collection: string, signal?: AbortSignal): Promise<boolean>;
  session(control: RetryControl): TargetSession;
  /** Every key in the container, once each; returns how many. */
  scanKeys(collection: string, keyOf: KeyOf, onKey: (key: string) => void, signal?: AbortSignal): Promise<number>;
  count(collection: string, signal?: AbortSignal): Promise<number>;
}

/** One source and one target, opened together (adapters/open-ports.ts) and closed together. */
export interface PortPair {
  source: SourcePort;
  target: TargetPort;
  close(): Promise<void>;
}
