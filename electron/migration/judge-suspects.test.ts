import { ObjectId, type Document } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { collectionSpec } from '../../shared/catalogue';
import { compareItems } from './compare-items';
import { convertDocument } from './convert-document';
import { judgeSuspects, type Content, type Suspect } from './judge-suspects';
import { KeyHashes } from './key-hashes';

const spec = collectionSpec('companies')!;
const older = { _id: new ObjectId('65f1c2d3e4f5a6b7c8d9e0f1'), id: 'c-1', name: 'older', meta: { tier: 'gold' } };
const newer = { _id: new ObjectId('65f1c2d3e4f5a6b7c8d9e0f2'), id: 'c-1', name: 'newer', meta: { tier: 'gold' } };
const item = (doc: Document) => (convertDocument(doc, spec) as { item: Record<string, unknown> }).item;
const empty = (): Content => ({ compared: 0, sampled: false, unmigratable: [], missing: [], extra: [], different: [] });

function suspect(doc: Document, actual: Record<string, unknown>): Suspect {
  return { key: doc.id as string, differences: compareItems(item(doc), actual) };
}

const reads = (holders: Document[], actual: Record<string, unknown>) => ({ holders: async () => holders, item: async () => actual });

describe('judgeSuspects', () => {
  it('reports a changed _id attribute with a changed nested value as differences when the key is not shared', async () => {
    const tampered = { ...item(older), _id: 'ffffffffffffffffffffffff', meta: { tier: 'tampered' } };
    const keys = new KeyHashes();
    keys.add('c-1');
    const content = empty();
    await judgeSuspects(spec, [suspect(older, tampered)], keys, content, reads([older], tampered));
    expect(content.unmigratable).toEqual([]);
    expect(content.different.map((d) => d.differences.map((f) => f.path).sort())).toEqual([['_id', 'meta.tier']]);
  });

  it('compares a shared key with the document that won and reports the duplicate with both _ids', async () => {
    const keys = new KeyHashes();
    keys.add('c-1');
    keys.add('c-1');
    const content = empty();
    await judgeSuspects(spec, [suspect(older, item(newer))], keys, content, reads([older, newer], item(newer)));
    expect(content.different).toEqual([]);
    expect(content.unmigratable).toEqual([expect.objectContaining({ id: 'c-1', code: 'DUPLICATE_KEY', reason: expect.stringMatching(/e0f1.*e0f2/) })]);
  });

  it('is a difference when the winner is gone from the source', async () => {
    const keys = new KeyHashes();
    keys.add('c-1');
    const content = empty();
    await judgeSuspects(spec, [suspect(older, item(newer))], keys, content, reads([older], item(newer)));
    expect(content.different.map((d) => d.id)).toEqual(['c-1']);
  });
});
