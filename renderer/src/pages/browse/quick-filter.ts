/** The support staff's quick filters for alerts and incidents, turned into a filter. */
export interface QuickFilter {
  company: string;
  status: string;
  severity: string;
  /** datetime-local values, '' when unset */
  from: string;
  to: string;
}

export const EMPTY_QUICK_FILTER: QuickFilter = { company: '', status: '', severity: '', from: '', to: '' };

/** The time field each collection is indexed on with company_id. */
const TIME_FIELD: Record<string, string> = { alerts: 'timestamp', incidents: 'created_at' };

export const STATUSES: Record<string, string[]> = {
  alerts: ['active', 'acknowledged', 'resolved'],
  incidents: ['new', 'in_progress', 'escalated', 'resolved'],
};
export const SEVERITIES = ['critical', 'high', 'medium', 'low'];

const iso = (local: string) => new Date(local).toISOString();

export function quickFilterToFilter(collection: string, q: QuickFilter): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (q.company.trim()) filter.company_id = q.company.trim();
  if (q.status) filter.status = q.status;
  if (q.severity) filter.severity = q.severity;
  const timeField = TIME_FIELD[collection];
  if (timeField && (q.from || q.to)) {
    filter[timeField] = { ...(q.from ? { $gte: iso(q.from) } : {}), ...(q.to ? { $lte: iso(q.to) } : {}) };
  }
  return filter;
}
