import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { writeJsonAtomically } from '../checkpoint-store';
import { describeEnds, type MigrationContext } from '../context';

const PositionSchema = z.object({ t: z.number(), i: z.number() });

const CaptureCheckpointSchema = z.object({
  version: z.literal(1),
  /** The migration run whose full load this capture completes (a resumed run keeps its position). */
  runId: z.string(),
  source: z.string(),
  target: z.string(),
  collections: z.array(z.string()),
  /** Every change at or before this oplog position is applied to DynamoDB. */
  position: PositionSchema,
  startedAt: z.string(),
  updatedAt: z.string(),
});
export type CaptureCheckpoint = z.infer<typeof CaptureCheckpointSchema>;

const FILE = 'cdc-checkpoint.json';

export function loadCaptureCheckpoint(stateDir: string): CaptureCheckpoint | undefined {
  let text: string;
  try {
    text = readFileSync(join(stateDir, FILE), 'utf8');
  } catch {
    return undefined;
  }
  const parsed = CaptureCheckpointSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new AppError('VALIDATION', `The change-capture checkpoint in ${stateDir} is not one this version wrote; start again with migrate --follow.`);
  return parsed.data;
}

/** Following needs a position recorded before a full load: without one, changes would be missed. */
export function requireCaptureCheckpoint(ctx: MigrationContext): CaptureCheckpoint {
  const saved = loadCaptureCheckpoint(ctx.stateDir);
  if (!saved) throw new AppError('NOT_FOUND', `No change capture in ${resolve(ctx.stateDir)}: nothing to follow. Run a migration with following first (npm run cli -- migrate --follow), which records the oplog position before it copies.`);
  const ends = describeEnds(ctx);
  if (saved.source !== ends.source || saved.target !== ends.target) {
    throw new AppError('CONFLICT', `The change capture in ${ctx.stateDir} follows ${saved.source} → ${saved.target}, not ${ends.source} → ${ends.target}. Follow with the same source and target, or start a new migration with following.`);
  }
  return saved;
}

/** Durable (fsync, then rename): a kill at any moment leaves the previous position or the new one. */
export function saveCaptureCheckpoint(stateDir: string, checkpoint: CaptureCheckpoint): void {
  writeJsonAtomically(join(stateDir, FILE), { ...checkpoint, updatedAt: new Date().toISOString() });
}
