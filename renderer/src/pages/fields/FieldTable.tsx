import type { UseQueryResult } from '@tanstack/react-query';
import type { FieldOverview } from '../../../../shared/contract';
import { formatCount } from '../../components/format';
import { ErrorNotice, Loading } from '../../components/Notice';

const TYPE_COLORS: Record<string, string> = {
  string: '#2563eb', int: '#16a34a', double: '#0d9488', boolean: '#a2359b', null: '#94a3b8', date: '#ea580c',
  objectId: '#7c3aed', object: '#64748b', array: '#ca8a04', decimal: '#0891b2', long: '#15803d', binary: '#be185d', set: '#d97706',
};
/** A share in whole percent; a few among many reads "<1 %", not "0 %". */
function percent(n: number, of: number): string {
  const whole = of === 0 ? 0 : Math.round((n / of) * 100);
  return whole === 0 && n > 0 ? '<1 %' : `${whole} %`;
}

/** One backend's sample: each field with a bar of its types and how many documents have it. */
export function FieldTable({ backend, query, drifting }: { backend: string; query: UseQueryResult<FieldOverview>; drifting: Set<string> }) {
  const data = query.data;
  return (
    <section className="panel" aria-label={`${backend} fields`} data-testid={`fields-${backend.toLowerCase()}`}>
      <div className="panel-header"><h2>{backend}</h2>{data && <span className="muted small">{formatCount(data.sampled)} sampled</span>}</div>
      {query.isPending && <Loading label="Sampling…" />}
      {query.error && <ErrorNotice error={query.error} title="The sample could not be read" />}
      {data && <p className="muted small">Sample: {data.method}{data.plan.consumedCapacity !== undefined ? `, ${data.plan.consumedCapacity.toFixed(1)} RCU` : ''}.</p>}
      {data && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={`${backend} field list`}>
          <table className="table">
            <thead><tr><th scope="col">Field</th><th scope="col">Types</th><th scope="col">In</th></tr></thead>
            <tbody>
              {data.fields.map((field) => (
                <tr key={field.path}>
                  <td className="mono">{field.path}{drifting.has(field.path) && <span className="drift" title="The other backend has other types here"> ≠</span>}</td>
                  <td>
                    <div className="type-bar" aria-hidden="true">
                      {Object.entries(field.types).map(([type, n]) => <span key={type} style={{ width: `${(n / field.present) * 100}%`, background: TYPE_COLORS[type] ?? '#64748b' }} />)}
                    </div>
                    <span className="small">{Object.entries(field.types).map(([type, n]) => `${type} ${percent(n, field.present)}`).join(', ')}</span>
                  </td>
                  <td className="small">{percent(field.present, data.sampled)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
