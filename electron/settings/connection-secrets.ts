import type { Connection } from '../../shared/connection';
import type { SavedConnection } from '../../shared/contract';

/** The parts of a connection that must never leave the main process nor be written in clear. */
export interface ConnectionSecrets {
  password?: string;
  secretAccessKey?: string;
  sessionToken?: string;
}

const MONGO_USERINFO = /^(mongodb(?:\+srv)?:\/\/)([^@/]*)@/;

/** Splits a connection into what may be shown or stored in clear and its secrets. */
export function splitSecrets(connection: Connection): { shareable: Connection; secrets: ConnectionSecrets } {
  if (connection.backend === 'mongodb') {
    const match = MONGO_USERINFO.exec(connection.url);
    const colon = match?.[2]?.indexOf(':') ?? -1;
    if (!match || colon < 0) return { shareable: connection, secrets: {} };
    const userinfo = match[2]!;
    const url = `${match[1]}${userinfo.slice(0, colon)}@${connection.url.slice(match[0].length)}`;
    return { shareable: { ...connection, url }, secrets: { password: userinfo.slice(colon + 1) } };
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
    if (secrets.password === undefined) return shareable;
    const match = MONGO_USERINFO.exec(shareable.url);
    if (!match) return shareable;
    return { ...shareable, url: `${match[1]}${match[2]}:${secrets.password}@${shareable.url.slice(match[0].length)}` };
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
  const hasSecret = { password: Boolean(secrets.password), secretAccessKey: Boolean(secrets.secretAccessKey), sessionToken: Boolean(secrets.sessionToken) };
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
