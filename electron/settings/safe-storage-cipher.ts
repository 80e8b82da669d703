import type { SafeStorage } from 'electron';
import type { SecretCipher } from './connection-store';

type Keyring = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>;

/**
 * The cipher that seals saved secrets, from Electron's asynchronous safeStorage (the synchronous
 * one goes away in the next major). None, with the reason to tell the user, when there is no
 * keyring, or on Linux when the backend is `basic_text`: its key is hard-coded in Chromium, so
 * "encrypted" secrets would be readable by anyone who can read the file. Secrets then stay in
 * memory for the session only.
 */
export async function keyringCipher(keyring: Keyring, platform: NodeJS.Platform): Promise<{ cipher?: SecretCipher; warning?: string }> {
  if (!(await keyring.isAsyncEncryptionAvailable())) {
    return { warning: 'No OS keyring is available: saved connections keep their passwords and keys for this session only.' };
  }
  if (platform === 'linux' && keyring.getSelectedStorageBackend() === 'basic_text') {
    return {
      warning: 'No secret service (GNOME Keyring, KWallet) was found, and the fallback store uses a fixed key: saved connections keep their passwords and keys for this session only. Install and unlock a keyring to keep them.',
    };
  }
  return {
    cipher: {
      encrypt: async (plain) => (await keyring.encryptStringAsync(plain)).toString('base64'),
      decrypt: async (sealed) => (await keyring.decryptStringAsync(Buffer.from(sealed, 'base64'))).result,
    },
  };
}
