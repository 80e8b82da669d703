import type { JSX } from 'react';
import type { Backend } from '../../../../shared/connection';
import type { SavedConnection } from '../../../../shared/contract';
import type { Selection } from '../../app/use-selection';
import { DynamoFields, MongoFields } from './DraftFields';
import type { Draft, SetDraft } from './use-connection-draft';

/** What the Connections page shows and does for a connection of one backend. */
interface BackendUi {
  /** What the pages use it as: Migrate and Verify read the source and write the target. */
  role: 'source' | 'target';
  /** The selection that puts it to use. */
  select(id: string): Selection;
  namePlaceholder: string;
  Fields(props: { draft: Draft; set: SetDraft }): JSX.Element;
  /** Where it points, in one line, without secrets (the saved view has none). */
  summary(c: SavedConnection): string;
  /** The form's draft as this backend's connection settings, for the contract's schema to check. */
  toConnection(d: Draft): unknown;
}

function dynamoSummary(c: SavedConnection): string {
  const credentials = c.credentialsSource === 'keys' ? `keys ${c.accessKeyId ?? ''}` : c.credentialsSource === 'profile' ? `profile ${c.profile ?? ''}` : 'default credentials';
  return `${c.endpoint ?? `AWS ${c.region ?? ''}`} · prefix ${c.tablePrefix || '(none)'} · ${credentials}`;
}

/** One entry per backend of shared/backends.ts: the type refuses a backend without one. */
export const BACKEND_UI: { readonly [B in Backend]: BackendUi } = {
  mongodb: {
    role: 'source',
    select: (id) => ({ mongoId: id }),
    namePlaceholder: 'Production MongoDB',
    Fields: MongoFields,
    summary: (c) => `${c.url ?? ''}${c.database ? ` · db ${c.database}` : ''}`,
    toConnection: (d) => ({ backend: 'mongodb', url: d.url.trim(), ...(d.database.trim() ? { database: d.database.trim() } : {}) }),
  },
  dynamodb: {
    role: 'target',
    select: (id) => ({ dynamoId: id }),
    namePlaceholder: 'AWS eu-west-1',
    Fields: DynamoFields,
    summary: dynamoSummary,
    toConnection: (d) => ({
      backend: 'dynamodb',
      region: d.region.trim(),
      tablePrefix: d.tablePrefix.trim(),
      ...(d.endpoint.trim() ? { endpoint: d.endpoint.trim() } : {}),
      ...(d.source === 'profile' ? { profile: d.profile.trim() } : {}),
      ...(d.source === 'keys' ? { credentials: { accessKeyId: d.accessKeyId.trim(), secretAccessKey: d.secretAccessKey } } : {}),
    }),
  },
};
