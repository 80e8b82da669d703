import { resolve } from 'node:path';
import type { SandboxStatus } from '../../shared/contract';
import { createApi, type Api } from '../api/create-api';
import { defaultDeps } from '../api/default-deps';
import { createConnectionStore } from '../settings/connection-store';
import { redactingLog } from '../settings/mongo-url';
import { startWebConsole, type WebConsole } from './web';

interface ServeOptions {
  port?: number;
  /** Start the local sandbox (servers + sample data) before serving. */
  sandbox?: boolean;
  alerts?: number;
  stateDir: string;
  rendererDir?: string;
  log(line: string): void;
}

/**
 * The browser console: the real api behind the loopback web server. Connections saved here
 * live in memory for the process only (no keyring outside Electron to seal their secrets).
 */
export async function serveConsole(options: ServeOptions): Promise<{ web: WebConsole; api: Api; sandbox?: SandboxStatus; close(): Promise<void> }> {
  const log = redactingLog(options.log);
  const api = createApi(defaultDeps({ store: createConnectionStore(), stateDir: options.stateDir, log }));
  let sandbox: SandboxStatus | undefined;
  try {
    if (options.sandbox) {
      const outcome = await api.call('sandbox.start', options.alerts === undefined ? {} : { alerts: options.alerts });
      sandbox = outcome.ok ? (outcome.output as SandboxStatus) : undefined;
      if (!outcome.ok || sandbox?.state !== 'running') throw new Error(`the sandbox did not start: ${outcome.ok ? sandbox?.error?.message : outcome.error.message}`);
    }
    const web = await startWebConsole({ api, rootDir: resolve(options.rendererDir ?? 'dist/renderer'), port: options.port ?? 0, log });
    return { web, api, sandbox, close: async () => { await web.close(); await api.close(); } };
  } catch (error) {
    await api.close();
    throw error;
  }
}
