import { describe, expect, it } from 'vitest';
import { regionPrices } from '../../shared/aws-prices';
import { planCapacity } from './capacity-plan';

const usEast1 = regionPrices('us-east-1')!;

describe('planCapacity', () => {
  it('caps the expected rate at what a new on-demand table admits, and offers the capacity for the full rate', () => {
    // 2 KB items: 2 units each, so 4,000 WCU admit 2,000 docs/s, below the engine's 5,000.
    const plan = planCapacity(1_000_000, 2_000_000, 5000, usEast1);
    expect(plan).toMatchObject({ expectedDocsPerSecond: 2000, limitedBy: 'table capacity', warmThroughputWcu: 10_000 });
    expect(plan.provisioned).toMatchObject({ wcu: 10_000, hours: 1 });
    expect(plan.provisioned.costUsd).toBeCloseTo(6.5);
    expect(plan.onDemandCostUsd).toBeCloseTo(1.25);
  });

  it('says the engine is the limit when the table admits more', () => {
    const plan = planCapacity(10_000, 10_000, 1500, usEast1);
    expect(plan).toMatchObject({ expectedDocsPerSecond: 1500, limitedBy: 'engine' });
    expect(plan.warmThroughputWcu).toBeUndefined();
  });

  it('prices the load in the plan\'s region', () => {
    const plan = planCapacity(1_000_000, 2_000_000, 5000, regionPrices('eu-central-1')!);
    expect(plan.provisioned.costUsd).toBeCloseTo(10_000 * 0.000793);
    expect(plan.onDemandCostUsd).toBeCloseTo(2 * 0.7625);
  });
});
