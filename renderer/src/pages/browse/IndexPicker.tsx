import { useQuery } from '@tanstack/react-query';
import { SCAN_INDEX } from '../../../../shared/query';
import { call, CallError } from '../../api/client';

/** The `index` find option: unset lets the planner choose. */
export const AUTO_INDEX = '';

/** The find's error when it is the refusal of this pick, else undefined. */
export function refusedPick(error: unknown, value: string): CallError | undefined {
  return value !== AUTO_INDEX && error instanceof CallError && error.code === 'INVALID_QUERY' && error.details?.index === value ? error : undefined;
}

/**
 * DynamoDB's read, picked by hand: Auto (the planner), one of the table's GSIs, or a Scan. A pick
 * the filter cannot serve fails the find with INVALID_QUERY; its message is shown here, beside the pick.
 */
export function IndexPicker({ connectionId, collection, value, onChange, error }: {
  connectionId: string; collection: string; value: string; onChange(index: string): void; error: unknown;
}) {
  const description = useQuery({ queryKey: ['describe', connectionId, collection], queryFn: () => call('collections.describe', { connectionId, collection }) });
  const refused = refusedPick(error, value);
  return (
    <section className="panel index-picker" aria-label="Index choice">
      <label className="field-inline">
        <span>Index</span>
        <select className={`input input-small${refused ? ' input-invalid' : ''}`} aria-label="Index" aria-invalid={!!refused} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value={AUTO_INDEX}>Auto</option>
          {description.data?.indexes.map((index) => <option key={index.name} value={index.name}>{index.name}</option>)}
          <option value={SCAN_INDEX}>Scan</option>
        </select>
      </label>
      {refused && <p className="inline-errors index-error" role="alert" data-testid="index-error">{refused.message}</p>}
    </section>
  );
}
