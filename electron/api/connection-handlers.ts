import type { Connection } from '../../shared/connection';
import type { TestResult } from '../../shared/contract';
import type { DatabaseAdapter } from '../adapters/database-adapter';
import { listAwsProfiles } from '../settings/aws-profiles';
import type { ApiCore, Handlers } from './api-core';
import { toErrorData } from './error-data';

type ConnectionCall = 'connections.test' | 'connections.save' | 'connections.list' | 'connections.defaults' | 'connections.remove' | 'aws.profiles';

/** Saved connections, their test, and the AWS profiles the connection form offers. */
export function connectionHandlers<Context>(core: ApiCore<Context>): Handlers<ConnectionCall> {
  const { deps, forget } = core;

  async function test(target: Connection): Promise<TestResult> {
    let opened: DatabaseAdapter | undefined;
    try {
      opened = await deps.createAdapter(target);
      const ping = await opened.ping();
      const collections = (await opened.listCollections()).filter((c) => c.exists).length;
      return { ok: true, backend: target.backend, ping, collections };
    } catch (error) {
      return { ok: false, backend: target.backend, error: toErrorData(error, deps.log) };
    } finally {
      await opened?.close().catch(() => {});
    }
  }

  return {
    'connections.test': async (input) => test('connection' in input ? input.connection : core.connection(input.connectionId)),
    'connections.save': async (input) => {
      const saved = deps.store.save(input);
      await forget(saved.id);
      return saved;
    },
    'connections.list': async () => deps.store.list(),
    'connections.defaults': async () => deps.connectionDefaults ?? { open: 'mongodb' },
    'connections.remove': async ({ id }) => {
      await forget(id);
      return { removed: deps.store.remove(id) };
    },
    'aws.profiles': async () => ({ profiles: await listAwsProfiles() }),
  };
}
