import type { Document } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { sampleSources } from './load-sample-data';

const NOW = Date.UTC(2026, 0, 15, 12);
const DAY = 86_400_000;

function loadAll(alerts: number, now = NOW): Record<string, Document[]> {
  const { sources } = sampleSources({ alerts, seed: 4242, now });
  return Object.fromEntries(Object.entries(sources).map(([name, docs]) => [name, [...docs]]));
}

const idsOf = (documents: Document[]) => new Set(documents.map((d) => d.id as string));

describe('sample data references', () => {
  const data = loadAll(1250);
  const companies = idsOf(data.companies!);
  const users = idsOf(data.users!);
  const runbooks = idsOf(data.runbooks!);
  const incidents = new Map(data.incidents!.map((i) => [i.id as string, i]));
  const alerts = new Map(data.alerts!.filter((a) => a.id).map((a) => [a.id as string, a]));

  it('has the seed guide\'s proportions, a third of the alerts in an incident', () => {
    expect(data.alerts).toHaveLength(1249);
    expect(incidents.size).toBe(85);
    const grouped = data.alerts!.filter((a) => a.incident_id !== null).length;
    expect(grouped / 1249).toBeGreaterThan(0.25);
    expect(grouped / 1249).toBeLessThan(0.45);
  });

  it('alerts name an existing company, incident, runbook and user', () => {
    for (const alert of data.alerts!) {
      expect(companies).toContain(alert.company_id);
      if (alert.runbook_id !== undefined) expect(runbooks).toContain(alert.runbook_id);
      if (alert.acknowledged_by !== '') expect(users).toContain(alert.acknowledged_by);
      if (alert.incident_id === null) continue;
      const incident = incidents.get(alert.incident_id as string);
      expect(incident?.alert_ids).toContain(alert.id);
      expect(incident?.company_id).toBe(alert.company_id);
    }
  });

  it('incidents list existing alerts that name them back, and existing people', () => {
    for (const incident of incidents.values()) {
      expect(companies).toContain(incident.company_id);
      expect(incident.alert_ids.length).toBeGreaterThan(0);
      expect(incident.alert_count).toBe(incident.alert_ids.length);
      for (const id of incident.alert_ids) expect(alerts.get(id)?.incident_id).toBe(incident.id);
      if (incident.assigned_to !== null) expect(users).toContain(incident.assigned_to);
    }
  });

  it('everything else points at companies, users, incidents and runbooks that exist', () => {
    for (const user of data.users!) for (const id of user.company_ids) expect(companies).toContain(id);
    for (const runbook of data.runbooks!) if (runbook.company_id !== null) expect(companies).toContain(runbook.company_id);
    for (const n of data.notifications!) {
      expect(users).toContain(n.user_id);
      if (n.related) expect(incidents.has(n.related.incident_id)).toBe(true);
    }
    for (const log of data.audit_logs!) {
      expect(users).toContain(log.user_id);
      if (log.action === 'incident.update' && log.resource_id) expect(incidents.has(log.resource_id)).toBe(true);
      if (log.action === 'runbook.execute' && log.resource_id) expect(runbooks).toContain(log.resource_id);
    }
    for (const name of ['chat_messages', 'correlation_config', 'webhook_security_config', 'rate_limit_config', 'sla_config', 'aws_credentials']) {
      for (const doc of data[name]!) expect(companies).toContain(doc.company_id);
    }
  });

  it('dates alerts and incidents in the 30 days before now, and moves them with it', () => {
    const times = [...data.alerts!.map((a) => a.timestamp as Date), ...data.incidents!.map((i) => i.created_at as Date)].map((d) => d.getTime());
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW - 30 * DAY);
    expect(times.some((t) => t > NOW - DAY)).toBe(true);
    const later = loadAll(1250, NOW + 7 * DAY);
    expect((later.alerts![0]!.timestamp as Date).getTime() - (data.alerts![0]!.timestamp as Date).getTime()).toBe(7 * DAY);
  });

  it('still resolves with few alerts', () => {
    const small = loadAll(20);
    const smallAlerts = idsOf(small.alerts!);
    for (const incident of small.incidents!) for (const id of incident.alert_ids) expect(smallAlerts).toContain(id);
  });
});
