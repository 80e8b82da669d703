import type { SavedConnection } from '../../../../shared/contract';
import { BackendTabs } from '../../components/BackendTabs';
import { ErrorNotice } from '../../components/Notice';
import { BACKEND_UI } from './backend-ui';
import { DraftField } from './DraftFields';
import { TestResultView } from './TestResultView';
import { useConnectionDraft } from './use-connection-draft';

/**
 * A new connection: fields checked as typed with the contract's schema, tested, then saved.
 * Saving does not change which connection the pages use; "Save and use" does, on purpose.
 */
export function ConnectionForm({ onUse }: { onUse(saved: SavedConnection): void }) {
  const { draft, set, parsed, problems, test, save } = useConnectionDraft(onUse);
  const ui = BACKEND_UI[draft.backend];
  const canSave = parsed.success && draft.name.trim() !== '' && !save.isPending;

  return (
    <form className="panel form" aria-labelledby="new-connection-title" onSubmit={(e) => { e.preventDefault(); if (parsed.success) save.mutate({ connection: parsed.data, use: false }); }}>
      <div className="panel-header">
        <h2 id="new-connection-title">New connection</h2>
        <BackendTabs value={draft.backend} onChange={(backend) => set({ backend })} />
      </div>
      <DraftField label="Name" name="name" draft={draft} set={set} placeholder={ui.namePlaceholder} />
      <ui.Fields draft={draft} set={set} />
      {save.isSuccess && <p className="muted small" role="status">Saved. It is in the list; choose &quot;Use as {ui.role}&quot; there to work on it.</p>}
      {problems.length > 0 && <ul className="inline-errors">{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
      {test.data && <TestResultView result={test.data} />}
      {test.error && <ErrorNotice error={test.error} />}
      {save.error && <ErrorNotice error={save.error} title="Not saved" />}
      <div className="form-actions">
        <button type="button" className="button" disabled={!parsed.success || test.isPending} onClick={() => parsed.success && test.mutate(parsed.data)}>
          {test.isPending ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" className="button button-primary" disabled={!canSave}>
          {save.isPending ? 'Saving…' : 'Save connection'}
        </button>
        <button type="button" className="button" disabled={!canSave} onClick={() => parsed.success && save.mutate({ connection: parsed.data, use: true })}>
          Save and use
        </button>
      </div>
    </form>
  );
}
