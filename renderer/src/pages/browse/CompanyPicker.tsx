import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

/** The companies by name (sorted), for a filter on company_id: nobody remembers comp-3f9a1c2e. */
export function CompanyPicker({ connectionId, value, onChange }: { connectionId: string; value: string; onChange(id: string): void }) {
  const companies = useQuery({
    queryKey: ['companies', connectionId],
    queryFn: () => call('documents.find', { connectionId, collection: 'companies', filter: {}, options: { limit: 1000, projection: { id: 1, name: 1 } } }),
    staleTime: 60_000,
  });
  const options = (companies.data?.documents ?? [])
    .filter((c): c is { id: string; name?: unknown } => typeof c.id === 'string')
    .map((c) => ({ id: c.id, name: typeof c.name === 'string' ? c.name : c.id }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <select className="input input-small company-picker" aria-label="Company" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">Any company</option>
      {value && !options.some((o) => o.id === value) && <option value={value}>{value}</option>}
      {options.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
    </select>
  );
}
