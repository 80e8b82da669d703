import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SandboxStatus } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorNotice, Notice } from '../../components/Notice';

/** One click: local MongoDB-compatible server + DynamoDB Local with sample data, saved and selected. */
export function SandboxPanel({ onStarted, onOpen }: { onStarted(status: SandboxStatus): void; onOpen(): void }) {
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: ['sandbox'], queryFn: () => call('sandbox.status', {}) });
  const start = useMutation({
    mutationFn: () => call('sandbox.start', {}),
    onSuccess: (result) => {
      queryClient.setQueryData(['sandbox'], result);
      void queryClient.invalidateQueries({ queryKey: ['connections'] });
      if (result.state === 'running') onStarted(result);
    },
  });
  const current = start.data ?? status.data;
  return (
    <div className="panel sandbox">
      <div className="panel-header">
        <h2>Local sandbox</h2>
        {current?.state === 'running' && <span className="badge badge-active">running</span>}
      </div>
      <p className="muted">Starts a MongoDB-compatible server and DynamoDB Local on loopback ports, loads sample Alert Whisperer data, and saves both as connections.</p>
      {current?.state === 'running' && (
        <Notice kind="success" title="Sandbox running">
          <ul className="plain-list">{current.descriptions.map((d) => <li key={d}>{d}</li>)}</ul>
        </Notice>
      )}
      {current?.state === 'failed' && <Notice kind="error" title="The sandbox did not start">{current.error?.message}</Notice>}
      {start.error && <ErrorNotice error={start.error} />}
      <div className="form-actions">
        {current?.state === 'running' ? (
          <>
            <button type="button" className="button" onClick={() => onStarted(current)}>Use sandbox connections</button>
            <button type="button" className="button button-primary" onClick={() => { onStarted(current); onOpen(); }}>Browse sandbox data</button>
          </>
        ) : (
          <button type="button" className="button button-primary" onClick={() => start.mutate()} disabled={start.isPending || current?.state === 'starting'}>
            {start.isPending || current?.state === 'starting' ? 'Starting servers… (up to a minute the first time)' : 'Start local sandbox'}
          </button>
        )}
      </div>
    </div>
  );
}
