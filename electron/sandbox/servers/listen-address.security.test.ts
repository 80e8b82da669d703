import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalServers } from '.';

/**
 * Issue 9, defect 5: the sandbox's servers listen on loopback only, as the README says. Read
 * from the kernel's own socket tables, not from what the servers print.
 */

const LISTEN = '0A';
const LOOPBACK_V4 = '0100007F'; // 127.0.0.1, little-endian hex
const LOOPBACK_V6 = ['00000000000000000000000001000000', '0000000000000000FFFF00000100007F']; // ::1, ::ffff:127.0.0.1

/** The local addresses (hex, as /proc prints them) of every listening TCP socket on `port`. */
function listeningAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) => readFileSync(table, 'utf8').split('\n').slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields[3] === LISTEN && fields[1]?.endsWith(`:${hexPort}`))
    .map((fields) => fields[1]!.split(':')[0]!));
}

describe('sandbox servers', () => {
  it('listen on the loopback interface only, network harness included', async () => {
    const servers = await startLocalServers(() => {}, { network: 'lan' });
    try {
      const ports = [servers.mongoUrl, servers.dynamoEndpoint].map((url) => Number(new URL(url.replace(/^mongodb/, 'http')).port));
      for (const port of [...ports, ...servers.harness!.ports]) {
        const addresses = listeningAddresses(port);
        expect(addresses.length, `port ${port} listens`).toBeGreaterThan(0);
        for (const address of addresses) expect([LOOPBACK_V4, ...LOOPBACK_V6], `port ${port} listens on ${address}`).toContain(address);
      }
    } finally {
      await servers.stop();
    }
  });
});
