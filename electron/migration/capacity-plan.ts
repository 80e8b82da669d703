import type { CapacityPlan } from '../../shared/migration';

/**
 * What a fresh table can take, and what AWS offers for a bulk load (issue 16). Prices are
 * us-east-1 list prices as of 2025-01 (kept here, apart, until shared/aws-prices.ts lands):
 * check the DynamoDB pricing page for other regions and later changes.
 */
const PRICES = {
  asOf: '2025-01',
  /** On-demand, after the November 2024 reduction. */
  onDemandUsdPerMillionWriteUnits: 0.625,
  provisionedUsdPerWcuHour: 0.00065,
};

/** A new on-demand table sustains up to 4,000 writes/s (and 12,000 reads/s) before it has scaled (AWS developer guide, "warm throughput"). */
export const ON_DEMAND_INITIAL_WCU = 4000;

/**
 * The expected rate of the copy, capped by what the table's capacity admits, and the ways to
 * lift that cap: warm throughput on an on-demand table (pre-warming, a one-time charge AWS bills
 * separately, not estimated here), or provisioned capacity for the load and on-demand afterwards
 * (billed per WCU-hour, at least one hour; the capacity mode can be switched back once a day).
 */
export function planCapacity(documents: number, writeUnits: number, engineDocsPerSecond: number): CapacityPlan {
  const unitsPerDoc = documents > 0 ? writeUnits / documents : 1;
  const admitted = ON_DEMAND_INITIAL_WCU / unitsPerDoc;
  const expected = Math.min(engineDocsPerSecond, admitted);
  // Enough WCU for the engine's full rate: the table is then not the limit.
  const neededWcu = Math.ceil(engineDocsPerSecond * unitsPerDoc);
  const loadHours = Math.max(1, Math.ceil(documents / engineDocsPerSecond / 3600));
  return {
    pricesAsOf: PRICES.asOf,
    onDemandInitialWcu: ON_DEMAND_INITIAL_WCU,
    expectedDocsPerSecond: Math.round(expected),
    limitedBy: admitted < engineDocsPerSecond ? 'table capacity' : 'engine',
    onDemandCostUsd: (writeUnits / 1_000_000) * PRICES.onDemandUsdPerMillionWriteUnits,
    provisioned: { wcu: neededWcu, hours: loadHours, costUsd: neededWcu * loadHours * PRICES.provisionedUsdPerWcuHour },
    warmThroughputWcu: neededWcu > ON_DEMAND_INITIAL_WCU ? neededWcu : undefined,
  };
}
