import { Binary, Long, type Document } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { collectionSpec } from '../../../shared/catalogue';
import { convertDocument } from '../../migration/convert-document';
import { alerts, auditLogs, awsCredentials, createWorld, sampleObjectId, slaConfig, webhookSecurityConfig } from './generators';
import { PLANTED_PROBLEMS } from './known-problems';

const take = (documents: Iterable<Document>) => [...documents];
const NOW = Date.UTC(2026, 0, 15, 12);

describe('sample data generators', () => {
  it('are deterministic from the seed', () => {
    expect(take(alerts(createWorld(5, 3, { alerts: 50, now: NOW })))).toEqual(take(alerts(createWorld(5, 3, { alerts: 50, now: NOW }))));
    expect(take(alerts(createWorld(5, 3, { alerts: 50, now: NOW })))).not.toEqual(take(alerts(createWorld(6, 3, { alerts: 50, now: NOW }))));
  });

  it('make ObjectIds that rise with insertion order', () => {
    const ids = Array.from({ length: 300 }, (_, i) => sampleObjectId(2, i, 'abcdef0123').toHexString());
    expect([...ids].sort()).toEqual(ids);
  });

  it('include the awkward cases real data has', () => {
    const world = createWorld(1, 3, { now: NOW });
    const sample = take(alerts(world));
    expect(sample.every((a) => a.timestamp instanceof Date)).toBe(true);
    expect(sample.some((a) => a.metrics.event_sequence instanceof Long && a.metrics.event_sequence.greaterThan(Long.fromNumber(Number.MAX_SAFE_INTEGER)))).toBe(true);
    expect(sample.some((a) => a.resolved_at === null)).toBe(true);
    expect(sample.some((a) => a.acknowledged_by === '')).toBe(true);
    expect(sample.some((a) => 'runbook_id' in a) && sample.some((a) => !('runbook_id' in a))).toBe(true);
    expect(sample.some((a) => Array.isArray(a.metadata.tags) && a.metadata.tags.length === 0)).toBe(true);
    expect(sample.filter((a) => !('id' in a))).toHaveLength(3);
    expect(take(auditLogs(world, 300)).filter((a) => !('id' in a)).length).toBeGreaterThan(0);
    expect(take(webhookSecurityConfig(world)).every((c) => !('id' in c))).toBe(true);
    expect(take(awsCredentials(world)).every((c) => c.encrypted_secret_access_key instanceof Binary)).toBe(true);
    expect(take(slaConfig(world))[0]).toMatchObject({ escalation_chain: [], notes: '' });
  });

  it('produce only documents that convert, apart from the planted ones, which fail as labelled', () => {
    const world = createWorld(9, 3, { alerts: 500, now: NOW });
    const spec = collectionSpec('alerts')!;
    for (const [i, doc] of take(alerts(world)).entries()) {
      expect(convertDocument({ _id: sampleObjectId(2, i, 'abcdef0123'), ...doc }, spec).ok).toBe(true);
    }
    for (const planted of PLANTED_PROBLEMS) {
      const result = convertDocument({ _id: sampleObjectId(0, 0, 'abcdef0123'), ...planted.document() }, collectionSpec(planted.collection)!);
      expect(result).toMatchObject({ ok: false, code: planted.code, key: planted.id });
    }
  });
});
