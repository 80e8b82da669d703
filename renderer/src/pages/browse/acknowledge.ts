import type { Backend } from '../../../../shared/connection';
import type { SavedConnection } from '../../../../shared/contract';

/**
 * Acknowledging an alert: who and when, with `acknowledged_at` a Date (Extended JSON), so it is
 * a BSON Date on MongoDB like every other date there, and the ISO-8601 string on DynamoDB.
 */

/** Where the name a user sets once for acknowledgements is kept (this browser or window only). */
export const ACKNOWLEDGER_KEY = 'awc.acknowledger';

/** The connection's own user: the MongoDB URL's user name, or the AWS profile. */
export function connectionUser(connection: SavedConnection | undefined): string {
  return connection ? CONNECTION_USER[connection.backend](connection) : '';
}

const CONNECTION_USER: { readonly [B in Backend]: (connection: SavedConnection) => string } = {
  mongodb: (connection) => {
    const user = /^mongodb(?:\+srv)?:\/\/([^:@/]+)(?::[^@/]*)?@/.exec(connection.url ?? '')?.[1];
    return user ? decodeURIComponent(user) : '';
  },
  dynamodb: (connection) => connection.profile ?? '',
};

export function savedAcknowledger(): string {
  return localStorage.getItem(ACKNOWLEDGER_KEY) ?? '';
}

export function saveAcknowledger(name: string): void {
  if (name.trim()) localStorage.setItem(ACKNOWLEDGER_KEY, name.trim());
  else localStorage.removeItem(ACKNOWLEDGER_KEY);
}

export function acknowledgeSet(by: string, now = new Date()): Record<string, unknown> {
  return { status: 'acknowledged', acknowledged_at: { $date: now.toISOString() }, acknowledged_by: by };
}
