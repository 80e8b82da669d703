import { describe, expect, it } from 'vitest';
import { CapacityModel, writeUnits } from './capacity-model';
import { profileToxics } from './network-profiles';
import { seededRandom, TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('refills at its rate up to its burst and refuses what does not fit', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 1, () => now);
    expect(bucket.canTake(10)).toBe(true);
    bucket.take(10);
    expect(bucket.canTake(1)).toBe(false);
    now = 250;
    expect(bucket.available).toBeCloseTo(2.5);
    now = 10_000;
    expect(bucket.available).toBe(10);
  });

  it('lets a full bucket take an item larger than the burst, and a rate of 0 take nothing', () => {
    expect(new TokenBucket(2, 1, () => 0).canTake(5)).toBe(true);
    expect(new TokenBucket(0, 1, () => 0).canTake(1)).toBe(false);
    expect(new TokenBucket(Infinity, 1, () => 0).canTake(1e9)).toBe(true);
  });

  it('keeps the units on hand when the rate changes, capped at the new burst', () => {
    const bucket = new TokenBucket(100, 1, () => 0);
    bucket.setRate(5);
    expect(bucket.available).toBe(5);
    bucket.setRate(Infinity);
    expect(bucket.canTake(1e6)).toBe(true);
  });
});

describe('CapacityModel', () => {
  it('charges 1 WCU per KB of the item, rounded up, and at least 1', () => {
    expect(writeUnits({ id: { S: 'a' } })).toBe(1);
    expect(writeUnits({ id: { S: 'a' }, pad: { S: 'x'.repeat(1500) } })).toBe(2);
    expect(writeUnits(undefined)).toBe(1);
  });

  it('writes to the GSIs whose key attributes the item has', () => {
    const model = new CapacityModel();
    const shape = { indexes: [{ name: 'by-company', keys: ['company_id'] }, { name: 'by-user', keys: ['user_id', 'timestamp'] }] };
    expect(model.writeBuckets('t', shape, { id: {}, company_id: {}, user_id: {} })).toEqual(['t', 't/by-company']);
    expect(model.writeBuckets('t', shape, undefined)).toEqual(['t', 't/by-company', 't/by-user']);
  });

  it('admits a batch in order until a bucket runs short, charging the table and GSI buckets together', () => {
    const model = new CapacityModel({ wcu: 3 });
    const split = model.split([1, 2, 3, 4, 5], () => model.tryCharge('write', ['t', 't/g'], 1));
    expect(split).toEqual({ admitted: [1, 2, 3], unprocessed: [4, 5], short: true });
    expect(model.stats.writeUnits).toBe(6);
  });

  it('draws partial batches and 500s from its seed, the same way every time', () => {
    const draw = () => {
      const model = new CapacityModel({ unprocessedRate: 0.5, errorRate: 0.5, seed: 7 });
      return [model.split([...Array(20).keys()], () => true).unprocessed, Array.from({ length: 10 }, () => model.internalError())];
    };
    expect(draw()).toEqual(draw());
    const [unprocessed] = draw() as [number[]];
    expect(unprocessed.length).toBeGreaterThan(0);
    expect(unprocessed.length).toBeLessThan(20);
  });

  it('seededRandom stays in [0, 1)', () => {
    const random = seededRandom(1);
    const values = Array.from({ length: 1000 }, random);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });
});

describe('network profiles', () => {
  it('split the round-trip latency between requests and answers', () => {
    expect(profileToxics('region').map((t) => [t.stream, t.attributes])).toEqual([['upstream', { latency: 5, jitter: 1 }], ['downstream', { latency: 5, jitter: 1 }]]);
    expect(profileToxics('lan').map((t) => [t.stream, t.attributes])).toEqual([['downstream', { latency: 1, jitter: 0 }]]);
    expect(profileToxics('cross-region').reduce((sum, t) => sum + t.attributes.latency, 0)).toBe(60);
  });
});
