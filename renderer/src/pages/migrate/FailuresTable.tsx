import type { DocumentProblem } from '../../../../shared/migration';
import { download } from '../../components/download';
import { Empty } from '../../components/Notice';
import { failuresToCsv } from './failures-csv';

export function FailuresTable({ failures }: { failures: DocumentProblem[] }) {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return (
    <section className="panel" aria-label="Error log">
      <div className="panel-header">
        <h2>Error log <span className="muted">({failures.length})</span></h2>
        <div className="button-row">
          <button type="button" className="button button-small" disabled={!failures.length} onClick={() => download(`migration-errors-${stamp}.json`, JSON.stringify(failures, null, 2), 'application/json')}>Export JSON</button>
          <button type="button" className="button button-small" disabled={!failures.length} onClick={() => download(`migration-errors-${stamp}.csv`, failuresToCsv(failures), 'text/csv')}>Export CSV</button>
        </div>
      </div>
      {failures.length === 0 ? <Empty title="No document failed" /> : (
        <div className="table-wrap table-scroll">
          <table className="table table-compact" data-testid="failures-table">
            <thead><tr><th>Collection</th><th>Document</th><th>Problem</th><th>Reason</th></tr></thead>
            <tbody>
              {failures.map((f) => (
                <tr key={`${f.collection}/${f.id}/${f.code}`}><td>{f.collection}</td><td className="mono">{f.id}</td><td><span className="badge badge-small badge-danger">{f.code}</span></td><td>{f.reason}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
