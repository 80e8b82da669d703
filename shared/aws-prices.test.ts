import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { PRICE_REGIONS, PriceRegionSchema, pricesFor, REGION_PRICES, regionPrices, RegionPricesSchema, unknownPriceRegion } from './aws-prices';

describe('region prices', () => {
  it('has the regions a DBA asks for most, each with every figure the plan uses', () => {
    expect(PRICE_REGIONS).toEqual(expect.arrayContaining(['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1', 'ap-northeast-1']));
    expect(new Set(PRICE_REGIONS).size).toBe(PRICE_REGIONS.length);
    for (const prices of REGION_PRICES) expect(RegionPricesSchema.parse(prices)).toEqual(prices);
  });

  it('keeps each region\'s figures in the proportions AWS publishes them', () => {
    for (const p of REGION_PRICES) {
      // On-demand reads cost a fifth of writes; a provisioned RCU-hour a fifth of a WCU-hour.
      expect(p.usdPerMillionReads / p.usdPerMillionWrites).toBeCloseTo(0.2, 2);
      expect(p.usdPerRcuHour / p.usdPerWcuHour).toBeCloseTo(0.2, 2);
      // No region is cheaper than the US ones.
      expect(p.usdPerMillionWrites).toBeGreaterThanOrEqual(0.625);
    }
    expect(regionPrices('us-east-1')).toMatchObject({ usdPerMillionWrites: 0.625, usdPerMillionReads: 0.125, usdPerGbMonth: 0.25, usdPerWcuHour: 0.00065 });
    expect(regionPrices('eu-central-1')!.usdPerMillionWrites).toBeGreaterThan(regionPrices('eu-west-1')!.usdPerMillionWrites);
  });

  it('looks regions up by their exact name', () => {
    expect(regionPrices('eu-west-1')?.region).toBe('eu-west-1');
    expect(regionPrices('EU-WEST-1')).toBeUndefined();
    expect(regionPrices('mars-north-1')).toBeUndefined();
  });

  it('uses the region asked for, else the connection\'s, else us-east-1, and says which', () => {
    expect(pricesFor('ap-southeast-1', 'eu-west-1')).toMatchObject({ prices: { region: 'ap-southeast-1' }, chosenBy: 'chosen' });
    expect(pricesFor(undefined, 'eu-west-1')).toMatchObject({ prices: { region: 'eu-west-1' }, chosenBy: "the DynamoDB connection's region" });
    expect(pricesFor(undefined, 'sa-east-1')).toMatchObject({ prices: { region: 'us-east-1' }, chosenBy: "no prices for the connection's region sa-east-1: us-east-1" });
    expect(pricesFor(undefined, undefined).prices.region).toBe('us-east-1');
  });

  it('refuses an unknown region asked for, in one line listing the known ones', () => {
    const line = 'No prices for region "mars-north-1". Known regions: us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1, ap-southeast-1, ap-northeast-1.';
    expect(unknownPriceRegion('mars-north-1')).toBe(line);
    expect(() => pricesFor('mars-north-1', 'us-east-1')).toThrow(new AppError('VALIDATION', line));
    const parsed = PriceRegionSchema.safeParse('mars-north-1');
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(line);
    expect(PriceRegionSchema.parse('us-west-2')).toBe('us-west-2');
  });
});
