import type { MigrationPlan } from '../../../../shared/migration';
import { formatCount } from '../../components/format';

/** What each fix rule of the profile does, per collection, before anything is written. */
export function RuleEffects({ plan }: { plan: MigrationPlan }) {
  const rows = plan.collections.flatMap((c) => (c.ruleEffects ?? []).map((e) => ({ collection: c.collection, ...e })));
  if (!plan.collections.some((c) => c.ruleEffects)) return null;
  return (
    <div className="table-wrap">
      <h3>Fix rules</h3>
      {rows.length === 0 ? <p className="muted small">The profile's rules change no document of these collections.</p> : (
        <table className="table" data-testid="rule-effects">
          <thead><tr><th>Collection</th><th>Rule</th><th className="num">Documents</th><th>Examples (before → after)</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.collection}/${r.rule}`}>
                <td>{r.collection}</td>
                <td className="mono">{r.rule}</td>
                <td className="num">{formatCount(r.documents)}</td>
                <td className="mono small">{r.examples.map((x) => <div key={`${x.id}/${x.path}`}>{x.id} · {x.path}: {x.before} → {x.after}</div>)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
