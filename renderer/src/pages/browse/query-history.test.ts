import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, QueryStore, describeDraft, type QueryDraft } from './query-history';

class MemoryStorage implements Storage {
  private readonly map = new Map<string, string>();
  get length() { return this.map.size; }
  clear() { this.map.clear(); }
  getItem(k: string) { return this.map.get(k) ?? null; }
  key(i: number) { return [...this.map.keys()][i] ?? null; }
  removeItem(k: string) { this.map.delete(k); }
  setItem(k: string, v: string) { this.map.set(k, v); }
}

const draft = (filter: string): QueryDraft => ({ filter, sortField: '', sortDirection: -1, limit: 100, projection: '' });

describe('QueryStore', () => {
  it('keeps history per backend and collection, newest first, without repeats, up to a limit', () => {
    const storage = new MemoryStorage();
    const alerts = new QueryStore(storage, 'dynamodb', 'alerts');
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) alerts.remember(draft(`{"n":${i}}`));
    alerts.remember(draft('{"n":10}'));
    const history = alerts.history();
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]!.draft.filter).toBe('{"n":10}');
    expect(history.filter((e) => e.draft.filter === '{"n":10}')).toHaveLength(1);
    expect(new QueryStore(storage, 'mongodb', 'alerts').history()).toEqual([]);
    expect(new QueryStore(storage, 'dynamodb', 'incidents').history()).toEqual([]);
  });

  it('saves by name, replacing a query of the same name, and removes', () => {
    const store = new QueryStore(new MemoryStorage(), 'mongodb', 'alerts');
    store.save('critical', draft('{"severity":"critical"}'));
    store.save('active', draft('{"status":"active"}'));
    store.save('critical', draft('{"severity":"critical","status":"active"}'));
    expect(store.saved().map((e) => [e.name, e.draft.filter])).toEqual([['active', '{"status":"active"}'], ['critical', '{"severity":"critical","status":"active"}']]);
    store.remove('active');
    expect(store.saved().map((e) => e.name)).toEqual(['critical']);
  });

  it('reads a damaged entry as an empty list', () => {
    const storage = new MemoryStorage();
    storage.setItem('awc.queries.history.mongodb.alerts', '{not json');
    storage.setItem('awc.queries.saved.mongodb.alerts', '[{"draft":1}]');
    const store = new QueryStore(storage, 'mongodb', 'alerts');
    expect(store.history()).toEqual([]);
    expect(store.saved()).toEqual([]);
  });
});

it('describes a query by its filter, sort and projection', () => {
  expect(describeDraft({ filter: ' ', sortField: 'timestamp', sortDirection: -1, limit: 50, projection: '{"message":1}' })).toBe('{} · sort timestamp ↓ · fields {"message":1}');
});
