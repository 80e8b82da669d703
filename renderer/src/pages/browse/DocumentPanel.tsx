import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { JsonView } from '../../components/JsonView';
import { Empty, ErrorNotice, Notice } from '../../components/Notice';
import { DocumentEditor } from './DocumentEditor';
import { acknowledgeSet, saveAcknowledger, savedAcknowledger } from './acknowledge';
import { editedValue } from './edit-value';
import { referencesOf } from './references';

type Doc = Record<string, unknown>;

/** One document as JSON, with the edits support staff need: a field, acknowledge, delete. */
export function DocumentPanel({ connectionId, collection, document, onChanged, onOpenReference, onClose, user = '' }: {
  connectionId: string; collection: string; document?: Doc; onChanged(change: 'updated' | 'deleted'): void;
  onOpenReference(collection: string, id: string): void; onClose(): void;
  /** The connection's own user, recorded as who acknowledged unless a name was set here. */
  user?: string;
}) {
  const [acknowledger, setAcknowledger] = useState(() => savedAcknowledger() || user);
  const [field, setField] = useState('');
  const [value, setValue] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const id = typeof document?.id === 'string' ? document.id : undefined;
  const target = { connectionId, collection, filter: { id } };

  const update = useMutation({
    mutationFn: (set: Record<string, unknown>) => call('documents.update', { ...target, update: { $set: set } }),
    onSuccess: () => { setField(''); setValue(''); onChanged('updated'); },
  });
  const remove = useMutation({
    mutationFn: () => call('documents.delete', target),
    onSuccess: () => { setConfirming(false); onChanged('deleted'); },
  });

  if (!document) return <section className="panel document" aria-label="Document"><Empty title="No document selected">Click a row, or move to it with the arrow keys and press Enter, to see it here as JSON.</Empty></section>;

  const references = referencesOf(document);
  const edited = editedValue(document[field], value);
  const parsedValue = edited.value;
  let valueError = edited.problem;
  if (field && (field === 'id' || field.startsWith('$'))) valueError = field === 'id' ? 'The key field id cannot be changed.' : 'A field name cannot start with $.';

  return (
    <section className="panel document" aria-label="Document">
      <div className="panel-header">
        <h2>Document</h2>
        <span className="mono muted">{id ?? 'no id field'}</span>
        <button type="button" className="button button-small button-quiet" onClick={onClose} aria-label="Close document" aria-keyshortcuts="Escape">✕</button>
      </div>
      <RelatedDocuments references={references} onOpen={onOpenReference} />
      {editing && id
        ? <DocumentEditor key={id} connectionId={connectionId} collection={collection} document={document} onCancel={() => setEditing(false)} onSaved={() => { setEditing(false); onChanged('updated'); }} />
        : <JsonView value={document} testId="document-json" />}
      {!id && <Notice kind="info">This document has no string <code>id</code>, so the console cannot address it for edits.</Notice>}
      {id && (
        <div className="document-actions">
          {collection === 'alerts' && document.status !== 'acknowledged' && (
            <span className="acknowledge">
              <input className="input input-small" aria-label="Acknowledged by" placeholder="your name" value={acknowledger}
                onChange={(e) => setAcknowledger(e.target.value)} onBlur={() => saveAcknowledger(acknowledger)} />
              <button type="button" className="button button-primary button-small" disabled={update.isPending || !acknowledger.trim()}
                onClick={() => { saveAcknowledger(acknowledger); update.mutate(acknowledgeSet(acknowledger.trim())); }}>
                Acknowledge alert
              </button>
            </span>
          )}
          <form className="edit-field" onSubmit={(e) => { e.preventDefault(); if (field && !valueError && parsedValue !== undefined) update.mutate({ [field]: parsedValue }); }}>
            <input className="input input-small mono" placeholder="field" aria-label="Field to edit" value={field} onChange={(e) => setField(e.target.value)} />
            <input className="input input-small mono" placeholder='new value (text, or a literal: "text", 5, ISODate(…))' aria-label="New value" value={value} onChange={(e) => setValue(e.target.value)} />
            <button type="submit" className="button button-small" disabled={!field || !!valueError || parsedValue === undefined || update.isPending}>Set</button>
          </form>
          {valueError && <div className="inline-error">{valueError}</div>}
          <span className="button-row">
            {!editing && <button type="button" className="button button-small" onClick={() => setEditing(true)}>Edit document</button>}
            <button type="button" className="button button-danger button-small" onClick={() => setConfirming(true)}>Delete…</button>
          </span>
        </div>
      )}
      {update.error && <ErrorNotice error={update.error} title="Not saved" />}
      {update.isSuccess && <Notice kind="success">Saved.</Notice>}
      {confirming && (
        <ConfirmDialog title="Delete this document?" confirmLabel="Delete" danger busy={remove.isPending} onCancel={() => setConfirming(false)} onConfirm={() => remove.mutate()}>
          <p>The {collection} document <code>{id}</code> will be deleted. This cannot be undone.</p>
          {remove.error && <ErrorNotice error={remove.error} />}
        </ConfirmDialog>
      )}
    </section>
  );
}

/** Links to the documents this one names (at most 20). */
function RelatedDocuments({ references, onOpen }: { references: ReturnType<typeof referencesOf>; onOpen(collection: string, id: string): void }) {
  if (references.length === 0) return null;
  return (
    <nav className="references" aria-label="Related documents">
      <h3>Related</h3>
      <ul className="plain-list">
        {references.slice(0, 20).map((r) => (
          <li key={`${r.field}/${r.id}`}><span className="muted">{r.field}</span> <button type="button" className="link mono" onClick={() => onOpen(r.collection, r.id)}>{r.id}</button></li>
        ))}
        {references.length > 20 && <li className="muted small">and {references.length - 20} more</li>}
      </ul>
    </nav>
  );
}
