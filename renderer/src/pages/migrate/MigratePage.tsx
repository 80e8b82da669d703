import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { COLLECTION_NAMES } from '../../../../shared/catalogue';
import type { SavedConnection } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useShownJob } from '../../api/use-job-progress';
import { CollectionPicker } from '../../components/CollectionPicker';
import { Empty, ErrorNotice, Loading, Notice } from '../../components/Notice';
import { ConnectionsNeeded } from '../../components/ConnectionsNeeded';
import { PageHeader } from '../../components/PageHeader';
import { FailuresTable } from './FailuresTable';
import { PlanTable } from './PlanTable';
import { ProgressView } from './ProgressView';

export function MigratePage({ mongo, dynamo, onConnect }: { mongo?: SavedConnection; dynamo?: SavedConnection; onConnect(): void }) {
  const [collections, setCollections] = useState<string[]>([...COLLECTION_NAMES]);
  const [concurrency, setConcurrency] = useState(4);
  const [via, setVia] = useState<'direct' | 's3'>('direct');
  const [bucket, setBucket] = useState('');
  const { jobId, progress, error: progressError, started } = useShownJob('migration', 'migration.progress');
  const running = progress?.state === 'running' || progress?.state === 'paused';
  const pair = { sourceId: mongo?.id ?? '', targetId: dynamo?.id ?? '' };

  const plan = useMutation({ mutationFn: () => call('migration.plan', { ...pair, collections }) });
  const start = useMutation({
    mutationFn: (resume: boolean) => call('migration.start', { ...pair, options: { collections, concurrency, resume, via, ...(via === 's3' ? { bucket } : {}) } }),
    onSuccess: ({ jobId: id }) => started(id),
  });
  const control = useMutation({ mutationFn: (action: 'migration.pause' | 'migration.resume' | 'migration.cancel') => call(action, { jobId: jobId! }) });
  const failedCount = progress?.overall.failed ?? 0;
  const failures = useQuery({
    queryKey: ['failures', jobId, failedCount, progress?.state],
    queryFn: () => call('migration.failures', { jobId: jobId! }),
    enabled: !!jobId && !!progress,
    placeholderData: (previous) => previous,
  });

  if (!mongo || !dynamo) {
    return <ConnectionsNeeded title="Migrate" message="A migration needs a MongoDB source and a DynamoDB target" action="Choose connections" onConnect={onConnect} />;
  }

  return (
    <div className="page">
      <PageHeader title="Migrate" subtitle={<><span className="dot dot-mongo" />{mongo.name} <span className="arrow">→</span> <span className="dot dot-dynamo" />{dynamo.name}</>} />
      <section className="panel">
        <div className="panel-header"><h2>1 · Choose collections</h2></div>
        <CollectionPicker selected={collections} onChange={setCollections} />
        <div className="form-actions">
          <label className="field-inline"><span>Batches in flight</span>
            <select className="input input-small" aria-label="Concurrency" value={concurrency} onChange={(e) => setConcurrency(Number(e.target.value))}>
              {[1, 2, 4, 8, 16].map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
          </label>
          <label className="field-inline"><span>Path</span>
            <select className="input input-small" aria-label="Path" value={via} onChange={(e) => setVia(e.target.value as 'direct' | 's3')} title="Via S3: export to S3, then DynamoDB ImportTable (creates new tables only)">
              <option value="direct">direct</option>
              <option value="s3">via S3</option>
            </select>
          </label>
          {via === 's3' && <input className="input input-small" aria-label="S3 bucket" placeholder="S3 bucket" value={bucket} onChange={(e) => setBucket(e.target.value)} />}
          <span className="spacer" />
          <button type="button" className="button" onClick={() => plan.mutate()} disabled={!collections.length || plan.isPending}>{plan.isPending ? 'Planning…' : 'Dry run'}</button>
          <button type="button" className="button" onClick={() => start.mutate(true)} disabled={!collections.length || running || start.isPending} title="Continue from the saved checkpoint of an interrupted run">Resume interrupted run</button>
          <button type="button" className="button button-primary" onClick={() => start.mutate(false)} disabled={!collections.length || running || start.isPending || (via === 's3' && bucket.length < 3)}>{start.isPending ? 'Starting…' : 'Start migration'}</button>
        </div>
        {start.error && <ErrorNotice error={start.error} title="The migration did not start" />}
      </section>

      {(plan.isPending || plan.data || plan.error) && (
        <section className="panel">
          <div className="panel-header"><h2>2 · Dry-run plan</h2><span className="muted small">nothing is written</span></div>
          {plan.isPending && <Loading label="Reading the collections…" />}
          {plan.error && <ErrorNotice error={plan.error} />}
          {plan.data && <PlanTable plan={plan.data} />}
        </section>
      )}

      <section className="panel">
        <div className="panel-header">
          <h2>3 · Progress</h2>
          {jobId && (
            <div className="button-row">
              {progress?.state === 'paused'
                ? <button type="button" className="button button-small" onClick={() => control.mutate('migration.resume')}>Resume</button>
                : <button type="button" className="button button-small" onClick={() => control.mutate('migration.pause')} disabled={progress?.state !== 'running'}>Pause</button>}
              <button type="button" className="button button-small button-danger" onClick={() => control.mutate('migration.cancel')} disabled={!running}>Cancel</button>
            </div>
          )}
        </div>
        {control.error && <ErrorNotice error={control.error} />}
        {progressError !== undefined && <ErrorNotice error={progressError} />}
        {!jobId && <Empty title="No migration has run in this session">Plan one, then start it: progress shows here live.</Empty>}
        {jobId && !progress && progressError === undefined && <Loading label="Connecting to the job…" />}
        {progress && <ProgressView progress={progress} />}
        {progress?.state === 'completed' && <Notice kind={progress.overall.failed ? 'warning' : 'success'} title="Migration finished">{progress.overall.failed ? `${progress.overall.failed} documents could not be written: see the error log.` : 'Every document was written. Run Verify to compare contents.'}</Notice>}
      </section>

      {jobId && failures.data && <FailuresTable failures={failures.data} />}
    </div>
  );
}
