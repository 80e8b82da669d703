import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { MigrationPlan } from '../../../../shared/migration';
import { COLLECTION_NAMES } from '../../../../shared/catalogue';
import type { SavedConnection } from '../../../../shared/contract';
import { call } from '../../api/client';
import { markDataChanged } from '../../api/data-changes';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useShownJob } from '../../api/use-job-progress';
import { CollectionPicker } from '../../components/CollectionPicker';
import { formatCount } from '../../components/format';
import { Empty, ErrorNotice, Loading, Notice } from '../../components/Notice';
import { ConnectionsNeeded } from '../../components/ConnectionsNeeded';
import { PageHeader } from '../../components/PageHeader';
import { FailuresTable } from './FailuresTable';
import { PlanTable } from './PlanTable';
import { ProfileEditor } from './ProfileEditor';
import { useMigrationProfile } from './profile-store';
import { RuleEffects } from './RuleEffects';
import { ProgressView } from './ProgressView';

export function MigratePage({ mongo, dynamo, onConnect }: { mongo?: SavedConnection; dynamo?: SavedConnection; onConnect(): void }) {
  const [collections, setCollections] = useState<string[]>([...COLLECTION_NAMES]);
  const [concurrency, setConcurrency] = useState(4);
  const [via, setVia] = useState<'direct' | 's3'>('direct');
  const [bucket, setBucket] = useState('');
  const { jobId, progress, error: progressError, started } = useShownJob('migration', 'migration.progress');
  const running = progress?.state === 'running' || progress?.state === 'paused';
  const pair = { sourceId: mongo?.id ?? '', targetId: dynamo?.id ?? '' };
  const { profile } = useMigrationProfile();
  const withProfile = profile ? { profile } : {};

  const queryClient = useQueryClient();
  const progressPanel = useRef<HTMLElement>(null);
  // Tables that already hold items, found by the plan before a fresh start: asked about first.
  const [overwrite, setOverwrite] = useState<MigrationPlan['collections']>();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const plan = useMutation({ mutationFn: () => call('migration.plan', { ...pair, collections, ...withProfile }) });
  const start = useMutation({
    mutationFn: (resume: boolean) => call('migration.start', { ...pair, options: { collections, concurrency, resume, via, ...(via === 's3' ? { bucket } : {}), ...withProfile } }),
    onSuccess: ({ jobId: id }) => {
      setOverwrite(undefined);
      markDataChanged(queryClient);
      started(id);
      // The progress panel is below the fold once a plan is shown: bring it into view.
      progressPanel.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    },
  });
  const check = useMutation({
    mutationFn: async () => {
      const planned = plan.data && plan.data.collections.map((c) => c.collection).join() === collections.join() ? plan.data : await call('migration.plan', { ...pair, collections, ...withProfile });
      return planned.collections.filter((c) => (c.tableItems ?? 0) > 0);
    },
    onSuccess: (holding) => (holding.length > 0 ? setOverwrite(holding) : start.mutate(false)),
  });
  const control = useMutation({
    mutationFn: (action: 'migration.pause' | 'migration.resume' | 'migration.cancel') => call(action, { jobId: jobId! }),
    onSettled: () => setConfirmCancel(false),
  });
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
        <ProfileEditor />
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
          <button type="button" className="button button-primary" onClick={() => check.mutate()} disabled={!collections.length || running || start.isPending || check.isPending || (via === 's3' && bucket.length < 3)}>{start.isPending || check.isPending ? 'Starting…' : 'Start migration'}</button>
        </div>
        {start.error && <ErrorNotice error={start.error} title="The migration did not start" />}
        {check.error && <ErrorNotice error={check.error} title="The migration did not start" />}
        {overwrite && (
          <ConfirmDialog title="Write over tables that hold data?" confirmLabel="Start and overwrite" danger busy={start.isPending} onCancel={() => setOverwrite(undefined)} onConfirm={() => start.mutate(false)}>
            <p>These tables already hold items. Items with the same key are replaced by the MongoDB documents, and edits made on DynamoDB since are lost:</p>
            <ul className="plain-list">{overwrite.map((c) => <li key={c.collection}><code>{c.table}</code>: about {formatCount(c.tableItems)} items</li>)}</ul>
          </ConfirmDialog>
        )}
      </section>

      {(plan.isPending || plan.data || plan.error) && (
        <section className="panel">
          <div className="panel-header"><h2>2 · Dry-run plan</h2><span className="muted small">nothing is written</span></div>
          {plan.isPending && <Loading label="Reading the collections…" />}
          {plan.error && <ErrorNotice error={plan.error} />}
          {plan.data && <PlanTable plan={plan.data} />}
          {plan.data && <RuleEffects plan={plan.data} />}
        </section>
      )}

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

      {jobId && failures.data && <FailuresTable failures={failures.data} />}
    </div>
  );
}
