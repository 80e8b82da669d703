import type { Connection, DynamoConnection, MongoConnection } from '../../shared/connection';
import { AppError } from '../../shared/errors';
import type { BackendPorts } from './backend-definition';
import type { Backend, PortPair, SourcePort, TargetPort } from './ports';
import { backendDefinition, type HandleOf } from './registry';

export interface Direction {
  from: Backend;
  to: Backend;
}

/** MongoDB → DynamoDB: the migration the console was built for, and the default everywhere. */
export const FORWARD = { from: 'mongodb', to: 'dynamodb' } as const satisfies Direction;

interface Ends {
  source(handle: unknown): SourcePort;
  target(handle: unknown): TargetPort;
}

/**
 * Both ends of `direction` from the registry, before anything connects: an unknown backend, one
 * backend at both ends, or a backend that cannot be that end is refused by name.
 */
function endsOf(direction: Direction): Ends {
  const from = backendDefinition(direction.from);
  const to = backendDefinition(direction.to);
  if (from.id === to.id) throw new AppError('VALIDATION', `No migration from ${from.info.displayName} to ${to.info.displayName}: a migration's source and target are different backends.`);
  const source = from.ports.source?.bind(from.ports);
  const target = to.ports.target?.bind(to.ports);
  if (!source) throw new AppError('VALIDATION', `${from.info.displayName} cannot be a migration's source.`, { backend: from.id });
  if (!target) throw new AppError('VALIDATION', `${to.info.displayName} cannot be a migration's target.`, { backend: to.id });
  return { source, target };
}

/** Ports over handles someone else opened (and closes), in `direction`. */
export function portsOver<F extends Backend, T extends Backend>(direction: { from: F; to: T }, source: HandleOf<F>, target: HandleOf<T>): Omit<PortPair, 'close'> {
  const ends = endsOf(direction);
  return { source: ends.source(source), target: ends.target(target) };
}

type Handles<S extends Record<string, Connection>> = { [K in keyof S]: HandleOf<S[K]['backend']> };

/** Connects every named connection through its backend's ports; on a failure, disconnects the ones already open. */
async function connectAll<S extends Record<string, Connection>>(settings: S): Promise<{ handles: Handles<S>; close(): Promise<void> }> {
  const opened: { name: string; handle: unknown; ports: BackendPorts<Connection, unknown> }[] = [];
  const close = async () => {
    await Promise.all(opened.map(({ ports, handle }) => ports.disconnect(handle)));
  };
  try {
    for (const [name, connection] of Object.entries(settings)) {
      const { ports } = backendDefinition(connection.backend);
      opened.push({ name, handle: await ports.connect(connection), ports });
    }
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
  return { handles: Object.fromEntries(opened.map(({ name, handle }) => [name, handle])) as Handles<S>, close };
}

/** The name of the connection that is `backend`'s end of the pair. */
function endName(settings: Record<string, Connection>, backend: Backend, end: 'source' | 'target'): string {
  const name = Object.keys(settings).find((key) => settings[key]?.backend === backend);
  if (name === undefined) throw new AppError('VALIDATION', `No ${backendDefinition(backend).info.displayName} connection was given for the migration's ${end}.`);
  return name;
}

/**
 * The one place that opens a source/target pair (the api, the CLI and the tests all come here):
 * connects to both ends through the registry and hands back ports in the chosen direction, with
 * the raw handles for the features that exist only from MongoDB to DynamoDB (change capture, the
 * S3 path, plan).
 */
export async function openPorts(settings: { mongo: MongoConnection; dynamo: DynamoConnection }, direction: Direction = FORWARD): Promise<PortPair & { mongo: HandleOf<'mongodb'>; dynamo: HandleOf<'dynamodb'> }> {
  const ends = endsOf(direction);
  const from = endName(settings, direction.from, 'source');
  const to = endName(settings, direction.to, 'target');
  const { handles, close } = await connectAll(settings);
  const byName = handles as Record<string, unknown>;
  return { source: ends.source(byName[from]), target: ends.target(byName[to]), ...handles, close };
}
