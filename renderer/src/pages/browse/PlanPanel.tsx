import { containerTitle } from '../../../../shared/backends';
import type { QueryPlan } from '../../../../shared/database';
import { formatCount } from '../../components/format';
import { planLabel } from '../../components/plan-label';

/** How the backend answered: GetItem, Query on an index, Scan or a MongoDB find, and what it cost. */
/**
 * `picked`: the user chose the index, so the planner's advice on fitting one does not apply.
 * `scanned` and `capacity` add up every page loaded: what the whole result has cost so far.
 */
export function PlanPanel({ plan, pages, scanned, capacity, returned, picked, fullRead }: {
  plan: QueryPlan; pages: number; scanned?: number; capacity?: number; returned: number; picked: boolean; fullRead: boolean;
}) {
  const label = planLabel(plan);
  const kind = plan.operation === 'Scan' ? 'scan' : 'indexed';
  return (
    <section className="panel plan" data-testid="plan" aria-label="Query plan">
      <div className="panel-header"><h2>Plan</h2></div>
      <div className={`plan-operation plan-${kind}`}>{label}</div>
      <dl className="facts">
        <dt>{containerTitle(plan.backend)}</dt><dd className="mono">{plan.target}</dd>
        <dt>Items scanned</dt><dd>{formatCount(scanned)}</dd>
        <dt>Items returned</dt><dd>{formatCount(returned)}</dd>
        {capacity !== undefined && (<><dt>Read capacity</dt><dd data-testid="plan-capacity">{capacity.toFixed(1)} RCU{pages > 1 ? ` (${pages} pages)` : ''}</dd></>)}
        <dt>Pages loaded</dt><dd>{pages}</dd>
      </dl>
      {fullRead && <p className="plan-note warning">The whole table was read to answer this honestly (e.g. a sort on a non-key attribute).</p>}
      {plan.operation === 'Scan' && !picked && <p className="plan-note">No index fits this filter: fix <code>company_id</code> or <code>status</code> to use one.</p>}
      {plan.notes.map((note) => <p key={note} className="plan-note">{note}</p>)}
    </section>
  );
}
