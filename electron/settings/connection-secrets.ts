import { isBackend, unknownBackend } from '../../shared/backends';
import type { Backend, Connection, DynamoConnection, MongoConnection } from '../../shared/connection';
import type { SavedConnection } from '../../shared/contract';
import { mergeMongoUrl, splitMongoUrl, type MongoUrlSecrets } from './mongo-url';

/** The parts of a connection that must never leave the main process nor be written in clear. */
export interface ConnectionSecrets extends MongoUrlSecrets {
  secretAccessKey?: string;
  sessionToken?: string;
}

type SavedFields = Omit<SavedConnection, 'id' | 'name' | 'hasSecret'>;

/** Where a backend's connection keeps secrets, and what of it the renderer may see. */
interface SecretRules<C extends Connection> {
  split(connection: C): { shareable: C; secrets: ConnectionSecrets };
  merge(shareable: C, secrets: ConnectionSecrets): C;
  view(shareable: C): SavedFields;
}

const mongoRules: SecretRules<MongoConnection> = {
  split(connection) {
    const { url, secrets } = splitMongoUrl(connection.url);
    return { shareable: { ...connection, url }, secrets };
  },
  merge: (shareable, secrets) => ({ ...shareable, url: mergeMongoUrl(shareable.url, secrets) }),
  view: (shareable) => ({ backend: 'mongodb', url: shareable.url, ...(shareable.database ? { database: shareable.database } : {}) }),
};

const dynamoRules: SecretRules<DynamoConnection> = {
  split(connection) {
    if (!connection.credentials) return { shareable: connection, secrets: {} };
    const { secretAccessKey, sessionToken, accessKeyId } = connection.credentials;
    return {
      shareable: { ...connection, credentials: { accessKeyId, secretAccessKey: '' } },
      secrets: { secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
    };
  },
  merge(shareable, secrets) {
    if (!shareable.credentials) return shareable;
    const { accessKeyId } = shareable.credentials;
    return { ...shareable, credentials: { accessKeyId, secretAccessKey: secrets.secretAccessKey ?? '', ...(secrets.sessionToken ? { sessionToken: secrets.sessionToken } : {}) } };
  },
  view: (shareable) => ({
    backend: 'dynamodb',
    region: shareable.region,
    tablePrefix: shareable.tablePrefix,
    ...(shareable.endpoint ? { endpoint: shareable.endpoint } : {}),
    ...(shareable.profile ? { profile: shareable.profile } : {}),
    credentialsSource: shareable.credentials ? 'keys' : shareable.profile ? 'profile' : 'default',
    ...(shareable.credentials ? { accessKeyId: shareable.credentials.accessKeyId } : {}),
  }),
};

/** One entry per backend: the type refuses a backend without one, and an unknown name is refused. */
const RULES: { readonly [B in Backend]: SecretRules<Extract<Connection, { backend: B }>> } = { mongodb: mongoRules, dynamodb: dynamoRules };

function rulesFor(connection: Connection): SecretRules<Connection> {
  if (!isBackend(connection.backend)) throw unknownBackend(connection.backend);
  // Each entry takes its own backend's connection, which `connection` is, by its name.
  return RULES[connection.backend] as unknown as SecretRules<Connection>;
}

/**
 * Splits a connection into what may be shown or stored in clear and its secrets. Throws
 * VALIDATION for a MongoDB URL the driver could not read either.
 */
export function splitSecrets(connection: Connection): { shareable: Connection; secrets: ConnectionSecrets } {
  return rulesFor(connection).split(connection);
}

/** The inverse of splitSecrets. */
export function mergeSecrets(shareable: Connection, secrets: ConnectionSecrets): Connection {
  return rulesFor(shareable).merge(shareable, secrets);
}

/** What the renderer may see of a saved connection: no secret, only whether one is held. */
export function publicView(id: string, name: string, connection: Connection): SavedConnection {
  const rules = rulesFor(connection);
  const { shareable, secrets } = rules.split(connection);
  const urlOptions = [...(secrets.options ?? []), ...(secrets.mechanismProperties ?? [])].map(([name]) => name);
  const hasSecret = {
    password: Boolean(secrets.password), secretAccessKey: Boolean(secrets.secretAccessKey), sessionToken: Boolean(secrets.sessionToken),
    ...(urlOptions.length > 0 ? { urlOptions } : {}),
  };
  return { id, name, ...rules.view(shareable), hasSecret };
}
