import { Binary, Long, ObjectId, type Document } from 'mongodb';
import { Prng } from './prng';
import { SampleLinks } from './sample-links';

/**
 * Realistic Alert Whisperer documents for the 13 collections, each a lazy sequence so that a
 * million alerts never sit in memory at once. Ordinary documents vary the way production data
 * does (optional fields missing, nulls, empty strings, nested maps and arrays, Dates, Longs,
 * binary secrets); the few that can never become DynamoDB items are planted by
 * known-problems.ts with fixed ids. Dates lie before the world's `now` (alerts and incidents in
 * its last 30 days), and every reference resolves: alerts and incidents name each other
 * (sample-links.ts), runbooks, companies and users exist.
 */

/** The time part of sample ObjectIds: fixed, so `_id`s (and checkpoints) are the same on any day. */
const SAMPLE_NOW = Date.UTC(2024, 5, 1);
const DAY = 86_400_000;

export interface SampleWorld {
  rng: Prng;
  /** The data's "now", in ms: dates are relative to it, so the data looks current. */
  now: number;
  companies: Array<{ id: string; name: string }>;
  users: Array<{ id: string; name: string; role: string; companyIds: string[] }>;
  runbookIds: string[];
  links: SampleLinks;
}

export interface WorldSizes {
  alerts?: number;
  incidents?: number;
  /** Default Date.now(); tests that assert exact values pass a fixed one. */
  now?: number;
}

/**
 * ObjectIds in insertion order (time part rising with the index), deterministic from the seed,
 * so `_id` order, and with it checkpoints, are the same on every run.
 */
export function sampleObjectId(collectionIndex: number, index: number, machine: string): ObjectId {
  const seconds = Math.floor(SAMPLE_NOW / 1000) - 40 * 86_400 + collectionIndex * 2_000_000 + index;
  return new ObjectId(`${seconds.toString(16).padStart(8, '0')}${machine}${(index & 0xffffff).toString(16).padStart(6, '0')}`);
}

const pastDate = (world: SampleWorld, maxDays: number) => new Date(world.now - Math.floor(world.rng.next() * maxDays * DAY));

const COMPANY_NAMES = ['Acme Manufacturing', 'Globex Health', 'Initech Financial', 'Umbrella Logistics', 'Stark Retail', 'Wayne Energy'];
const PEOPLE = ['Priya Natarajan', 'Marcus Webb', 'Sofia Alvarez', 'Kenji Watanabe', 'Amara Okafor', 'Lena Fischer', 'Tomás Ribeiro', 'Grace Liu'];
const ROLES = ['msp_admin', 'company_admin', 'technician', 'technician', 'viewer'];
const TOOLS = ['Datadog', 'Zabbix', 'Prometheus', 'CloudWatch', 'Nagios', 'New Relic'];
const SEVERITIES = ['critical', 'high', 'medium', 'low'];
const ALERT_STATUSES = ['active', 'active', 'acknowledged', 'resolved', 'resolved'];
const SIGNATURES = [
  ['cpu_high', 'CPU usage above {n}% for 5 minutes'],
  ['memory_pressure', 'Memory usage at {n}% on host'],
  ['disk_full', 'Disk /var at {n}% capacity'],
  ['service_down', 'Health check failed {n} times in a row'],
  ['latency_spike', 'p99 latency {n} ms over SLO'],
  ['ssl_expiry', 'TLS certificate expires in {n} days'],
  ['backup_failed', 'Nightly backup job exited with code {n}'],
] as const;
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'];

export const RUNBOOK_COUNT = 12;

export function createWorld(seed: number, companyCount: number, sizes: WorldSizes = {}): SampleWorld {
  const rng = new Prng(seed);
  const now = sizes.now ?? Date.now();
  const companies = Array.from({ length: companyCount }, (_, i) => ({ id: `comp-${rng.hex(8)}`, name: COMPANY_NAMES[i % COMPANY_NAMES.length]! }));
  const users = PEOPLE.slice(0, 5).map((name, i) => ({
    id: rng.uuid(), name, role: ROLES[i]!,
    companyIds: i === 0 ? companies.map((c) => c.id) : [companies[i % companies.length]!.id],
  }));
  const runbookIds = Array.from({ length: RUNBOOK_COUNT }, (_, i) => `runbook-${i + 1}`);
  const links = new SampleLinks(seed, now, sizes.alerts ?? 1250, sizes.incidents ?? 85, companyCount, SIGNATURES.length);
  return { rng, now, companies, users, runbookIds, links };
}

