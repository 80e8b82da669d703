import { ObjectId, type Document } from 'mongodb';
import type { DocumentProblem } from '../../../shared/migration';

/**
 * Documents real data has and DynamoDB cannot hold, planted with fixed ids so the demo can
 * tell them from real failures. NaN and Decimal128 are not among them: FerretDB, the local
 * MongoDB-compatible server, refuses to store either (the unit tests cover both).
 */
interface PlantedProblem {
  collection: string;
  id: string;
  code: DocumentProblem['code'];
  document: () => Document;
}

const LEGACY_AUDIT_ID = new ObjectId('5f00000000000000000010aa');

export const PLANTED_PROBLEMS: readonly PlantedProblem[] = [
  {
    // An imported "runbook pack" whose embedded scripts exceed DynamoDB's 400 KB item limit.
    collection: 'runbooks', id: 'runbook-bulk-remediation-pack', code: 'ITEM_TOO_LARGE',
    document: () => ({
      id: 'runbook-bulk-remediation-pack', name: 'Bulk remediation pack (imported)', signature: 'bulk', risk_level: 'high',
      scripts: Array.from({ length: 9 }, (_, i) => ({ name: `step-${i + 1}.sh`, body: `#!/bin/sh\n${'echo remediation step\n'.repeat(2500)}` })),
      created_at: new Date('2024-03-02T10:00:00Z'),
    }),
  },
  {
    // status is the status-index key: DynamoDB refuses a null there.
    collection: 'alerts', id: 'alert-status-missing', code: 'UNSUPPORTED_VALUE',
    document: () => ({
      id: 'alert-status-missing', company_id: 'comp-unknown', signature: 'cpu_high', severity: 'high', message: 'Imported without a status',
      tool_source: 'Zabbix', status: null, timestamp: new Date('2024-05-20T08:00:00Z'),
    }),
  },
  {
    // A saved regular expression: DynamoDB has no such type, and a string would change its meaning.
    collection: 'correlation_config', id: 'corr-legacy-suppression', code: 'UNSUPPORTED_VALUE',
    document: () => ({ id: 'corr-legacy-suppression', company_id: 'comp-legacy', suppress_pattern: /^test-.*$/i, time_window_minutes: 15 }),
  },
  {
    // A numeric id from an old system: the table key must be a non-empty string.
    collection: 'audit_logs', id: LEGACY_AUDIT_ID.toHexString(), code: 'NO_KEY',
    document: () => ({ _id: LEGACY_AUDIT_ID, id: 1042, action: 'login', user_id: 'legacy', timestamp: new Date('2023-11-01T00:00:00Z') }),
  },
];

/** True when a migration failure is one of the planted documents (same collection, key and code). */
export function isPlantedProblem(problem: Pick<DocumentProblem, 'collection' | 'id' | 'code'>): boolean {
  return PLANTED_PROBLEMS.some((p) => p.collection === problem.collection && p.id === problem.id && p.code === problem.code);
}
