import { useMemo } from 'react';
import type { CutoverProgress } from '../../../../shared/cutover';
import { formatCount } from '../../components/format';
import { TimeChart } from '../../components/TimeChart';

const LAG_COLOR = '#2563eb';
const THRESHOLD_COLOR = '#94a3b8';

/** Live lag: seconds behind and changes pending, overall and per collection, and lag over time against the DBA's threshold. */
export function LagPanel({ progress }: { progress: CutoverProgress }) {
  const { lag, lagHistory, lagThresholdSeconds } = progress;
  const last = lagHistory.at(-1)?.at;
  // A new chart once a second (a sample), not on every progress event.
  const chart = useMemo(() => ({
    times: lagHistory.map((s) => s.at),
    series: [
      { label: 'Seconds behind', values: lagHistory.map((s) => s.secondsBehind), color: LAG_COLOR },
      { label: `Threshold (${lagThresholdSeconds} s)`, values: lagHistory.map(() => lagThresholdSeconds), color: THRESHOLD_COLOR },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [lagHistory.length, last, lagThresholdSeconds]);
  if (!lag) return null;
  const busy = lag.collections.filter((c) => c.pending > 0 || c.applied > 0);
  return (
    <section className="panel lag-panel" aria-labelledby="lag-title" data-testid="lag-panel">
      <div className="panel-header"><h2 id="lag-title">Live lag</h2><span className={`state state-${lag.state}`}>{lag.state}</span></div>
      <div className="lag-tiles">
        <Tile label="seconds behind" value={lag.secondsBehind.toFixed(1)} testId="lag-seconds" />
        <Tile label="changes pending" value={formatCount(lag.pending)} testId="lag-pending" />
        <Tile label="changes applied" value={formatCount(lag.applied)} testId="lag-applied" />
        <Tile label="could not be applied" value={formatCount(lag.failed)} bad={lag.failed > 0} />
      </div>
      {lagHistory.length > 1
        ? <div data-testid="lag-chart"><TimeChart title="Lag over time" summary={`Seconds behind, once a second: now ${lag.secondsBehind.toFixed(1)} s, threshold ${lagThresholdSeconds} s, highest ${Math.max(...lagHistory.map((s) => s.secondsBehind)).toFixed(1)} s`} times={chart.times} series={chart.series} height={180} /></div>
        : <p className="muted small">The lag chart starts with the first second of change capture.</p>}
      <div className="table-wrap">
        <table className="table table-compact" data-testid="lag-table">
          <thead><tr><th>Collection</th><th className="num">Seconds behind</th><th className="num">Pending</th><th className="num">Applied</th></tr></thead>
          <tbody>
            {busy.map((c) => (
              <tr key={c.collection}><td>{c.collection}</td><td className="num">{c.secondsBehind.toFixed(1)}</td><td className="num">{formatCount(c.pending)}</td><td className="num">{formatCount(c.applied)}</td></tr>
            ))}
            {busy.length === 0 && <tr><td colSpan={4} className="muted">No change since the full load started.</td></tr>}
          </tbody>
        </table>
      </div>
      {lag.failed > 0 && <p className="muted small">Changes that could not be applied are to documents DynamoDB cannot hold (as in the full load: too large, no key, a null index key); the final verify lists them as unmigratable.</p>}
      {lag.error && <p className="inline-error">{lag.error.message}</p>}
    </section>
  );
}

function Tile({ label, value, bad = false, testId }: { label: string; value: string; bad?: boolean; testId?: string }) {
  return (
    <div className="lag-tile">
      <span className={`tile-value${bad ? ' text-danger' : ''}`} data-testid={testId}>{value}</span>
      <span className="tile-label">{label}</span>
    </div>
  );
}
