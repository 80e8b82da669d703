import { useState } from 'react';
import { describeDraft, type QueryDraft, type QueryEntry, type QueryStore } from './query-history';

/** Saved queries and the recent history of this collection on this backend; a click runs one. */
export function QueryHistoryPanel({ store, draft, onApply }: { store: QueryStore; draft: QueryDraft; onApply(draft: QueryDraft): void }) {
  const [name, setName] = useState('');
  // Re-read after every change: the store is the source of truth (another tab may write too).
  const [, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  const saved = store.saved();
  const history = store.history();

  const entry = (e: QueryEntry, removable: boolean) => (
    <li key={`${e.name ?? ''}${e.at}`} className="history-entry">
      <button type="button" className="link mono history-query" title="Run this query" onClick={() => onApply(e.draft)}>
        {e.name && <strong>{e.name}: </strong>}{describeDraft(e.draft)}
      </button>
      {removable && <button type="button" className="button button-quiet button-small" aria-label={`Remove saved query ${e.name}`} onClick={() => { store.remove(e.name!); changed(); }}>Remove</button>}
    </li>
  );

  return (
    <section className="panel tool-panel" aria-label="Saved queries and history">
      <form className="tool-row" onSubmit={(e) => { e.preventDefault(); if (name.trim()) { store.save(name.trim(), draft); setName(''); changed(); } }}>
        <input className="input input-small" aria-label="Name for the current query" placeholder="name the current query" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} />
        <button type="submit" className="button button-small" disabled={!name.trim()}>Save query</button>
      </form>
      <div className="history-columns">
        <div>
          <h3 className="tool-heading">Saved</h3>
          {saved.length === 0 ? <p className="muted small">No saved queries for this collection yet.</p> : <ul className="history-list" aria-label="Saved queries">{saved.map((e) => entry(e, true))}</ul>}
        </div>
        <div>
          <h3 className="tool-heading">Recent</h3>
          {history.length === 0 ? <p className="muted small">Queries you run here are listed here.</p> : <ul className="history-list" aria-label="Recent queries">{history.map((e) => entry(e, false))}</ul>}
        </div>
      </div>
    </section>
  );
}
