import { useQuery } from '@tanstack/react-query';
import type { SavedConnection } from '../../../../shared/contract';
import type { FieldDifference } from '../../../../shared/migration';
import { call } from '../../api/client';
import { formatCell } from '../../components/format';
import { JsonView } from '../../components/JsonView';
import { Empty, ErrorNotice, Loading } from '../../components/Notice';

/** The MongoDB document and the DynamoDB item under one key, side by side, differences highlighted. */
export function DiffView({ mongo, dynamo, collection, id, differences }: {
  mongo: SavedConnection; dynamo: SavedConnection; collection: string; id: string; differences: FieldDifference[];
}) {
  const source = useQuery({ queryKey: ['diff', mongo.id, collection, id], queryFn: () => call('documents.findOne', { connectionId: mongo.id, collection, filter: { id } }) });
  const target = useQuery({ queryKey: ['diff', dynamo.id, collection, id], queryFn: () => call('documents.findOne', { connectionId: dynamo.id, collection, filter: { id } }) });
  const paths = new Set(differences.map((d) => d.path));

  const side = (title: string, query: typeof source, testId: string) => (
    <div className="diff-side">
      <h3>{title}</h3>
      {query.isPending && <Loading />}
      {query.error && <ErrorNotice error={query.error} />}
      {query.data && (query.data.document ? <JsonView value={query.data.document} highlight={paths} sortKeys testId={testId} /> : <Empty title="Not found on this side" />)}
    </div>
  );

  return (
    <section className="panel diff" aria-label={`Differences of ${id}`}>
      <div className="panel-header"><h2>Document <span className="mono">{id}</span></h2></div>
      <div className="table-wrap">
      <table className="table table-compact" data-testid="diff-fields">
        <thead><tr><th>Field</th><th>MongoDB (converted)</th><th>DynamoDB</th></tr></thead>
        <tbody>
          {differences.map((d) => (
            <tr key={d.path}>
              <td className="mono">{d.path}</td>
              <td className="mono diff-cell">{'source' in d ? formatCell(d.source) : <em className="muted">missing</em>}</td>
              <td className="mono diff-cell">{'target' in d ? formatCell(d.target) : <em className="muted">missing</em>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <div className="diff-sides">
        {side(`MongoDB · ${mongo.name}`, source, 'diff-source')}
        {side(`DynamoDB · ${dynamo.name}`, target, 'diff-target')}
      </div>
    </section>
  );
}
