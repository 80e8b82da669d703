import type { CaptureStatus, CutoverProgress, CutoverStep, LagSample } from '../../../shared/cutover';
import { LAG_HISTORY_LIMIT } from '../../../shared/cutover';
import type { MigrationProgress } from '../../../shared/migration';

const seconds = (s: number) => `${s.toFixed(1)} s`;

/** What the current step waits for, in the words the Cutover page shows under it. */
export function waitingFor(step: CutoverStep, p: Pick<CutoverProgress, 'lagThresholdSeconds' | 'verify' | 'state'> & { load?: MigrationProgress; lag?: CaptureStatus }): string {
  switch (step) {
    case 'full-load': {
      const o = p.load?.overall;
      return o ? `The full load to copy every document: ${o.read.toLocaleString('en-US')} of ${o.total.toLocaleString('en-US')} read (the oplog position was recorded first).` : 'Checking the oplog and recording its position, then the full load.';
    }
    case 'catching-up':
      return `Lag under ${seconds(p.lagThresholdSeconds)} with nothing more waiting in the oplog (now ${seconds(p.lag?.secondsBehind ?? 0)}, ${p.lag?.pending ?? 0} pending).`;
    case 'in-sync':
      return `You: stop writes to MongoDB (the application), then confirm. Changes keep being applied meanwhile (now ${seconds(p.lag?.secondsBehind ?? 0)} behind, ${p.lag?.pending ?? 0} pending).`;
    case 'draining':
      return `Every change made before writes stopped to be applied: lag 0 (now ${p.lag?.pending ?? 0} pending).`;
    case 'verifying':
      return `The final verify (${p.verify?.sample ? `a sample of ${p.verify.sample} per collection` : 'every document'}): ${p.verify?.phase ?? 'starting'}.`;
    case 'switch':
      return p.verify?.result?.ok === false
        ? 'Verify found differences: do not switch. Look at them on the Verify page, fix the cause, and run the cutover again.'
        : 'You: switch the application to DynamoDB with the variables below, then restart it.';
  }
}

/** One sample a second at most; the oldest go past LAG_HISTORY_LIMIT. */
export function addSample(history: LagSample[], lag: CaptureStatus, at = Date.now()): LagSample[] {
  const next = [...history, { at, secondsBehind: lag.secondsBehind, pending: lag.pending }];
  return next.length > LAG_HISTORY_LIMIT ? next.slice(next.length - LAG_HISTORY_LIMIT) : next;
}
