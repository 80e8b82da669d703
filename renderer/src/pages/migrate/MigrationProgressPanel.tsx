import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Empty, ErrorNotice, Loading, Notice } from '../../components/Notice';
import { ProgressView } from './ProgressView';
import type { Migration } from './use-migration';

/** Step 3: the job's live progress with pause, resume and a confirmed cancel. */
export function MigrationProgressPanel({ migration }: { migration: Migration }) {
  const { jobId, progress, progressError, running, progressPanel, confirmCancel, setConfirmCancel, control } = migration;
  return (
    <section className="panel" ref={progressPanel} aria-labelledby="progress-title">
      <div className="panel-header">
        <h2 id="progress-title">3 · Progress</h2>
        {jobId && (
          <div className="button-row">
            {progress?.state === 'paused'
              ? <button type="button" className="button button-small" onClick={() => control.mutate('migration.resume')}>Resume</button>
              : <button type="button" className="button button-small" onClick={() => control.mutate('migration.pause')} disabled={progress?.state !== 'running'}>Pause</button>}
            <button type="button" className="button button-small button-danger" onClick={() => setConfirmCancel(true)} disabled={!running}>Cancel…</button>
          </div>
        )}
      </div>
      {control.error && <ErrorNotice error={control.error} />}
      {confirmCancel && (
        <ConfirmDialog title="Cancel the migration?" confirmLabel="Cancel migration" cancelLabel="Keep running" danger busy={control.isPending} onCancel={() => setConfirmCancel(false)} onConfirm={() => control.mutate('migration.cancel')}>
          <p>Nothing more is written after the batches in flight. Documents already written stay in DynamoDB.</p>
        </ConfirmDialog>
      )}
      {progressError !== undefined && <ErrorNotice error={progressError} />}
      {!jobId && <Empty title="No migration has run in this session">Plan one, then start it: progress shows here live.</Empty>}
      {jobId && !progress && progressError === undefined && <Loading label="Connecting to the job…" />}
      {progress && <ProgressView progress={progress} />}
      {progress?.state === 'completed' && <Notice kind={progress.overall.failed ? 'warning' : 'success'} title="Migration finished">{progress.overall.failed ? `${progress.overall.failed} documents could not be written: see the error log.` : 'Every document was written. Run Verify to compare contents.'}</Notice>}
    </section>
  );
}
