import { z } from 'zod';
import { QueryPlanSchema } from './database';

/**
 * The dashboard's alert counts by severity and by status over time, and the bucketing that
 * computes them from alerts read page by page. Pure; the main process reads, this counts.
 */
export const DASHBOARD_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export const DASHBOARD_STATUSES = ['active', 'acknowledged', 'resolved'] as const;
const HOUR = 3_600_000;
export const BUCKET_MS = { hour: HOUR, day: 24 * HOUR } as const;

export const AlertDashboardInputSchema = z.object({
  connectionId: z.string().min(1).max(100),
  /** Unset: every company. */
  companyId: z.string().trim().min(1).max(200).optional(),
  days: z.number().int().min(1).max(90).default(7),
  bucket: z.enum(['hour', 'day']).default('day'),
  /** The end of the window (ms since epoch); unset: now. */
  until: z.number().int().positive().optional(),
}).strict();

export const AlertDashboardSchema = z.object({
  /** Start of each bucket, ms since epoch, oldest first. */
  buckets: z.array(z.number()),
  bySeverity: z.record(z.string(), z.array(z.number().int().nonnegative())),
  byStatus: z.record(z.string(), z.array(z.number().int().nonnegative())),
  total: z.number().int().nonnegative(),
  /** Alerts read whose timestamp is missing or unreadable, not counted. */
  undated: z.number().int().nonnegative(),
  /** Every request behind the numbers, as the Browse page's plan panel shows one. */
  queries: z.array(z.object({ description: z.string(), plan: QueryPlanSchema, pages: z.number().int().nonnegative() })),
  elapsedMs: z.number().nonnegative(),
});
export type AlertDashboard = z.infer<typeof AlertDashboardSchema>;

/** A timestamp in wire form: an ISO string (DynamoDB) or `{$date}` (MongoDB). NaN when unreadable. */
export function timeOf(value: unknown): number {
  if (typeof value === 'string') return Date.parse(value);
  if (value && typeof value === 'object' && '$date' in value) {
    const inner = (value as { $date: unknown }).$date;
    if (typeof inner === 'string') return Date.parse(inner);
    if (inner && typeof inner === 'object' && '$numberLong' in inner) return Number((inner as { $numberLong: string }).$numberLong);
    return Number(inner);
  }
  return Number.NaN;
}

/** Counts alerts into buckets of `size` ms covering [until - days, until); others are ignored. */
export class AlertBuckets {
  readonly starts: number[];
  private readonly severity = new Map<string, number[]>();
  private readonly status = new Map<string, number[]>();
  total = 0;
  undated = 0;

  constructor(until: number, days: number, private readonly size: number) {
    const end = Math.ceil(until / size) * size;
    const count = Math.ceil((days * BUCKET_MS.day) / size);
    this.starts = Array.from({ length: count }, (_, i) => end - (count - i) * size);
  }

  get since(): number {
    return this.starts[0]!;
  }

  add(alert: Record<string, unknown>): void {
    const at = timeOf(alert.timestamp);
    if (Number.isNaN(at)) { this.undated += 1; return; }
    const slot = Math.floor((at - this.since) / this.size);
    if (slot < 0 || slot >= this.starts.length) return;
    this.total += 1;
    this.bump(this.severity, String(alert.severity ?? 'none'), slot);
    this.bump(this.status, String(alert.status ?? 'none'), slot);
  }

  private bump(series: Map<string, number[]>, key: string, slot: number): void {
    let counts = series.get(key);
    if (!counts) series.set(key, counts = this.starts.map(() => 0));
    counts[slot]! += 1;
  }

  /** Known values first, in their order (zeros when absent), then any others the data holds. */
  private ordered(series: Map<string, number[]>, known: readonly string[]): Record<string, number[]> {
    const keys = [...known, ...[...series.keys()].filter((k) => !known.includes(k)).sort()];
    return Object.fromEntries(keys.map((k) => [k, series.get(k) ?? this.starts.map(() => 0)]));
  }

  counts(): Pick<AlertDashboard, 'buckets' | 'bySeverity' | 'byStatus' | 'total' | 'undated'> {
    return {
      buckets: this.starts, total: this.total, undated: this.undated,
      bySeverity: this.ordered(this.severity, DASHBOARD_SEVERITIES),
      byStatus: this.ordered(this.status, DASHBOARD_STATUSES),
    };
  }
}
