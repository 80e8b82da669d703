import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors';

const CollectionCheckpointSchema = z.object({
  done: z.boolean(),
  /**
   * Where the unbroken written prefix ends, as the source's resume token (SourcePort.resumeToken):
   * from MongoDB the last `_id` in canonical Extended JSON, from DynamoDB each Scan segment's last key.
   */
  lastId: z.string().optional(),
  written: z.number(),
  failed: z.number(),
  skipped: z.number(),
  /**
   * The source when this collection's copy began from its first document: its count and newest
   * `_id`, both cheap to read again (metadata, the `_id` index). A resume compares them.
   */
  sourceAtStart: z.object({ count: z.number(), newestId: z.string().optional(), at: z.string() }).optional(),
});
export type CollectionCheckpoint = z.infer<typeof CollectionCheckpointSchema>;

const CheckpointSchema = z.object({
  version: z.literal(1),
  runId: z.string(),
  /** Which source and target the run copies between: a resume must not cross them. */
  source: z.string(),
  target: z.string(),
  collections: z.record(z.string(), CollectionCheckpointSchema),
  updatedAt: z.string(),
});
export type Checkpoint = z.infer<typeof CheckpointSchema>;

export const checkpointPath = (stateDir: string) => join(stateDir, 'checkpoint.json');

export function emptyCollectionCheckpoint(): CollectionCheckpoint {
  return { done: false, written: 0, failed: 0, skipped: 0 };
}

export function loadCheckpoint(stateDir: string): Checkpoint | undefined {
  let text: string;
  try {
    text = readFileSync(checkpointPath(stateDir), 'utf8');
  } catch {
    return undefined;
  }
  const parsed = CheckpointSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new AppError('VALIDATION', `The checkpoint in ${stateDir} is not one this version wrote; start a new migration instead of resuming.`);
  return parsed.data;
}

/** A resume needs a checkpoint: a mistyped state folder must not silently start a full run. */
export function requireCheckpoint(stateDir: string, hint: string): Checkpoint {
  const checkpoint = loadCheckpoint(stateDir);
  if (!checkpoint) throw new AppError('NOT_FOUND', `No checkpoint in ${resolve(stateDir)}: nothing to resume. ${hint}`);
  return checkpoint;
}

function syncPath(path: string, flags: string): void {
  const fd = openSync(path, flags);
  try { fsyncSync(fd); } finally { closeSync(fd); }
}

/**
 * Written to a temporary file, flushed to disk, and renamed over the old one (then the folder is
 * flushed too): a run killed at any moment, or a power cut, leaves either the previous file or
 * the new one, never half of one.
 */
export function writeJsonAtomically(path: string, value: unknown): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, JSON.stringify(value, null, 1));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  syncPath(dir, 'r');
}

export function saveCheckpoint(stateDir: string, checkpoint: Checkpoint): void {
  writeJsonAtomically(checkpointPath(stateDir), { ...checkpoint, updatedAt: new Date().toISOString() });
}

