import type { CallOutput, ParsedInput } from '../../shared/contract';
import { summarizeFields } from '../../shared/field-overview';
import type { DatabaseAdapter } from '../adapters/database-adapter';
import { backendDefinition } from '../adapters/registry';
import { readAlertDashboard } from './alert-dashboard-read';
import type { ExportSessions } from './export-sessions';
import { toWireValue } from '../adapters/wire-value';

type FeatureCall = 'documents.explain' | 'export.start' | 'export.next' | 'export.cancel' | 'collections.fields' | 'dashboard.alerts';
export type FeatureHandlers = { [K in FeatureCall]: (input: ParsedInput<K>) => Promise<CallOutput<K>> };

/** Copy as code, exports, the field overview and the dashboard: the console's working-day tools. */
export function featureHandlers(adapter: (connectionId: string) => Promise<DatabaseAdapter>, exports: ExportSessions): FeatureHandlers {
  return {
    'documents.explain': async ({ connectionId, collection, filter, options }) => (await adapter(connectionId)).explain(collection, filter, options),
    'export.start': async (input) => exports.start(await adapter(input.connectionId), input),
    'export.next': async ({ exportId }) => exports.next(exportId),
    'export.cancel': async ({ exportId }) => ({ cancelled: exports.cancel(exportId) }),
    'collections.fields': async ({ connectionId, collection, sample }) => {
      const opened = await adapter(connectionId);
      const page = await opened.find(collection, {}, { limit: sample });
      const documents = page.documents.map((d) => toWireValue(d) as Record<string, unknown>);
      return { sampled: documents.length, method: backendDefinition(opened.backend).describeSample(sample), fields: summarizeFields(documents), plan: page.plan };
    },
    'dashboard.alerts': async (input) => readAlertDashboard(await adapter(input.connectionId), input),
  };
}
