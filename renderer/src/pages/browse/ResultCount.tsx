import { useMutation, useQuery } from '@tanstack/react-query';
import { BACKENDS } from '../../../../shared/backends';
import type { CollectionInfo } from '../../../../shared/database';
import type { SavedConnection } from '../../../../shared/contract';
import { call } from '../../api/client';
import { formatCount } from '../../components/format';

/**
 * How many documents the result holds. Where an exact count is cheap (MongoDB) it runs at once;
 * on DynamoDB it reads every match (Select COUNT), so it is shown on demand, next to the table's
 * DescribeTable estimate.
 */
export function ResultCount({ connection, collection, filter, info }: { connection: SavedConnection; collection: string; filter: Record<string, unknown>; info?: CollectionInfo }) {
  const cheap = BACKENDS[connection.backend].cheapExactCount;
  const input = { connectionId: connection.id, collection, filter };
  const exact = useQuery({ queryKey: ['count', input], queryFn: () => call('documents.count', input), enabled: cheap });
  const onDemand = useMutation({ mutationKey: ['count', input], mutationFn: () => call('documents.count', input) });
  const filtered = Object.keys(filter).length > 0;

  if (cheap) {
    return <span className="result-count" data-testid="result-count">{exact.data ? `${formatCount(exact.data.count)} match (exact count)` : exact.error ? 'count failed' : 'counting…'}</span>;
  }
  const estimate = info?.count !== undefined ? `table holds ~${formatCount(info.count)} items (DescribeTable ItemCount, updated about every 6 hours)` : '';
  return (
    <span className="result-count" data-testid="result-count">
      {onDemand.data ? `${formatCount(onDemand.data.count)} ${filtered ? 'match' : 'items'} (exact: Select COUNT read every match)` : estimate}
      {!onDemand.data && (
        <button type="button" className="link small" onClick={() => onDemand.mutate()} disabled={onDemand.isPending}>
          {onDemand.isPending ? 'counting…' : 'count exactly'}
        </button>
      )}
      {onDemand.error && <span className="inline-error"> count failed</span>}
    </span>
  );
}
