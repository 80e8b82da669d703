import { containerTitle } from '../../../../shared/backends';
import type { AlertDashboard } from '../../../../shared/alert-dashboard';
import { formatCount } from '../../components/format';
import { planLabel } from '../../components/plan-label';

/** The reads behind the dashboard's numbers: operation, index, items read and what they cost. */
export function QueriesBehind({ data }: { data: AlertDashboard }) {
  return (
    <section className="panel" aria-label="Queries behind these numbers" data-testid="dashboard-plan">
      <div className="panel-header"><h2>Behind these numbers</h2><span className="muted small">computed in {(data.elapsedMs / 1000).toFixed(1)} s</span></div>
      {data.queries.map(({ description, plan, pages }) => {
        return (
          <div key={description} className="stack-tight">
            <div className={`plan-operation plan-${plan.operation === 'Scan' ? 'scan' : 'indexed'}`}>{planLabel(plan)}</div>
            <dl className="facts">
              <dt>{containerTitle(plan.backend)}</dt><dd className="mono">{plan.target}</dd>
              <dt>Read</dt><dd>{description}</dd>
              <dt>Requests</dt><dd>{pages} {pages === 1 ? 'page' : 'pages'}</dd>
              {plan.itemsScanned !== undefined && (<><dt>Items scanned</dt><dd>{formatCount(plan.itemsScanned)}</dd></>)}
              <dt>Items returned</dt><dd>{formatCount(plan.itemsReturned)}</dd>
              {plan.consumedCapacity !== undefined && (<><dt>Read capacity</dt><dd>{plan.consumedCapacity.toFixed(1)} RCU</dd></>)}
              <dt>Counted</dt><dd>{formatCount(data.total)} in the window{data.undated > 0 ? ` (${formatCount(data.undated)} without a readable timestamp left out)` : ''}</dd>
            </dl>
            {plan.operation === 'Scan' && <p className="plan-note">Choose a company to read its alerts with a Query on company-timestamp-index instead of scanning the table.</p>}
          </div>
        );
      })}
    </section>
  );
}
