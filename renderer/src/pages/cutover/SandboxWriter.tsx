import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { formatCount } from '../../components/format';
import { ErrorNotice } from '../../components/Notice';

const RATE = 20;

/**
 * On the sandbox only: the application's side of a cutover, a writer that inserts, updates and
 * deletes alerts at a steady rate, so the lag, the stop-writes step and the drain have something
 * to show. Stopping it is this sandbox's "stop writes to MongoDB".
 */
export function SandboxWriter() {
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: ['sandbox-writer'], queryFn: () => call('sandbox.writer', {}), refetchInterval: (query) => (query.state.data?.running ? 1000 : false) });
  const change = useMutation({
    mutationFn: (changesPerSecond: number) => call('sandbox.writer', { changesPerSecond }),
    onSuccess: (result) => queryClient.setQueryData(['sandbox-writer'], result),
  });
  const writer = status.data;
  const counts = writer?.counts;
  return (
    <section className="panel" aria-labelledby="sandbox-writer-title" data-testid="sandbox-writer">
      <div className="panel-header">
        <h2 id="sandbox-writer-title">Sandbox live writer</h2>
        {writer?.running && <span className="badge badge-active">{writer.changesPerSecond} changes/s</span>}
      </div>
      <p className="muted small">Plays the application: inserts, updates and deletes alerts in the sandbox's MongoDB. Stop it at the stop-writes step.</p>
      <div className="form-actions">
        {writer?.running
          ? <button type="button" className="button" disabled={change.isPending} onClick={() => change.mutate(0)}>Stop the writer</button>
          : <button type="button" className="button" disabled={change.isPending} onClick={() => change.mutate(RATE)}>Start writing {RATE} changes/s</button>}
        {counts && <span className="muted small" data-testid="sandbox-writer-counts">{formatCount(counts.inserted)} inserted, {formatCount(counts.updated)} updated, {formatCount(counts.deleted)} deleted</span>}
      </div>
      {change.error && <ErrorNotice error={change.error} />}
    </section>
  );
}