/** A user who works for the company (the MSP admin works for all of them). */
function staffOf(world: SampleWorld, companyId: string): SampleWorld['users'][number] {
  return world.rng.pick(world.users.filter((u) => u.companyIds.includes(companyId)));
}

/** A runbook for the signature (runbook i handles signature i mod 7), so every signature has one. */
function runbookFor(world: SampleWorld, signatureIndex: number): string {
  return world.rng.pick(world.runbookIds.filter((_, i) => (i + 1) % SIGNATURES.length === signatureIndex));
}

export function* companies(world: SampleWorld): Generator<Document> {
  const { rng } = world;
  for (const company of world.companies) {
    yield {
      id: company.id,
      name: company.name,
      policy: { auto_approve_low_risk: rng.chance(0.5), maintenance_window: rng.chance(0.5) ? 'Sun 02:00-04:00 UTC' : '' },
      assets: Array.from({ length: rng.int(2, 4) }, (_, i) => ({ id: `asset-${i + 1}`, name: `${company.name.split(' ')[0]!.toLowerCase()}-srv-0${i + 1}`, type: rng.pick(['server', 'database', 'load_balancer']), os: rng.pick(['Ubuntu 22.04', 'Windows Server 2022', 'Amazon Linux 2023']) })),
      critical_assets: [],
      api_key: `aw_${rng.hex(32)}`,
      api_key_created_at: pastDate(world, 300),
      created_at: pastDate(world, 400),
    };
  }
}

export function* users(world: SampleWorld): Generator<Document> {
  const { rng } = world;
  for (const user of world.users) {
    const [first, last] = user.name.split(' ');
    yield {
      id: user.id,
      email: `${first!.toLowerCase()}.${last!.toLowerCase()}@example.com`,
      name: user.name,
      role: user.role,
      company_ids: user.companyIds,
      password_hash: `$2b$12$${rng.hex(53)}`,
      ...(rng.chance(0.6) ? { phone: `+1-555-01${rng.int(10, 99)}` } : {}),
      preferences: { theme: rng.pick(['dark', 'light']), notifications: { email: true, sms: rng.chance(0.3), push: rng.chance(0.7) } },
      last_login: rng.chance(0.8) ? pastDate(world, 7) : null,
      created_at: pastDate(world, 365),
    };
  }
}

/** An alert of an incident shares its company and signature and fires minutes after it opens. */
function alertOrigin(world: SampleWorld, index: number) {
  const { rng } = world;
  const link = world.links.incidentOf(index);
  if (!link) {
    const signatureIndex = rng.int(0, SIGNATURES.length - 1);
    return { company: rng.pick(world.companies), signatureIndex, timestamp: pastDate(world, 30), incidentId: null };
  }
  const { incident, position } = link;
  const timestamp = new Date(incident.created.getTime() + position * rng.int(1, 5) * 60_000);
  return { company: world.companies[incident.companyIndex]!, signatureIndex: incident.signatureIndex, timestamp, incidentId: incident.id };
}

export function* alerts(world: SampleWorld): Generator<Document> {
  const { rng } = world;
  for (let i = 0; i < world.links.alertCount; i++) {
    const { company, signatureIndex, timestamp, incidentId } = alertOrigin(world, i);
    const [signature, template] = SIGNATURES[signatureIndex]!;
    const status = rng.pick(ALERT_STATUSES);
    const id = world.links.alertId(i);
    const doc: Document = {
      ...(id === undefined ? {} : { id }),
      company_id: company.id,
      asset_id: `asset-${rng.int(1, 4)}`,
      asset_name: `${company.name.split(' ')[0]!.toLowerCase()}-srv-0${rng.int(1, 4)}`,
      signature,
      severity: rng.pick(SEVERITIES),
      message: template.replace('{n}', String(rng.int(80, 99))),
      tool_source: rng.pick(TOOLS),
      status,
      timestamp,
      metadata: {
        host: `ip-10-0-${rng.int(0, 255)}-${rng.int(1, 254)}.ec2.internal`,
        region: rng.pick(REGIONS),
        tags: rng.chance(0.2) ? [] : Array.from({ length: rng.int(1, 3) }, () => rng.pick(['prod', 'db', 'web', 'k8s', 'pci', 'edge'])),
      },
      metrics: {
        value: Math.round(rng.next() * 10_000) / 100,
        threshold: rng.pick([80, 90, 95]),
        // Monitoring tools' event counters outgrow 2^53: exact 64-bit integers.
        ...(rng.chance(0.1) ? { event_sequence: Long.fromBigInt(9_007_199_254_740_993n + BigInt(i)) } : { event_sequence: Long.fromNumber(i + 1) }),
      },
      incident_id: incidentId,
      acknowledged_by: status === 'active' ? '' : staffOf(world, company.id).id,
      resolved_at: status === 'resolved' ? new Date(Math.min(world.now, timestamp.getTime() + rng.int(5, 600) * 60_000)) : null,
    };
    if (rng.chance(0.25)) doc.runbook_id = runbookFor(world, signatureIndex);
    yield doc;
  }
}

