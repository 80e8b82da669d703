import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { BACKENDS } from '../../../../shared/backends';
import type { SavedConnection } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/Notice';
import { BACKEND_UI } from './backend-ui';
import { TestResultView } from './TestResultView';

export function ConnectionCard({ connection, selected, onUse, onRemove }: { connection: SavedConnection; selected: boolean; onUse(): void; onRemove(): void }) {
  const test = useMutation({ mutationFn: () => call('connections.test', { connectionId: connection.id }) });
  const [removing, setRemoving] = useState(false);
  const ui = BACKEND_UI[connection.backend];
  const secret = connection.hasSecret.password || connection.hasSecret.secretAccessKey || Boolean(connection.hasSecret.urlOptions?.length);
  return (
    <article className={`card${selected ? ' card-selected' : ''}`} data-testid={`connection-${connection.id}`}>
      <div className="card-head">
        <span className={`badge badge-${connection.backend}`}>{BACKENDS[connection.backend].displayName}</span>
        <strong className="card-title">{connection.name}</strong>
        {selected && <span className="badge badge-active">In use</span>}
        {secret && <span className="badge" title="A secret is saved, encrypted; it is never shown">secret saved</span>}
      </div>
      <div className="card-summary mono">{ui.summary(connection)}</div>
      {test.data && <TestResultView result={test.data} />}
      {test.error && <ErrorNotice error={test.error} />}
      <div className="card-actions">
        <button type="button" className="button button-small" onClick={onUse} disabled={selected}>Use as {ui.role}</button>
        <button type="button" className="button button-small" onClick={() => test.mutate()} disabled={test.isPending}>{test.isPending ? 'Testing…' : 'Test'}</button>
        <button type="button" className="button button-small button-quiet" onClick={() => setRemoving(true)}>Remove…</button>
      </div>
      {removing && (
        <ConfirmDialog title="Remove this connection?" confirmLabel="Remove" danger onCancel={() => setRemoving(false)} onConfirm={() => { setRemoving(false); onRemove(); }}>
          <p><strong>{connection.name}</strong> and its saved secret are removed from this console. The database itself is not touched.{selected ? ' Pages using it will ask for another connection.' : ''}</p>
        </ConfirmDialog>
      )}
    </article>
  );
}
