import { useSyncExternalStore } from 'react';
import type { MigrationProfile } from '../../../../shared/migration-profile';

/**
 * The migration profile chosen on the Migrate page, for this session: the plan, the migration and
 * Verify all use the same one, so verify expects what the rules wrote.
 */
let current: { text: string; profile?: MigrationProfile } = { text: '' };
const listeners = new Set<() => void>();

export function setMigrationProfile(text: string, profile: MigrationProfile | undefined): void {
  current = { text, ...(profile ? { profile } : {}) };
  for (const listener of listeners) listener();
}

export function useMigrationProfile(): { text: string; profile?: MigrationProfile } {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, () => current);
}
