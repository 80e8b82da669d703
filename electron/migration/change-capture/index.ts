import type { MigrationContext } from '../context';
import type { MigrationHooks } from '../migration-job';
import { prepareCapture } from './prepare-capture';

export { startFollowing, formatPosition, type Follower, type FollowOptions } from './follow-changes';
export { IN_SYNC_SECONDS, type CaptureStatus, type CollectionLag } from './capture-lag';
export { loadCaptureCheckpoint } from './capture-checkpoint';

/** A migration that will be followed: the oplog is checked and its position recorded before the copy. */
export const followHooks = (ctx: MigrationContext): MigrationHooks => ({
  beforeCopy: (runId, collections) => prepareCapture(ctx, runId, collections),
});
