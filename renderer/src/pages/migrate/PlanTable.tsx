import { Fragment } from 'react';
import type { MigrationPlan } from '../../../../shared/migration';
import { formatBytes, formatCount, formatSeconds, formatUsd } from '../../components/format';

const sumOf = (plan: MigrationPlan, field: (c: MigrationPlan['collections'][number]) => number | undefined) => plan.collections.reduce((s, c) => s + (field(c) ?? 0), 0);

/** The dry run: what would be written, what cannot be, what it costs and how long it takes. */
export function PlanTable({ plan }: { plan: MigrationPlan }) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid="plan-table">
        <thead>
          <tr><th>Collection</th><th>Target table</th><th className="num">Documents</th><th className="num">Avg size</th><th className="num">Largest</th><th className="num">Problems</th><th className="num">Write units</th><th className="num">Cost</th><th className="num">Time</th></tr>
        </thead>
        <tbody>
          {plan.collections.map((c) => (
            <Fragment key={c.collection}>
            <tr>
              <td>{c.collection}</td>
              <td className="mono">{c.table}{!c.tableExists && <span className="badge badge-small" title="Created with its indexes when the migration starts">new</span>}
                {(c.tableItems ?? 0) > 0 && <span className="badge badge-small" title="A migration writes over items with the same key">holds ~{formatCount(c.tableItems)}</span>}</td>
              <td className="num">{formatCount(c.documents)}</td>
              <td className="num">{formatBytes(c.averageBytes)}</td>
              <td className="num">{formatBytes(c.largestBytes)}</td>
              <td className={`num${c.problemCount ? ' text-danger' : ''}`} title={c.problems.slice(0, 5).map((p) => `${p.id}: ${p.reason}`).join('\n')}>{formatCount(c.problemCount)}</td>
              <td className="num">{formatCount(c.writeUnits)}</td>
              <td className="num">{formatUsd(c.estimatedCostUsd)}</td>
              <td className="num">{formatSeconds(c.estimatedSeconds)}</td>
            </tr>
            {(c.tableCheck?.length ?? 0) > 0 && (
              <tr className="problem-row"><td colSpan={9} className="small" data-testid="plan-table-check">Existing table: {c.tableCheck!.join('; ')}</td></tr>
            )}
            {c.problems.length > 0 && (
              <tr className="problem-row"><td colSpan={9} className="small text-danger" data-testid="plan-problems">
                {c.problems.slice(0, 5).map((p) => <div key={`${p.id}/${p.code}`}>{plan.collections.some((x) => x.ruleEffects) ? 'Still unmigratable: ' : ''}<span className="mono">{p.id}</span> [{p.code}] {p.reason}</div>)}
                {c.problemCount > 5 && <div>and {formatCount(c.problemCount - 5)} more</div>}
              </td></tr>
            )}
            </Fragment>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={2}>Total</th>
            <th className="num">{formatCount(plan.totals.documents)}</th><td /><td />
            <th className="num">{formatCount(plan.totals.problemCount)}</th>
            <th className="num">{formatCount(plan.totals.writeUnits)}</th>
            <th className="num">{formatUsd(plan.totals.estimatedCostUsd)}</th>
            <th className="num">{formatSeconds(plan.totals.estimatedSeconds)}</th>
          </tr>
        </tfoot>
      </table>
      <p className="muted small">Times assume {formatCount(Math.round(plan.rate.docsPerSecond))} documents/s ({plan.rate.source}). Costs at DynamoDB on-demand write prices of {plan.prices.region} (${plan.prices.usdPerMillionWrites} per million write units, {plan.prices.asOf}), for the table and each index an item lands in.
        {' '}Storage about {formatUsd(sumOf(plan, (c) => c.monthlyStorageUsd))} a month; provisioned capacity instead: {formatUsd(sumOf(plan, (c) => c.provisioned?.costUsd))} (${plan.prices.usdPerWcuHour} per WCU-hour, by the started hour).</p>
    </div>
  );
}
