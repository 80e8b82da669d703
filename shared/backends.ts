import { z } from 'zod';
import type { Backend } from './connection';
import { AppError } from './errors';

/**
 * What the console says about a backend and what it may promise, the same in the main process and
 * the renderer (so Node-free). The main side's registry (electron/adapters/registry.ts) adds how
 * to connect, convert and translate errors; this is the part a page needs.
 */
export interface BackendInfo {
  displayName: string;
  /** What the backend keeps documents in, for labels: "collection" / "table". */
  container: { one: string; many: string };
  /** True when an exact count is cheap enough to run with every query (DynamoDB's reads every match). */
  cheapExactCount: boolean;
  /**
   * Each read is planned (GetItem, a Query on an index the user may pick, or a Scan), and one that
   * must read the whole table is previewed with its cost and asked about first.
   */
  plannedReads: boolean;
}

/** One entry per backend; the type refuses a backend of the connection schema that has none. */
export const BACKENDS: { readonly [B in Backend]: BackendInfo } = {
  mongodb: { displayName: 'MongoDB', container: { one: 'collection', many: 'collections' }, cheapExactCount: true, plannedReads: false },
  dynamodb: { displayName: 'DynamoDB', container: { one: 'table', many: 'tables' }, cheapExactCount: false, plannedReads: true },
};

export const BACKEND_IDS = Object.keys(BACKENDS) as [Backend, ...Backend[]];
export const BackendSchema = z.enum(BACKEND_IDS);

export function isBackend(id: unknown): id is Backend {
  return typeof id === 'string' && Object.hasOwn(BACKENDS, id);
}

/** The refusal for a backend no entry names: said plainly, never taken for another backend. */
export function unknownBackend(id: unknown): AppError {
  return new AppError('VALIDATION', `Unknown backend "${String(id).slice(0, 40)}": this console knows ${BACKEND_IDS.join(' and ')}.`, { backend: String(id).slice(0, 40) });
}

/** "Collection" / "Table": the backend's container as a label. */
export function containerTitle(backend: Backend, plural = false): string {
  const { one, many } = BACKENDS[backend].container;
  const word = plural ? many : one;
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function backendInfo(id: unknown): BackendInfo {
  if (!isBackend(id)) throw unknownBackend(id);
  return BACKENDS[id];
}
