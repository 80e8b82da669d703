import { PRICES_AS_OF, type RegionPrices } from '../../shared/aws-prices';
import type { CapacityPlan } from '../../shared/migration';
import { writeCostUsd } from './plan-trust';

/** A new on-demand table sustains up to 4,000 writes/s (and 12,000 reads/s) before it has scaled (AWS developer guide, "warm throughput"). */
export const ON_DEMAND_INITIAL_WCU = 4000;

/**
 * What a fresh table can take, and what AWS offers for a bulk load (issue 16), at the plan's
 * region prices (shared/aws-prices.ts). The expected rate of the copy, capped by what the table's
 * capacity admits, and the ways to lift that cap: warm throughput on an on-demand table (pre-warming, a one-time charge AWS bills
 * separately, not estimated here), or provisioned capacity for the load and on-demand afterwards
 * (billed per WCU-hour, at least one hour; the capacity mode can be switched back once a day).
 */
export function planCapacity(documents: number, writeUnits: number, engineDocsPerSecond: number, prices: RegionPrices): CapacityPlan {
  const unitsPerDoc = documents > 0 ? writeUnits / documents : 1;
  const admitted = ON_DEMAND_INITIAL_WCU / unitsPerDoc;
  const expected = Math.min(engineDocsPerSecond, admitted);
  // Enough WCU for the engine's full rate: the table is then not the limit.
  const neededWcu = Math.ceil(engineDocsPerSecond * unitsPerDoc);
  const loadHours = Math.max(1, Math.ceil(documents / engineDocsPerSecond / 3600));
  return {
    pricesAsOf: PRICES_AS_OF,
    onDemandInitialWcu: ON_DEMAND_INITIAL_WCU,
    expectedDocsPerSecond: Math.round(expected),
    limitedBy: admitted < engineDocsPerSecond ? 'table capacity' : 'engine',
    onDemandCostUsd: writeCostUsd(writeUnits, prices),
    provisioned: { wcu: neededWcu, hours: loadHours, costUsd: neededWcu * loadHours * prices.usdPerWcuHour },
    warmThroughputWcu: neededWcu > ON_DEMAND_INITIAL_WCU ? neededWcu : undefined,
  };
}
