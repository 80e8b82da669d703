import type { QueryPlan } from '../../../shared/database';

/** How a plan reads in one line: `Query on company-timestamp-index`, `Scan`, `Find using …`. */
export function planLabel(plan: QueryPlan): string {
  if (plan.operation === 'Query') return `Query on ${plan.index ?? 'the table key'}`;
  return plan.operation === 'Find' && plan.index ? `Find using ${plan.index}` : plan.operation;
}
