import { describe, expect, it } from 'vitest';
import { AlertBuckets, BUCKET_MS, timeOf } from './alert-dashboard';

const until = Date.parse('2024-06-08T00:00:00.000Z');

describe('AlertBuckets', () => {
  it('counts alerts per day by severity and status, oldest bucket first, ignoring those outside the window', () => {
    const buckets = new AlertBuckets(until, 7, BUCKET_MS.day);
    expect(buckets.starts).toHaveLength(7);
    expect(new Date(buckets.since).toISOString()).toBe('2024-06-01T00:00:00.000Z');
    buckets.add({ timestamp: '2024-06-01T00:00:00.000Z', severity: 'critical', status: 'active' });
    buckets.add({ timestamp: { $date: '2024-06-07T23:59:59.000Z' }, severity: 'low', status: 'resolved' });
    buckets.add({ timestamp: '2024-06-07T10:00:00.000Z', severity: 'weird', status: 'active' });
    buckets.add({ timestamp: '2024-05-31T23:59:59.000Z', severity: 'critical', status: 'active' });
    buckets.add({ timestamp: '2024-06-08T00:00:00.000Z', severity: 'critical', status: 'active' });
    buckets.add({ severity: 'high' });
    const counts = buckets.counts();
    expect(counts.total).toBe(3);
    expect(counts.undated).toBe(1);
    expect(counts.bySeverity).toEqual({
      critical: [1, 0, 0, 0, 0, 0, 0], high: [0, 0, 0, 0, 0, 0, 0], medium: [0, 0, 0, 0, 0, 0, 0],
      low: [0, 0, 0, 0, 0, 0, 1], weird: [0, 0, 0, 0, 0, 0, 1],
    });
    expect(counts.byStatus.active).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });

  it('aligns hourly buckets to the hour that holds `until`', () => {
    const buckets = new AlertBuckets(until + 30 * 60_000, 1, BUCKET_MS.hour);
    expect(buckets.starts).toHaveLength(24);
    expect(new Date(buckets.starts.at(-1)!).toISOString()).toBe('2024-06-08T00:00:00.000Z');
  });
});

describe('timeOf', () => {
  it('reads ISO strings and relaxed or canonical Extended JSON dates', () => {
    expect(timeOf('1970-01-01T00:00:01Z')).toBe(1000);
    expect(timeOf({ $date: { $numberLong: '5' } })).toBe(5);
    expect(timeOf(42)).toBeNaN();
  });
});
