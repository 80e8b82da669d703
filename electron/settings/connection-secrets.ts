import type { Connection } from '../../shared/connection';
import type { SavedConnection } from '../../shared/contract';
import { mergeMongoUrl, splitMongoUrl, type MongoUrlSecrets } from './mongo-url';

/** The parts of a connection that must never leave the main process nor be written in clear. */
export interface ConnectionSecrets extends MongoUrlSecrets {
  secretAccessKey?: string;
  sessionToken?: string;
}

/**
 * Splits a connection into what may be shown or stored in clear and its secrets. Throws
 * VALIDATION for a MongoDB URL the driver could not read either.
 */
export function splitSecrets(connection: Connection): { shareable: Connection; secrets: ConnectionSecrets } {
  if (connection.backend === 'mongodb') {
    const { url, secrets } = splitMongoUrl(connection.url);
    return { shareable: { ...connection, url }, secrets };
  }
  if (!connection.credentials) return { shareable: connection, secrets: {} };
  const { secretAccessKey, sessionToken, accessKeyId } = connection.credentials;
  return {
    shareable: { ...connection, credentials: { accessKeyId, secretAccessKey: '' } },
    secrets: { secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
  };
}

/** The inverse of splitSecrets. */
export function mergeSecrets(shareable: Connection, secrets: ConnectionSecrets): Connection {
  if (shareable.backend === 'mongodb') {
    return { ...shareable, url: mergeMongoUrl(shareable.url, secrets) };
  }
  if (!shareable.credentials) return shareable;
  return {
    ...shareable,
    credentials: {
      accessKeyId: shareable.credentials.accessKeyId,
      secretAccessKey: secrets.secretAccessKey ?? '',
      ...(secrets.sessionToken ? { sessionToken: secrets.sessionToken } : {}),
    },
  };
}

/** What the renderer may see of a saved connection: no secret, only whether one is held. */
export function publicView(id: string, name: string, connection: Connection): SavedConnection {
  const { shareable, secrets } = splitSecrets(connection);
  const urlOptions = [...(secrets.options ?? []), ...(secrets.mechanismProperties ?? [])].map(([name]) => name);
  const hasSecret = {
    password: Boolean(secrets.password), secretAccessKey: Boolean(secrets.secretAccessKey), sessionToken: Boolean(secrets.sessionToken),
    ...(urlOptions.length > 0 ? { urlOptions } : {}),
  };
  if (shareable.backend === 'mongodb') {
    return { id, name, backend: 'mongodb', url: shareable.url, ...(shareable.database ? { database: shareable.database } : {}), hasSecret };
  }
  return {
    id, name, backend: 'dynamodb', hasSecret,
    region: shareable.region,
    tablePrefix: shareable.tablePrefix,
    ...(shareable.endpoint ? { endpoint: shareable.endpoint } : {}),
    ...(shareable.profile ? { profile: shareable.profile } : {}),
    credentialsSource: shareable.credentials ? 'keys' : shareable.profile ? 'profile' : 'default',
    ...(shareable.credentials ? { accessKeyId: shareable.credentials.accessKeyId } : {}),
  };
}
