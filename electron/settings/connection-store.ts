import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Connection } from '../../shared/connection';
import type { SavedConnection } from '../../shared/contract';
import { mergeSecrets, publicView, splitSecrets, type ConnectionSecrets } from './connection-secrets';

/** Encrypts secrets at rest: Electron's asynchronous safeStorage in the desktop app. */
export interface SecretCipher {
  encrypt(plain: string): Promise<string>;
  decrypt(sealed: string): Promise<string>;
}

export interface ConnectionStore {
  list(): SavedConnection[];
  /** The full connection, secrets included: for the main process only. */
  get(id: string): Connection | undefined;
  save(entry: { id?: string; name: string; connection: Connection }): SavedConnection;
  remove(id: string): boolean;
  /** Resolves once every change so far is on disk (sealing is asynchronous). */
  flush(): Promise<void>;
}

interface Entry { id: string; name: string; connection: Connection }

const FileSchema = z.object({
  // Without its secret a connection is not a valid Connection (the key is required): checked after merging.
  connections: z.array(z.object({ id: z.string(), name: z.string(), connection: z.record(z.string(), z.unknown()), secrets: z.string().optional() })),
});

/**
 * Saved connections. With a file and a cipher they persist, secrets encrypted apart from the
 * rest; without a cipher (no OS keyring, or the web console) secrets live in memory only and
 * are never written in clear. Opening reads and unseals the file first.
 */
export async function openConnectionStore(options: { file?: string; cipher?: SecretCipher } = {}): Promise<ConnectionStore> {
  return createConnectionStore(options, await load(options));
}

/** A store starting from `initial` (what openConnectionStore read): in memory only without a file. */
export function createConnectionStore(options: { file?: string; cipher?: SecretCipher } = {}, initial: Entry[] = []): ConnectionStore {
  const entries = new Map<string, Entry>(initial.map((e) => [e.id, e]));
  // Writes run one after another, each with the entries as they were when it was asked for.
  let writing = Promise.resolve();

  function persist(): void {
    const { file, cipher } = options;
    if (!file) return;
    const snapshot = [...entries.values()];
    // A failed write does not stop the next one; flush() reports it.
    writing = writing.catch(() => {}).then(async () => {
      const connections = await Promise.all(snapshot.map(async ({ id, name, connection }) => {
        const { shareable, secrets } = splitSecrets(connection);
        const sealed = cipher && Object.keys(secrets).length > 0 ? await cipher.encrypt(JSON.stringify(secrets)) : undefined;
        return { id, name, connection: shareable, ...(sealed ? { secrets: sealed } : {}) };
      }));
      mkdirSync(dirname(file), { recursive: true });
      const temporary = `${file}.tmp`;
      writeFileSync(temporary, JSON.stringify({ connections }, null, 2), { mode: 0o600 });
      renameSync(temporary, file);
    });
  }

  return {
    list: () => [...entries.values()].map((e) => publicView(e.id, e.name, e.connection)),
    get: (id) => entries.get(id)?.connection,
    save({ id, name, connection }) {
      splitSecrets(connection); // refuses an unreadable URL before anything is kept
      const entry = { id: id ?? randomUUID(), name, connection };
      entries.set(entry.id, entry);
      persist();
      return publicView(entry.id, entry.name, entry.connection);
    },
    remove(id) {
      const removed = entries.delete(id);
      if (removed) persist();
      return removed;
    },
    flush: () => writing,
  };
}

async function load({ file, cipher }: { file?: string; cipher?: SecretCipher }): Promise<Entry[]> {
  if (!file) return [];
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
  const parsed = FileSchema.safeParse(json);
  if (!parsed.success) return [];
  const opened = await Promise.all(parsed.data.connections.map(({ secrets }) => unseal(secrets, cipher)));
  return parsed.data.connections.flatMap(({ id, name, connection }, index) => {
    // A secret that could not be opened stays empty: the connection is listed, and fails to connect until re-entered.
    try {
      return [{ id, name, connection: mergeSecrets(connection as Connection, opened[index]!) }];
    } catch {
      return []; // a URL the driver cannot read (an older version's mangled one) could never connect
    }
  });
}

async function unseal(secrets: string | undefined, cipher: SecretCipher | undefined): Promise<ConnectionSecrets> {
  if (!secrets || !cipher) return {};
  try {
    return JSON.parse(await cipher.decrypt(secrets)) as ConnectionSecrets;
  } catch {
    return {}; // a keyring change makes old secrets unreadable: the connection stays, its secret must be re-entered
  }
}
