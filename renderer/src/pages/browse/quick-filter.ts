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

/** From/To are Dates (Extended JSON): they match BSON Dates on MongoDB and the migrated ISO strings on DynamoDB. */
const date = (local: string) => ({ $date: new Date(local).toISOString() });

/** A datetime-local value (the browser's time zone) `hours` before now, for "last 24 hours". */
export function hoursAgo(hours: number, now = Date.now()): string {
  const at = new Date(now - hours * 3_600_000);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export function quickFilterToFilter(collection: string, q: QuickFilter): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (q.company.trim()) filter.company_id = q.company.trim();
  if (q.status) filter.status = q.status;
  if (q.severity) filter.severity = q.severity;
  const timeField = TIME_FIELD[collection];
  if (timeField && (q.from || q.to)) {
    filter[timeField] = { ...(q.from ? { $gte: date(q.from) } : {}), ...(q.to ? { $lte: date(q.to) } : {}) };
  }
  return filter;
}
