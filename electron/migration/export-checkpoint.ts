import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { writeJsonAtomically } from './checkpoint-store';

const PartSchema = z.object({
  index: z.number().int().nonnegative(),
  key: z.string(),
  /** Canonical Extended JSON of the part's last `_id` (converted or not). */
  lastId: z.string().optional(),
  documents: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** Uncompressed DynamoDB JSON: what ImportTable bills. */
  bytes: z.number().int().nonnegative(),
});
export type ExportedPart = z.infer<typeof PartSchema>;

const CollectionExportSchema = z.object({
  done: z.boolean(),
  /** The unbroken run of finished parts from the first: a resume reads on after the last one's `lastId`. */
  parts: z.array(PartSchema),
  /** Every finished upload, counting those a resume had to repeat (parts finished out of order). */
  uploads: z.number().int().nonnegative(),
});
export type CollectionExport = z.infer<typeof CollectionExportSchema>;

const ExportCheckpointSchema = z.object({
  version: z.literal(1),
  runId: z.string(),
  source: z.string(),
  /** `s3://bucket/prefix` or the folder: a resume must not cross targets. */
  target: z.string(),
  partBytes: z.number().int().positive(),
  collections: z.record(z.string(), CollectionExportSchema),
  updatedAt: z.string(),
});
export type ExportCheckpoint = z.infer<typeof ExportCheckpointSchema>;

export const exportCheckpointPath = (stateDir: string) => join(stateDir, 'export-checkpoint.json');

export function loadExportCheckpoint(stateDir: string): ExportCheckpoint | undefined {
  let text: string;
  try {
    text = readFileSync(exportCheckpointPath(stateDir), 'utf8');
  } catch {
    return undefined;
  }
  const parsed = ExportCheckpointSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new AppError('VALIDATION', `The export checkpoint in ${stateDir} is not one this version wrote; start without --resume.`);
  return parsed.data;
}

export function saveExportCheckpoint(stateDir: string, checkpoint: ExportCheckpoint): void {
  writeJsonAtomically(exportCheckpointPath(stateDir), { ...checkpoint, updatedAt: new Date().toISOString() });
}

export const exportedDocuments = (c: CollectionExport) => c.parts.reduce((sum, p) => sum + p.documents, 0);
export const exportedFailures = (c: CollectionExport) => c.parts.reduce((sum, p) => sum + p.failed, 0);
