import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { ensureGoBinary, goCommand } from './go-binary';
import { startManagedProcess } from './managed-process';
import { ToxiproxyClient } from './toxiproxy-client';

const TOXIPROXY_MODULE = 'github.com/Shopify/toxiproxy/v2';
const TOXIPROXY_VERSION = '2.5.0';

interface Toxiproxy {
  client: ToxiproxyClient;
  description: string;
  stop(): Promise<void>;
}

/** `go install` of the release; its version is a link-time variable that only their Makefile sets. */
function ensureToxiproxy(log: (line: string) => void): string {
  return ensureGoBinary({
    name: `toxiproxy-server-v${TOXIPROXY_VERSION}`,
    label: `Toxiproxy ${TOXIPROXY_VERSION}`,
    log,
    withoutGo: 'The network harness needs Toxiproxy, which is built with Go on first use: install Go.',
    build(output, scratch) {
      goCommand(['install', '-ldflags', `-X ${TOXIPROXY_MODULE}.Version=${TOXIPROXY_VERSION}`,
        `${TOXIPROXY_MODULE}/cmd/server@v${TOXIPROXY_VERSION}`], scratch, { GOBIN: scratch });
      copyFileSync(join(scratch, 'server'), output);
      chmodSync(output, 0o755);
    },
  });
}

/**
 * Toxiproxy's server with its API on 127.0.0.1 only; the proxies it creates are given
 * 127.0.0.1 listen addresses by the harness. `seed` makes its jitter and toxicity draws
 * repeatable.
 */
export async function startToxiproxy(log: (line: string) => void, seed?: number): Promise<Toxiproxy> {
  const binary = ensureToxiproxy(log);
  const port = await freePort();
  const runDir = mkdtempSync(join(tmpdir(), 'awc-toxiproxy-'));
  // No proxies at start (the harness creates them); the file's path marks the process as ours.
  writeFileSync(join(runDir, 'proxies.json'), '[]');
  const server = await startManagedProcess({
    name: 'Toxiproxy', command: binary, port, runDir,
    args: ['-host', '127.0.0.1', '-port', String(port), '-config', join(runDir, 'proxies.json'), ...(seed === undefined ? [] : ['-seed', String(seed)])],
  });
  const client = new ToxiproxyClient(`http://127.0.0.1:${port}`);
  return {
    client,
    description: `Toxiproxy ${await client.version()} (API on 127.0.0.1:${port})`,
    stop: async () => { await server.stop(); rmSync(runDir, { recursive: true, force: true }); },
  };
}
