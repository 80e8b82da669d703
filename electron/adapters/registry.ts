import { isBackend, unknownBackend } from '../../shared/backends';
import type { Backend, Connection } from '../../shared/connection';
import { AppError } from '../../shared/errors';
import type { BackendDefinition } from './backend-definition';
import type { DatabaseAdapter } from './database-adapter';
import { dynamoBackend } from './dynamodb/dynamodb-backend';
import { mongoBackend } from './mongodb/mongodb-backend';

type DefinitionOf<B extends Backend> = BackendDefinition<Extract<Connection, { backend: B }>>;

/** Every backend the console can open, one line each (README: "Adding a backend"). */
const DEFINITIONS = {
  mongodb: mongoBackend,
  dynamodb: dynamoBackend,
} as const satisfies { readonly [B in Backend]: DefinitionOf<B> };

/** What a backend's ports run over once opened (MongoDB's client and database, DynamoDB's clients). */
export type HandleOf<B extends Backend> = Awaited<ReturnType<(typeof DEFINITIONS)[B]['ports']['connect']>>;

/** The backend registered as `id`; anything else is refused by name, never taken for another backend. */
export function backendDefinition(id: unknown): BackendDefinition {
  if (!isBackend(id)) throw unknownBackend(id);
  // Each entry is typed for its own connection; createAdapter parses with the entry's schema first.
  return DEFINITIONS[id] as unknown as BackendDefinition;
}

function checkedConnection(definition: BackendDefinition, connection: unknown): Connection {
  const parsed = definition.schema.safeParse(connection);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError('VALIDATION', `Invalid connection settings${issue?.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue?.message ?? 'malformed'}`);
}

/**
 * An adapter for a saved connection, connected and checked: a server that cannot be reached
 * or refuses the credentials fails here (UNREACHABLE / AUTH_FAILED / TIMEOUT within seconds), not on
 * the first page.
 */
export async function createAdapter(connection: Connection): Promise<DatabaseAdapter> {
  const definition = backendDefinition((connection as { backend?: unknown } | null)?.backend);
  const config = checkedConnection(definition, connection);
  try {
    return await definition.open(config);
  } catch (error) {
    throw definition.translateFailure(error, config);
  }
}
