import type { ConcurrencyReport, MigrationProgress } from '../../../../shared/migration';
import { formatCount, formatSeconds } from '../../components/format';
import { ProgressBar } from '../../components/ProgressBar';

const processed = (p: { written: number; failed: number; skipped: number }) => p.written + p.failed + p.skipped;

/** Rate and ETA as words: "preparing" until the run has written enough to measure a rate. */
function rateText(state: string, docsPerSecond: number | undefined, preparing: boolean): string {
  if (state !== 'running') return '—';
  return preparing ? 'preparing…' : `${formatCount(Math.round(docsPerSecond ?? 0))} docs/s`;
}
const etaText = (state: string, eta: number | null | undefined, preparing: boolean) => (state === 'running' && !preparing ? formatSeconds(eta) : '—');

/** The batches in flight the engine runs: the number it chose (adaptive) or was given (fixed). */
function concurrencyText({ mode, current, peak }: ConcurrencyReport): string {
  return mode === 'adaptive' ? `${current} (adaptive, peak ${peak})` : `${current} (fixed)`;
}

/** Overall and per-collection bars, with rate and ETA, as the engine reports them. */
export function ProgressView({ progress }: { progress: MigrationProgress }) {
  const { overall } = progress;
  const preparing = overall.preparing === true;
  return (
    <div className="progress-view" data-testid="migration-progress" data-state={progress.state}>
      <div className="progress-overall">
        <div className="progress-title">
          <strong>Overall{progress.stage ? ` · ${progress.stage === 'export' ? 'exporting to S3' : 'ImportTable'}` : ''}</strong>
          <span className={`state state-${progress.state}`}>{progress.state}</span>
        </div>
        <ProgressBar done={processed(overall)} total={overall.total} label="Overall progress" state={progress.state} />
        <dl className="facts facts-row">
          <dt>Written</dt><dd>{formatCount(overall.written)} / {formatCount(overall.total)}</dd>
          <dt>Failed</dt><dd className={overall.failed ? 'text-danger' : ''}>{formatCount(overall.failed)}</dd>
          <dt>Skipped</dt><dd>{formatCount(overall.skipped)}</dd>
          <dt>Rate</dt><dd data-testid="overall-rate">{progress.state === 'running' ? rateText('running', overall.docsPerSecond, preparing) : `${formatCount(Math.round(overall.docsPerSecond))} docs/s`}</dd>
          <dt>ETA</dt><dd>{etaText(progress.state, overall.etaSeconds, preparing)}</dd>
          <dt>Elapsed</dt><dd>{formatSeconds(progress.elapsedMs / 1000)}</dd>
          {progress.concurrency && <><dt>In flight</dt><dd data-testid="concurrency">{concurrencyText(progress.concurrency)}</dd></>}
        </dl>
        {progress.error && <p className="inline-error">{progress.error.message}</p>}
      </div>
      <div className="table-wrap">
        <table className="table table-compact">
          <thead><tr><th>Collection</th><th>State</th><th className="progress-col">Progress</th><th className="num">Written</th><th className="num">Failed</th><th className="num">Rate</th><th className="num">ETA</th></tr></thead>
          <tbody>
            {progress.collections.map((c) => (
              <tr key={c.collection} data-testid={`progress-row-${c.collection}`}>
                <td>{c.collection}</td>
                <td><span className={`state state-${c.state}`}>{c.state}</span></td>
                <td><ProgressBar done={processed(c)} total={c.total} label={`${c.collection} progress`} state={c.state} /></td>
                <td className="num">{formatCount(c.written)} / {formatCount(c.total)}</td>
                <td className={`num${c.failed ? ' text-danger' : ''}`}>{formatCount(c.failed)}</td>
                <td className="num">{rateText(c.state, c.docsPerSecond, preparing)}</td>
                <td className="num">{etaText(c.state, c.etaSeconds, preparing)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
