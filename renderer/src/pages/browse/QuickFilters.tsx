import { useState } from 'react';
import { CompanyPicker } from './CompanyPicker';
import { EMPTY_QUICK_FILTER, hoursAgo, quickFilterToFilter, SEVERITIES, STATUSES, type QuickFilter } from './quick-filter';

/** Company, status, severity and time range for alerts and incidents, written into the filter bar. */
export function QuickFilters({ connectionId, collection, onApply }: { connectionId: string; collection: string; onApply(filter: Record<string, unknown>): void }) {
  const [q, setQ] = useState<QuickFilter>(EMPTY_QUICK_FILTER);
  const set = (change: Partial<QuickFilter>) => setQ({ ...q, ...change });
  return (
    <form className="quick-filters" aria-label="Quick filters" onSubmit={(e) => { e.preventDefault(); onApply(quickFilterToFilter(collection, q)); }}>
      <span className="quick-filters-label">Quick filters</span>
      <CompanyPicker connectionId={connectionId} value={q.company} onChange={(company) => set({ company })} />
      <select className="input input-small" aria-label="Status" value={q.status} onChange={(e) => set({ status: e.target.value })}>
        <option value="">Any status</option>
        {(STATUSES[collection] ?? []).map((s) => <option key={s} value={s}>{s}</option>)}
      </select>
      <select className="input input-small" aria-label="Severity" value={q.severity} onChange={(e) => set({ severity: e.target.value })}>
        <option value="">Any severity</option>
        {SEVERITIES.map((s) => <option key={s} value={s}>{s}</option>)}
      </select>
      <input className="input input-small" type="datetime-local" aria-label="From" value={q.from} onChange={(e) => set({ from: e.target.value })} />
      <input className="input input-small" type="datetime-local" aria-label="To" value={q.to} onChange={(e) => set({ to: e.target.value })} />
      <button type="button" className="button button-small button-quiet" onClick={() => set({ from: hoursAgo(24), to: '' })}>Last 24 hours</button>
      <button type="submit" className="button button-small">Apply</button>
    </form>
  );
}
