import type { Backend } from '../../shared/connection';
import type { CollectionDescription, CollectionInfo, PingResult, QueryPlan, QueryPreview } from '../../shared/database';
import type { PlannedRead } from '../../shared/planned-read';
import type { Filter, FindOptions, Projection, Update } from '../../shared/query';

/**
 * A document as the adapters hand it out: plain objects, arrays and scalars, plus the values
 * each backend keeps exact (BSON types on MongoDB; lib-dynamodb's NumberValue for numbers a
 * JavaScript number would round, Uint8Array for binary on DynamoDB).
 */
export type Document = Record<string, unknown>;

export interface FindPage {
  documents: Document[];
  /** Present when more documents match: pass it back as `options.cursor`. */
  nextCursor?: string;
  plan: QueryPlan;
}

/**
 * The seed guide's adapter API, plus what a console needs. Collection names are the catalogue's
 * (e.g. `alerts`); the DynamoDB adapter maps them to prefixed table names itself.
 * Every method throws AppError (shared/errors.ts) and nothing else.
 */
export interface DatabaseAdapter {
  readonly backend: Backend;
  ping(): Promise<PingResult>;
  /** Returns the document's `id` (generated when absent). */
  insertOne(collection: string, document: Document): Promise<string>;
  findOne(collection: string, filter: Filter, projection?: Projection): Promise<Document | null>;
  /** `signal` cancels a read in flight (e.g. a full Scan the user stopped): it then throws CANCELLED. */
  find(collection: string, filter: Filter, options?: FindOptions, signal?: AbortSignal): Promise<FindPage>;
  /** What `find` would do and what it would cost, without reading any document. */
  preview(collection: string, filter: Filter, options?: FindOptions): Promise<QueryPreview>;
  /** What `find` would send for these arguments, without sending it (for "copy as code" and exports). */
  explain(collection: string, filter: Filter, options?: FindOptions): Promise<PlannedRead>;
  /** Returns the number of documents modified (0 or 1). */
  updateOne(collection: string, filter: Filter, update: Update): Promise<number>;
  /** Returns the number of documents deleted (0 or 1). */
  deleteOne(collection: string, filter: Filter): Promise<number>;
  countDocuments(collection: string, filter: Filter): Promise<number>;
  listCollections(): Promise<CollectionInfo[]>;
  describe(collection: string): Promise<CollectionDescription>;
  close(): Promise<void>;
}
