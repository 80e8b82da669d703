/** Fields that name another document, and the collection it lives in (the sample data's links). */
export const REFERENCE_FIELDS: Readonly<Record<string, string>> = {
  incident_id: 'incidents',
  company_id: 'companies',
  runbook_id: 'runbooks',
  alert_ids: 'alerts',
};

export interface Reference { field: string; collection: string; id: string }

/** The documents a document points to, in field order; a list field (alert_ids) gives one per id. */
export function referencesOf(document: Record<string, unknown>): Reference[] {
  return Object.entries(REFERENCE_FIELDS).flatMap(([field, collection]) => {
    const value = document[field];
    const ids = Array.isArray(value) ? value : [value];
    return ids.filter((id): id is string => typeof id === 'string' && id !== '').map((id) => ({ field, collection, id }));
  });
}