export function* incidents(world: SampleWorld): Generator<Document> {
  const { rng, links } = world;
  for (let i = 0; i < links.incidentCount; i++) {
    const incident = links.incident(i);
    const company = world.companies[incident.companyIndex]!;
    const created = incident.created;
    yield {
      id: incident.id,
      company_id: company.id,
      signature: SIGNATURES[incident.signatureIndex]![0],
      severity: rng.pick(SEVERITIES),
      status: rng.pick(['new', 'in_progress', 'escalated', 'resolved']),
      alert_ids: incident.alerts.map((a) => links.alertId(a)!),
      alert_count: incident.alerts.length,
      priority_score: Math.round(rng.next() * 1000) / 10,
      assigned_to: rng.chance(0.6) ? staffOf(world, company.id).id : null,
      sla: { response_due: new Date(created.getTime() + 30 * 60_000), breached: rng.chance(0.1) },
      notes: rng.chance(0.5) ? [{ author: rng.pick(world.users).name, text: 'Restarted the service, watching.', at: new Date(created.getTime() + 600_000) }] : [],
      created_at: created,
      updated_at: new Date(created.getTime() + rng.int(1, 240) * 60_000),
    };
  }
}

export function* runbooks(world: SampleWorld): Generator<Document> {
  const { rng } = world;
  for (const [index, id] of world.runbookIds.entries()) {
    const [signature] = SIGNATURES[(index + 1) % SIGNATURES.length]!;
    yield {
      id,
      company_id: rng.chance(0.3) ? rng.pick(world.companies).id : null,
      name: `Remediate ${signature.replace('_', ' ')}`,
      description: rng.chance(0.2) ? '' : `Standard steps when ${signature} fires.`,
      signature,
      risk_level: rng.pick(['low', 'medium', 'high']),
      actions: ['collect diagnostics', `run ssm document AW-${signature}`, 'verify health check'],
      automation: { type: 'ssm', document_name: `AW-${signature}`, parameters: { timeout_seconds: 600, dry_run: false } },
      auto_approve: rng.chance(0.4),
      created_at: pastDate(world, 200),
    };
  }
}

export function* notifications(world: SampleWorld, count: number): Generator<Document> {
  const { rng } = world;
  for (let i = 0; i < count; i++) {
    const user = rng.pick(world.users);
    yield {
      id: rng.uuid(),
      user_id: user.id,
      company_id: rng.pick(user.companyIds),
      type: rng.pick(['incident_assigned', 'sla_warning', 'alert_critical', 'runbook_done']),
      title: rng.pick(['Incident assigned to you', 'SLA breach in 10 minutes', 'Critical alert', 'Runbook finished']),
      message: rng.chance(0.1) ? '' : 'Open the incident for details.',
      read: rng.chance(0.6),
      ...(rng.chance(0.5) && world.links.incidentCount > 0 ? { related: { incident_id: world.links.incidentId(rng.int(0, world.links.incidentCount - 1)) } } : {}),
      created_at: pastDate(world, 14),
    };
  }
}

export function* chatMessages(world: SampleWorld, count: number): Generator<Document> {
  const { rng } = world;
  for (let i = 0; i < count; i++) {
    const user = rng.pick(world.users);
    yield {
      id: rng.uuid(),
      company_id: rng.pick(user.companyIds),
      user_id: user.id,
      user_name: user.name,
      user_role: user.role,
      message: rng.pick(['On it.', 'Can someone check the DB replica lag?', 'Resolved after restart 👍', 'Escalating to on-call.', '']),
      timestamp: pastDate(world, 14),
      attachments: rng.chance(0.1) ? [{ name: 'screenshot.png', size: rng.int(10_000, 900_000) }] : [],
      edited_at: null,
    };
  }
}

