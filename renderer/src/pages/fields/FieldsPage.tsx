import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { COLLECTION_NAMES } from '../../../../shared/catalogue';
import type { FieldOverview, SavedConnection } from '../../../../shared/contract';
import { fieldDrift, type FieldDrift } from '../../../../shared/field-overview';
import { call } from '../../api/client';
import { ConnectionsNeeded } from '../../components/ConnectionsNeeded';
import { PageHeader } from '../../components/PageHeader';
import { FieldTable } from './FieldTable';
import '../../features.css';

function useFields(connection: SavedConnection | undefined, collection: string, sample: number) {
  return useQuery({
    queryKey: ['fields', connection?.id, collection, sample],
    queryFn: () => call('collections.fields', { connectionId: connection!.id, collection, sample }),
    enabled: !!connection,
  });
}

function DriftList({ drift }: { drift: FieldDrift[] }) {
  const types = (list?: string[]) => (list ? list.join(', ') : 'absent');
  return (
    <section className="panel" aria-label="Type drift between backends" data-testid="field-drift">
      <div className="panel-header"><h2>Type drift between backends</h2><span className="muted small">{drift.length} {drift.length === 1 ? 'field differs' : 'fields differ'}</span></div>
      {drift.length === 0 ? <p className="muted">Every sampled field has the same types on both backends.</p> : (
        <div className="table-wrap table-scroll" tabIndex={0} role="region" aria-label="Fields that differ">
          <table className="table">
            <thead><tr><th scope="col">Field</th><th scope="col">MongoDB</th><th scope="col">DynamoDB</th></tr></thead>
            <tbody>{drift.map((d) => <tr key={d.path}><td className="mono">{d.path}</td><td>{types(d.mongodb)}</td><td>{types(d.dynamodb)}</td></tr>)}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Fields, types and how often each occurs, from a sample: both backends side by side, with the drift. */
export function FieldsPage({ mongo, dynamo, onConnect }: { mongo?: SavedConnection; dynamo?: SavedConnection; onConnect(): void }) {
  const [collection, setCollection] = useState('alerts');
  const [sample, setSample] = useState(1000);
  const mongoFields = useFields(mongo, collection, sample);
  const dynamoFields = useFields(dynamo, collection, sample);
  if (!mongo && !dynamo) return <ConnectionsNeeded title="Fields" message="No connection selected" action="Choose or start one" onConnect={onConnect} />;
  const both: [FieldOverview, FieldOverview] | undefined = mongoFields.data && dynamoFields.data ? [mongoFields.data, dynamoFields.data] : undefined;
  const drift = both ? fieldDrift(both[0].fields, both[1].fields) : undefined;
  const drifting = new Set(drift?.map((d) => d.path));

  return (
    <div className="page">
      <PageHeader title="Fields" subtitle="The fields of a collection, their types and how often each occurs, from a sample of its documents." />
      <div className="dashboard-controls panel">
        <label className="field">
          <span className="field-label">Collection</span>
          <select className="input" aria-label="Collection" value={collection} onChange={(e) => setCollection(e.target.value)}>
            {COLLECTION_NAMES.map((name) => <option key={name} value={name}>{name}</option>)}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Sample</span>
          <select className="input" aria-label="Sample size" value={sample} onChange={(e) => setSample(Number(e.target.value))}>
            {[100, 1000, 5000].map((n) => <option key={n} value={n}>{n.toLocaleString('en-US')} documents</option>)}
          </select>
        </label>
      </div>
      {drift && <DriftList drift={drift} />}
      <div className="fields-grid">
        {mongo && <FieldTable backend="MongoDB" query={mongoFields} drifting={drifting} />}
        {dynamo && <FieldTable backend="DynamoDB" query={dynamoFields} drifting={drifting} />}
      </div>
    </div>
  );
}
