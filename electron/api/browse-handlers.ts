import type { CallName } from '../../shared/contract';
import { backendDefinition } from '../adapters/registry';
import { toWireValue } from '../adapters/wire-value';
import type { ApiCore, Handlers } from './api-core';

type BrowseCall = Exclude<Extract<CallName, `collections.${string}` | `documents.${string}`>, 'collections.fields' | 'documents.explain'>;

/** Collections and documents as the Browse page reads and edits them; reads in flight can be cancelled. */
export function browseHandlers<Context>(core: ApiCore<Context>): Handlers<BrowseCall> {
  const { adapter } = core;
  // Reads in flight by the requestId the renderer gave them: what documents.cancel stops.
  const reads = new Map<string, AbortController>();
  core.onClose(() => { for (const aborter of reads.values()) aborter.abort(); });

  // Writes convert the wire form by the rules of the connection's backend.
  const definition = async (connectionId: string) => backendDefinition((await adapter(connectionId)).backend);

  return {
    'collections.list': async ({ connectionId }) => (await adapter(connectionId)).listCollections(),
    'collections.describe': async ({ connectionId, collection }) => (await adapter(connectionId)).describe(collection),

    'documents.find': async ({ connectionId, collection, filter, options, requestId }) => {
      const aborter = new AbortController();
      if (requestId) reads.set(requestId, aborter);
      const page = await (await adapter(connectionId)).find(collection, filter, options, aborter.signal).finally(() => {
        if (requestId && reads.get(requestId) === aborter) reads.delete(requestId);
      });
      return { documents: page.documents.map((d) => toWireValue(d) as Record<string, unknown>), plan: page.plan, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
    },
    'documents.cancel': async ({ requestId }) => {
      const aborter = reads.get(requestId);
      aborter?.abort();
      return { cancelled: aborter !== undefined };
    },
    'documents.preview': async ({ connectionId, collection, filter, options }) => (await adapter(connectionId)).preview(collection, filter, options),
    'documents.findOne': async ({ connectionId, collection, filter, projection }) => {
      const document = await (await adapter(connectionId)).findOne(collection, filter, projection);
      return { document: document ? (toWireValue(document) as Record<string, unknown>) : null };
    },
    'documents.insert': async ({ connectionId, collection, document }) => ({
      id: await (await adapter(connectionId)).insertOne(collection, (await definition(connectionId)).fromWire(document)),
    }),
    'documents.update': async ({ connectionId, collection, filter, update }) => {
      const rules = await definition(connectionId);
      rules.checkUpdate(update);
      const converted = update.$set ? { ...update, $set: rules.fromWire(update.$set) } : update;
      return { modified: await (await adapter(connectionId)).updateOne(collection, filter, converted) };
    },
    'documents.delete': async ({ connectionId, collection, filter }) => ({ deleted: await (await adapter(connectionId)).deleteOne(collection, filter) }),
    'documents.count': async ({ connectionId, collection, filter }) => ({ count: await (await adapter(connectionId)).countDocuments(collection, filter) }),
  };
}
