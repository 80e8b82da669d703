import type { MigrationContext } from '../migration';
import { IN_SYNC_SECONDS, startFollowing, type CaptureStatus } from '../migration/change-capture';
import { AppError } from '../../shared/errors';
import { lagLine } from './follow-view';
import { switchVariables } from '../migration/change-capture/switch-variables';

interface Writes { stop(): Promise<void>; counts(): { inserted: number; updated: number; deleted: number } }

const SETTLED_FOR_MS = 3000;
const CATCH_UP_LIMIT_MS = 120_000;

/** Resolves once the follower has been in sync for a few seconds in a row. */
async function untilInSync(status: () => CaptureStatus, write: (line: string) => void): Promise<void> {
  const started = Date.now();
  let since: number | undefined;
  while (Date.now() - started < CATCH_UP_LIMIT_MS) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = status();
    write(`  ${lagLine(now)}`);
    if (now.state === 'failed') throw new AppError(now.error?.code ?? 'INTERNAL', now.error?.message ?? 'change capture failed');
    since = now.state === 'in-sync' ? (since ?? Date.now()) : undefined;
    if (since !== undefined && Date.now() - since >= SETTLED_FOR_MS) return;
  }
  throw new AppError('TIMEOUT', `Change capture did not catch up within ${CATCH_UP_LIMIT_MS / 1000} s.`);
}

/**
 * The cutover after a full load with a live writer: follow until in sync (lag under
 * IN_SYNC_SECONDS), stop the writes to MongoDB, drain to lag 0. Returns the follower's last status.
 */
export async function cutOver(ctx: MigrationContext, writes: Writes, write: (line: string) => void): Promise<CaptureStatus> {
  write(`Catching up with the changes made during the copy (in sync: lag under ${IN_SYNC_SECONDS} s)...`);
  const follower = startFollowing(ctx);
  try {
    await untilInSync(follower.status, write);
    write('In sync. Cutover step: stop writes to MongoDB (here: the live writer; in production, stop the application or put it in maintenance).');
    await writes.stop();
    write(`  The writer made ${JSON.stringify(writes.counts())} changes in all.`);
    await follower.drained();
    write(`Drained: ${lagLine(follower.status())}.`);
  } finally {
    follower.stop();
  }
  return follower.done;
}

/** What to set in the application's environment to run it on DynamoDB (its own guide's variables). */
export function switchLines(ctx: MigrationContext): string[] {
  return [
    'Switch the application to DynamoDB: set in its environment and restart it',
    ...switchVariables(ctx).map((v) => `  ${v.name}=${v.value}${v.note && v.name !== 'DATABASE_TYPE' ? `   (${v.note})` : ''}`),
  ];
}
