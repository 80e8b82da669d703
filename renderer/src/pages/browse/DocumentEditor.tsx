import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client';
import { ErrorNotice } from '../../components/Notice';
import { changesProblem, changesToUpdate, documentChanges, parseDocumentText, type FieldChange } from './document-changes';

type Doc = Record<string, unknown>;

/**
 * The whole document as Extended JSON to edit, then a preview of the change (per field, old →
 * new) before one update is saved. The text reads shell literals too (ISODate(…), NumberLong(…)).
 */
export function DocumentEditor({ connectionId, collection, document, onSaved, onCancel }: {
  connectionId: string; collection: string; document: Doc; onSaved(): void; onCancel(): void;
}) {
  const [text, setText] = useState(() => JSON.stringify(document, null, 2));
  const [previewing, setPreviewing] = useState(false);
  const parsed = parseDocumentText(text);
  const changes = parsed.value ? documentChanges(document, parsed.value) : [];
  const problem = parsed.problem ?? changesProblem(changes);
  const save = useMutation({
    mutationFn: () => call('documents.update', { connectionId, collection, filter: { id: document.id }, update: changesToUpdate(changes) }),
    onSuccess: onSaved,
  });

  if (previewing && !problem) {
    return (
      <div className="document-editor">
        <h3>Changes to save</h3>
        <ChangePreview changes={changes} />
        <div className="button-row">
          <button type="button" className="button button-primary button-small" disabled={save.isPending} onClick={() => save.mutate()}>{save.isPending ? 'Saving…' : 'Save changes'}</button>
          <button type="button" className="button button-small" onClick={() => setPreviewing(false)}>Back to editing</button>
        </div>
        {save.error && <ErrorNotice error={save.error} title="Not saved" />}
      </div>
    );
  }
  return (
    <div className="document-editor">
      <label className="field-label" htmlFor="document-editor-text">Document (Extended JSON; id and _id cannot change)</label>
      <textarea id="document-editor-text" className="input mono document-editor-text" spellCheck={false} rows={18} value={text}
        aria-invalid={!!problem} onChange={(e) => setText(e.target.value)} />
      {problem && <div className="inline-error">{problem}</div>}
      <div className="button-row">
        <button type="button" className="button button-primary button-small" disabled={!!problem || changes.length === 0} onClick={() => setPreviewing(true)}>Preview changes</button>
        <button type="button" className="button button-small button-quiet" onClick={onCancel}>Cancel</button>
        {!problem && changes.length === 0 && <span className="muted small">No changes yet.</span>}
      </div>
    </div>
  );
}

const shown = (value: unknown) => JSON.stringify(value);

/** One entry per changed field: what happened, then old → new, with the types when they differ. */
function ChangePreview({ changes }: { changes: FieldChange[] }) {
  return (
    <ul className="plain-list change-preview" data-testid="change-preview">
      {changes.map((c) => (
        <li key={c.field} data-field={c.field}>
          <div><code>{c.field}</code> <span className={`change-${c.kind}`}>{c.kind}</span>
            {c.typeBefore !== c.typeAfter && <span className="muted small"> ({[c.typeBefore, c.typeAfter].map((t) => t ?? 'missing').join(' → ')})</span>}</div>
          <div className="mono small">{c.kind === 'added' ? '—' : shown(c.before)} → {c.kind === 'removed' ? '—' : shown(c.after)}</div>
        </li>
      ))}
    </ul>
  );
}
