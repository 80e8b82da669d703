import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { ErrorNotice } from '../../components/Notice';

/** The key and indexes of the collection or table: what a filter must fix for the planner to use one. */
export function IndexesPanel({ connectionId, collection }: { connectionId: string; collection: string }) {
  const description = useQuery({ queryKey: ['describe', connectionId, collection], queryFn: () => call('collections.describe', { connectionId, collection }) });
  const keys = (list: { attribute: string; role: string }[]) => list.map((k) => `${k.attribute} (${k.role})`).join(' + ');
  return (
    <section className="panel" aria-label="Indexes">
      <div className="panel-header"><h2>Indexes</h2>{description.data?.billingMode && <span className="muted small">{description.data.billingMode}</span>}</div>
      {description.error && <ErrorNotice error={description.error} />}
      {description.data && (
        <dl className="facts" data-testid="indexes">
          <dt>Key</dt><dd className="mono">{keys(description.data.primaryKey) || '—'}</dd>
          {description.data.indexes.map((index) => (
            <div key={index.name} className="facts-pair"><dt className="mono">{index.name}</dt><dd className="mono">{keys(index.keys)}</dd></div>
          ))}
        </dl>
      )}
    </section>
  );
}
