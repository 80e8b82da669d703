import type { SourceSnapshot } from '../adapters/ports';
import type { Checkpoint, CollectionCheckpoint } from './checkpoint-store';
import { engineContext, type AnyContext } from './context';

/** Documents handled (written, failed or skipped) in a collection before this run. */
export const handledBefore = (c: CollectionCheckpoint) => c.written + c.failed + c.skipped;

function describeChange(name: string, saved: CollectionCheckpoint, now: SourceSnapshot): string | undefined {
  const then = saved.sourceAtStart;
  if (then && (then.count !== now.count || then.newestId !== now.newestId)) {
    const inserted = then.newestId !== now.newestId ? ', and newer documents were added' : '';
    return `${name} changed in the source since its copy started at ${then.at}: ${then.count} documents then, ${now.count} now${inserted}.`;
  }
  if (saved.done && handledBefore(saved) !== now.count) {
    return `${name} changed in the source since it was copied: ${handledBefore(saved)} documents copied or refused then, ${now.count} in the source now.`;
  }
  return undefined;
}

/**
 * Before a resume: for each collection the checkpoint has already copied from, one sentence if
 * its source count or newest `_id` moved. Documents copied before are not read again, so their
 * copies may be stale; the caller says so and points to verify.
 */
export async function detectSourceChanges(anyCtx: AnyContext, checkpoint: Checkpoint, names: readonly string[]): Promise<string[]> {
  const { source } = engineContext(anyCtx);
  const changes: string[] = [];
  for (const name of names) {
    const saved = checkpoint.collections[name];
    if (!saved || (saved.lastId === undefined && !saved.done)) continue;
    const now = await source.snapshot(name);
    const change = describeChange(name, saved, now);
    if (change) changes.push(change);
  }
  return changes;
}