/** What an audit entry acted on: an incident or runbook that exists, the user who logged in, or nothing. */
function auditResource(world: SampleWorld, action: string): string | null {
  const { rng, links } = world;
  if (rng.chance(0.2)) return null;
  if (action === 'incident.update' && links.incidentCount > 0) return links.incidentId(rng.int(0, links.incidentCount - 1));
  if (action === 'runbook.execute') return rng.pick(world.runbookIds);
  if (action === 'login') return rng.pick(world.users).id;
  return `cfg-${rng.hex(8)}`;
}

export function* auditLogs(world: SampleWorld, count: number): Generator<Document> {
  const { rng } = world;
  for (let i = 0; i < count; i++) {
    const user = rng.pick(world.users);
    const action = rng.pick(['login', 'incident.update', 'runbook.execute', 'config.change', 'credentials.rotate']);
    yield {
      ...(i % 100 === 42 ? {} : { id: rng.uuid() }),
      user_id: user.id,
      user_email: `${user.name.split(' ')[0]!.toLowerCase()}@example.com`,
      action,
      resource_type: action.split('.')[0],
      resource_id: auditResource(world, action),
      company_id: rng.pick(user.companyIds),
      ip_address: `203.0.113.${rng.int(1, 254)}`,
      details: action === 'config.change' ? { before: { time_window_minutes: 15 }, after: { time_window_minutes: rng.pick([5, 10, 30]) } } : {},
      timestamp: pastDate(world, 30),
    };
  }
}

export function* correlationConfig(world: SampleWorld): Generator<Document> {
  const { rng } = world;
  for (const company of world.companies) {
    yield {
      id: `corr-${company.id}`,
      company_id: company.id,
      time_window_minutes: rng.pick([5, 10, 15]),
      aggregation_key: 'asset|signature',
      auto_correlate: true,
      min_alerts_for_incident: rng.int(1, 3),
      updated_at: pastDate(world, 30),
    };
  }
}

export function* webhookSecurityConfig(world: SampleWorld): Generator<Document> {
  const { rng } = world;
  // These were keyed by company_id in the application and never had an `id`.
  for (const company of world.companies) {
    yield {
      company_id: company.id,
      hmac_enabled: rng.chance(0.7),
      hmac_secret: rng.hex(64),
      signature_header: 'X-Signature',
      timestamp_header: 'X-Timestamp',
      max_timestamp_diff_seconds: 300,
      created_at: pastDate(world, 90),
    };
  }
}

export function* rateLimitConfig(world: SampleWorld): Generator<Document> {
  const { rng } = world;
  for (const company of world.companies) {
    yield { id: `rate-${company.id}`, company_id: company.id, requests_per_minute: rng.pick([60, 120, 600]), burst_size: rng.pick([10, 50]), enabled: true, updated_at: pastDate(world, 90) };
  }
}

export function* slaConfig(world: SampleWorld): Generator<Document> {
  const { rng } = world;
  for (const company of world.companies) {
    yield {
      id: `sla-${company.id}`,
      company_id: company.id,
      response_time_minutes: { critical: 15, high: 60, medium: 240, low: 1440 },
      resolution_time_minutes: { critical: 240, high: 480, medium: 1440, low: 4320 },
      business_hours: { start: '09:00', end: '17:00', timezone: rng.pick(['America/New_York', 'Europe/Berlin', 'UTC']), days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] },
      escalation_chain: [],
      notes: '',
      enabled: true,
    };
  }
}

export function* awsCredentials(world: SampleWorld): Generator<Document> {
  const { rng } = world;
  for (const company of world.companies) {
    yield {
      id: `awscred-${company.id}`,
      company_id: company.id,
      access_key_id: `AKIAEXAMPLE${rng.hex(9).toUpperCase()}`,
      // Fernet-style encrypted secret and its IV: binary, never readable.
      encrypted_secret_access_key: new Binary(rng.bytes(64)),
      iv: new Binary(rng.bytes(16)),
      region: rng.pick(REGIONS),
      role_arn: rng.chance(0.5) ? `arn:aws:iam::${rng.int(100000000000, 999999999999)}:role/AlertWhispererReadOnly` : null,
      last_used: rng.chance(0.5) ? pastDate(world, 10) : null,
      created_at: pastDate(world, 180),
    };
  }
}
