import { resolve } from 'node:path';
import type { MigrationContext } from '../migration';
import { startFollowing, type CaptureStatus } from '../migration/change-capture';
import { EXIT_ERROR, EXIT_OK } from './run-action';

const LINE_INTERVAL_MS = 1000;

/** `lag 0.4 s, 12 pending (alerts 0.4 s / 12) · 1,234 applied · in sync` */
export function lagLine(status: CaptureStatus): string {
  const busy = status.collections.filter((c) => c.pending > 0).map((c) => `${c.collection} ${c.secondsBehind.toFixed(1)} s / ${c.pending}`);
  const failed = status.failed > 0 ? ` · ${status.failed} failed` : '';
  return `lag ${status.secondsBehind.toFixed(1)} s, ${status.pending} pending${busy.length ? ` (${busy.join(', ')})` : ''} · ${status.applied.toLocaleString('en-US')} applied${failed} · ${status.state}`;
}

/**
 * Follows the oplog from the saved position with a lag line a second on stderr. Ctrl+C (or
 * SIGTERM) stops after the batch in flight; the saved position is where `sync` resumes.
 */
export async function followAndReport(ctx: MigrationContext, options: { drain: boolean }): Promise<number> {
  const warn = (line: string) => process.stderr.write(`${line}\n`);
  warn(options.drain ? 'Applying the changes made since the saved oplog position, until none is pending...' : 'Following changes (Ctrl+C stops; nothing is lost: run sync to resume)...');
  const follower = startFollowing(ctx, { untilDrained: options.drain });
  const timer = setInterval(() => warn(lagLine(follower.status())), LINE_INTERVAL_MS);
  const stop = () => follower.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const final = await follower.done;
    warn(lagLine(final));
    if (final.state === 'failed') {
      warn(`Error: ${final.error?.message ?? 'change capture failed'}`);
      return EXIT_ERROR;
    }
    warn(`${options.drain ? 'Drained' : 'Stopped'} at oplog position ${final.position}. To follow on from there, run:\n  npm run cli -- sync --state-dir ${resolve(ctx.stateDir)}`);
    return EXIT_OK;
  } finally {
    clearInterval(timer);
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
