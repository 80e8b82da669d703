import { AlertBuckets, BUCKET_MS, type AlertDashboard } from '../../shared/alert-dashboard';
import type { QueryPlan } from '../../shared/database';
import type { ParsedInput } from '../../shared/contract';
import type { Filter } from '../../shared/query';
import type { DatabaseAdapter } from '../adapters/database-adapter';
import { backendDefinition } from '../adapters/registry';
import { toWireValue } from '../adapters/wire-value';

// Large pages: the dashboard reads three small fields of every alert in its window.
const PAGE_SIZE = 5000;
const PROJECTION = { timestamp: 1, severity: 1, status: 1 } as const;

/**
 * The read behind the dashboard. Where dates are ISO strings (DynamoDB) the window is a key
 * condition: with a company, a Query on company-timestamp-index; without, a Scan with a filter.
 * Where they are native dates (MongoDB's BSON dates), which the console's filter language cannot
 * name, the company's alerts are read (projected to three fields) and the window applied here.
 */
function dashboardFilter(backend: DatabaseAdapter['backend'], companyId: string | undefined, sinceIso: string): { filter: Filter; description: string } {
  const company = companyId ? { company_id: companyId } : {};
  const who = companyId ? `alerts of ${companyId}` : 'all alerts';
  if (backendDefinition(backend).datesAreStrings) return { filter: { ...company, timestamp: { $gte: sinceIso } }, description: `${who} with timestamp ≥ ${sinceIso}` };
  return { filter: company, description: `${who}, window applied after reading (dates are not expressible in a console filter)` };
}

/** The plans of every page as one: what the whole read cost. */
function addPlan(total: QueryPlan | undefined, page: QueryPlan): QueryPlan {
  if (!total) return page;
  const sum = (a?: number, b?: number) => (a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0));
  const scanned = sum(total.itemsScanned, page.itemsScanned);
  const capacity = sum(total.consumedCapacity, page.consumedCapacity);
  return {
    ...total, itemsReturned: total.itemsReturned + page.itemsReturned,
    ...(scanned !== undefined ? { itemsScanned: scanned } : {}), ...(capacity !== undefined ? { consumedCapacity: capacity } : {}),
    fullRead: total.fullRead || page.fullRead,
  };
}

export async function readAlertDashboard(adapter: DatabaseAdapter, input: ParsedInput<'dashboard.alerts'>): Promise<AlertDashboard> {
  const started = performance.now();
  const buckets = new AlertBuckets(input.until ?? Date.now(), input.days, BUCKET_MS[input.bucket]);
  const { filter, description } = dashboardFilter(adapter.backend, input.companyId, new Date(buckets.since).toISOString());
  let plan: QueryPlan | undefined;
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await adapter.find('alerts', filter, { projection: PROJECTION, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    for (const alert of page.documents) buckets.add(toWireValue(alert) as Record<string, unknown>);
    plan = addPlan(plan, page.plan);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor);
  return { ...buckets.counts(), queries: [{ description, plan: plan!, pages }], elapsedMs: performance.now() - started };
}
