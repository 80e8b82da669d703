import type { BackendInfo } from '../../shared/backends';
import type { Connection } from '../../shared/connection';
import type { AppError } from '../../shared/errors';
import type { Update } from '../../shared/query';
import type { ZodType } from 'zod';
import type { DatabaseAdapter } from './database-adapter';
import type { SourcePort, TargetPort } from './ports';

/**
 * Everything the console needs to know of one backend, registered once in registry.ts. Its
 * folder (electron/adapters/<backend>/) exports one of these; nothing outside the folder
 * branches on the backend's name.
 */
export interface BackendDefinition<C extends Connection = Connection, H = unknown> {
  readonly id: C['backend'];
  /** Display name and labels, shared with the renderer (shared/backends.ts). */
  readonly info: BackendInfo;
  /** The saved connection's settings: what a connection of this backend must hold. */
  readonly schema: ZodType<C>;
  /** An adapter connected and checked: an unreachable server or refused credentials fail here, not on the first page. */
  open(connection: C): Promise<DatabaseAdapter>;
  /** A failure met while connecting, in this backend's words (UNREACHABLE, AUTH_FAILED, TIMEOUT, ...). */
  translateFailure(error: unknown, connection: C): AppError;
  /** A document or `$set` in wire form (Extended JSON) → the values this backend's adapter writes. Throws VALIDATION. */
  fromWire(value: Record<string, unknown>): Record<string, unknown>;
  /** Refuses the parts of an update `fromWire` does not see ($unset, $inc) that this backend cannot write. */
  checkUpdate(update: Update): void;
  /** Dates are stored as ISO-8601 strings, so a filter can bound them as text (DynamoDB); else as native dates. */
  readonly datesAreStrings: boolean;
  /** How a sample of `n` documents is taken, in words for the field overview. */
  describeSample(n: number): string;
  /** How the migration engine opens this backend as one end of a pair (adapters/open-ports.ts). */
  readonly ports: BackendPorts<C, H>;
}

/**
 * The migration's ends over one backend: a handle opened once per pair (`H`: the driver's client
 * and database, or the DynamoDB clients), and the ports over it. A backend that cannot be read
 * from, or written to, leaves that factory out and open-ports refuses the direction by name.
 */
export interface BackendPorts<C extends Connection, H> {
  connect(connection: C): Promise<H>;
  /** Frees what `connect` opened. */
  disconnect(handle: H): Promise<void>;
  /** Reads this backend as a migration's source (a resumable stream, counts, reads by key). */
  source?(handle: H): SourcePort;
  /** Writes this backend as a migration's target (ensure, batches with its retry rules, scans). */
  target?(handle: H): TargetPort;
}
