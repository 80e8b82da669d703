import { checkOplog, newestPosition, readKeys } from '../../adapters/mongodb/oplog';
import { describeEnds, type MigrationContext } from '../context';
import { documentKey } from '../convert-document';
import { loadCaptureCheckpoint, saveCaptureCheckpoint } from './capture-checkpoint';
import { KeyMap } from './key-map';

/**
 * Before a full load that will be followed: refuses (with what is missing and how to provide it)
 * when the source keeps no readable oplog, then records the oplog position to follow from and the
 * keys deletes will need. Runs before the first document is copied, so every change made during
 * the copy is after the position. A resumed run keeps the position its first start recorded.
 */
export async function prepareCapture(ctx: MigrationContext, runId: string, collections: readonly string[]): Promise<void> {
  await checkOplog(ctx.source);
  const saved = loadCaptureCheckpoint(ctx.stateDir);
  if (saved?.runId === runId) return;
  const position = await newestPosition(ctx.source);
  const keys = new KeyMap(ctx.stateDir, true);
  try {
    for (const collection of collections) {
      for await (const docs of readKeys(ctx.source, collection)) {
        for (const doc of docs) keys.remember(collection, doc._id, documentKey(doc).key, true);
      }
    }
    keys.flush();
  } finally {
    keys.close();
  }
  const now = new Date().toISOString();
  saveCaptureCheckpoint(ctx.stateDir, { version: 1, runId, ...describeEnds(ctx), collections: [...collections], position, startedAt: now, updatedAt: now });
}
