import { useMutation, useQuery, type UseMutationResult } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { COLLECTION_NAMES } from '../../../../shared/catalogue';
import type { SavedConnection, VerifyProgress } from '../../../../shared/contract';
import type { CollectionVerify, VerifyResult } from '../../../../shared/migration';
import { call } from '../../api/client';
import { useDataChangedAt } from '../../api/data-changes';
import { useShownJob } from '../../api/use-job-progress';
import { CollectionPicker } from '../../components/CollectionPicker';
import { formatCount } from '../../components/format';
import { Empty, ErrorNotice, Loading, Notice } from '../../components/Notice';
import { ProgressBar } from '../../components/ProgressBar';
import { ConnectionsNeeded } from '../../components/ConnectionsNeeded';
import { DirectionSwitch } from '../../components/DirectionSwitch';
import { PageHeader } from '../../components/PageHeader';
import { DiffView } from './DiffView';
import { useMigrationProfile } from '../migrate/profile-store';

export function VerifyPage({ mongo, dynamo, onConnect }: { mongo?: SavedConnection; dynamo?: SavedConnection; onConnect(): void }) {
  const [collections, setCollections] = useState<string[]>([...COLLECTION_NAMES]);
  const [sample, setSample] = useState('');
  const [countsOnly, setCountsOnly] = useState(false);
  const [open, setOpen] = useState<string>();
  // DynamoDB → MongoDB: every item compared with the document under its key.
  const [back, setBack] = useState(false);
  const [ranBack, setRanBack] = useState(false);
  const [openId, setOpenId] = useState<string>();
  const { jobId, progress, error: progressError, started } = useShownJob('verify', 'verify.progress');
  const stale = useStale(jobId, progress?.state === 'completed');
  const cancel = useMutation({ mutationFn: () => call('verify.cancel', { jobId: jobId! }) });
  const diffPanel = useRef<HTMLDivElement>(null);
  // The Migrate page's fix rules: items they changed are compared with what the rules produce.
  const { profile } = useMigrationProfile();
  // The diff opens below the lists: bring it into view when a document is picked.
  useEffect(() => { if (openId) diffPanel.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }); }, [openId]);

  const start = useMutation({
    mutationFn: () => call('verify.start', {
      sourceId: (back ? dynamo : mongo)!.id, targetId: (back ? mongo : dynamo)!.id,
      options: { collections, countsOnly, ...(Number(sample) > 0 ? { sample: Math.floor(Number(sample)) } : {}), ...(profile && !back ? { profile } : {}) },
    }),
    onSuccess: ({ jobId: id }) => { started(id); setRanBack(back); setOpen(undefined); setOpenId(undefined); },
  });

  if (!mongo || !dynamo) {
    return <ConnectionsNeeded title="Verify" message="Verify compares a MongoDB source with a DynamoDB target" action="Choose connections" onConnect={onConnect} />;
  }

  const result = progress?.result;
  // The result's direction is the one it was run in, not the switch's now.
  const ends: Ends = ranBack ? ['DynamoDB', 'MongoDB'] : ['MongoDB', 'DynamoDB'];
  const opened = result?.collections.find((c) => c.collection === open);
  const different = opened?.content?.different.find((d) => d.id === openId);

  return (
    <div className="page">
      <PageHeader title="Verify" subtitle={<>Counts on both sides, and every record compared with the one under its key: <DirectionSwitch mongo={mongo} dynamo={dynamo} back={back} onSwap={() => setBack(!back)} disabled={progress?.state === 'running'} /></>} />
      <section className="panel">
        <CollectionPicker selected={collections} onChange={setCollections} />
        <div className="form-actions">
          <label className="check"><input type="checkbox" checked={countsOnly} onChange={(e) => setCountsOnly(e.target.checked)} />Counts only</label>
          <label className="field-inline"><span>Sample per collection</span>
            <input className="input input-small" inputMode="numeric" placeholder="all" aria-label="Sample size" value={sample} onChange={(e) => setSample(e.target.value.replace(/\D/g, ''))} />
          </label>
          <span className="spacer" />
          <button type="button" className="button button-primary" onClick={() => start.mutate()} disabled={!collections.length || start.isPending || progress?.state === 'running'}>
            {progress?.state === 'running' ? 'Verifying…' : 'Run verify'}
          </button>
        </div>
        {start.error && <ErrorNotice error={start.error} />}
      </section>

      {progressError !== undefined && <ErrorNotice error={progressError} />}
      {!jobId && <Empty title="Not verified yet">Run verify after a migration to see what matches.</Empty>}
      {jobId && !progress && progressError === undefined && <Loading />}
      {progress?.state === 'running' && <VerifyProgressPanel progress={progress} cancel={cancel} />}
      {cancel.error && <ErrorNotice error={cancel.error} />}
      {progress?.state === 'cancelled' && <Notice kind="info" title="Verify cancelled">Nothing was compared to the end. Run verify again when you are ready.</Notice>}
      {progress?.state === 'failed' && <Notice kind="error" title="Verify failed">{progress.error?.message}</Notice>}
      {result && stale && <Notice kind="warning" title="This result may be out of date">Data changed after it was taken (a migration or an edit). Run verify again.</Notice>}

      {result && <ResultTable result={result} ends={ends} open={open} onOpen={(collection) => { setOpen(collection === open ? undefined : collection); setOpenId(undefined); }} />}

      {opened?.content && <Mismatches ends={ends} collection={opened.collection} content={opened.content} openId={openId} onPick={setOpenId} />}
      <div ref={diffPanel} className="scroll-anchor">{opened && different && <DiffView mongo={mongo} dynamo={dynamo} collection={opened.collection} id={different.id} differences={different.differences} />}</div>
    </div>
  );
}

function VerifyProgressPanel({ progress, cancel }: { progress: VerifyProgress; cancel: UseMutationResult<VerifyProgress, Error, void> }) {
  return (
    <section className="panel" aria-label="Verify progress">
      <div className="panel-header">
        <span data-testid="verify-phase">{progress.phase ? `${progress.phase[0]!.toUpperCase()}${progress.phase.slice(1)}…` : 'Working…'}</span>
        <button type="button" className="button button-small button-danger" onClick={() => cancel.mutate()} disabled={cancel.isPending}>Cancel verify</button>
      </div>
      <ProgressBar done={progress.done} total={progress.total} label="Verify progress" />
      <p className="muted small">{formatCount(progress.done)} of {formatCount(progress.total)} documents read</p>
    </section>
  );
}

/** Source and target names for the column heads: the result's counts are the source's, then the target's. */
type Ends = [source: string, target: string];

function ResultTable({ result, ends, open, onOpen }: { result: VerifyResult; ends: Ends; open?: string; onOpen(collection: string): void }) {
  return (
    <section className="panel">
      <div className="panel-header">
        <h2>Result</h2>
        <span className={`badge ${result.ok ? 'badge-ok' : 'badge-danger'}`} data-testid="verify-overall">{result.ok ? '✓ everything matches' : '✗ differences found'}</span>
      </div>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Verify results by collection">
      <table className="table" data-testid="verify-table">
        <thead><tr><th><span className="visually-hidden">Match</span></th><th>Collection</th><th>Table</th><th className="num">{ends[0]}</th><th className="num">{ends[1]}</th><th className="num">Compared</th><th className="num">Missing</th><th className="num">Extra</th><th className="num">Different</th><th className="num">Unmigratable</th></tr></thead>
        <tbody>
          {result.collections.map((c) => <VerifyRow key={c.collection} c={c} open={c.collection === open} onOpen={() => onOpen(c.collection)} />)}
        </tbody>
      </table>
      </div>
    </section>
  );
}

/** The ids of one collection's mismatches; a different one opens its diff. */
function Mismatches({ ends, collection, content, openId, onPick }: { ends: Ends; collection: string; content: NonNullable<CollectionVerify['content']>; openId?: string; onPick(id: string): void }) {
  return (
    <section className="panel">
      <div className="panel-header"><h2>{collection}{content.sampled && <span className="badge badge-small">sampled</span>}</h2></div>
      <div className="mismatch-lists">
        <IdList title="Different" ids={content.different.map((d) => d.id)} active={openId} onPick={onPick} testId="different-ids" />
        <IdList title={`Missing in ${ends[1]}`} ids={content.missing} />
        <IdList title={`Extra in ${ends[1]}`} ids={content.extra} />
        <IdList title="Could not be migrated" ids={content.unmigratable.map((u) => `${u.id} · ${u.code}`)} />
      </div>
      {Object.entries(content.ruleChanged ?? {}).map(([rule, count]) => <p key={rule} className="muted small">Changed by rule <code>{rule}</code>: {formatCount(count)}, as the profile says (not differences).</p>)}
    </section>
  );
}

/**
 * True when data may have changed since this verify read it: a migration started after the verify
 * did, or this window edited data after it started.
 */
function useStale(jobId: string | undefined, completed: boolean): boolean {
  const changedAt = useDataChangedAt();
  const jobs = useQuery({ queryKey: ['jobs'], queryFn: () => call('jobs.list', {}) });
  const verify = jobs.data?.find((j) => j.jobId === jobId);
  if (!completed || !verify) return false;
  return changedAt > Date.parse(verify.startedAt) || (jobs.data ?? []).some((j) => j.kind === 'migration' && j.startedAt > verify.startedAt);
}

function VerifyRow({ c, open, onOpen }: { c: CollectionVerify; open: boolean; onOpen(): void }) {
  const content = c.content;
  const mismatches = content ? content.missing.length + content.extra.length + content.different.length + content.unmigratable.length : 0;
  return (
    <tr className={`${c.ok ? '' : 'row-bad'}${open ? ' row-open' : ''}`} data-testid={`verify-row-${c.collection}`}>
      <td className={c.ok ? 'text-ok' : 'text-danger'} aria-label={c.ok ? 'matches' : 'mismatch'}>{c.ok ? '✓' : '✗'}</td>
      <td>{mismatches > 0 ? <button type="button" className="link" onClick={onOpen}>{c.collection}</button> : c.collection}</td>
      <td className="mono">{c.table}</td>
      <td className="num">{formatCount(c.sourceCount)}</td>
      <td className={`num${c.countsMatch ? '' : ' text-danger'}`}>{formatCount(c.targetCount)}</td>
      <td className="num">{content ? formatCount(content.compared) : '—'}</td>
      <td className="num">{content ? formatCount(content.missing.length) : '—'}</td>
      <td className="num">{content ? formatCount(content.extra.length) : '—'}</td>
      <td className="num">{content ? formatCount(content.different.length) : '—'}</td>
      <td className="num">{content ? formatCount(content.unmigratable.length) : '—'}</td>
    </tr>
  );
}

function IdList({ title, ids, active, onPick, testId }: { title: string; ids: string[]; active?: string; onPick?(id: string): void; testId?: string }) {
  return (
    <div className="id-list" data-testid={testId}>
      <h3>{title} <span className="muted">({ids.length})</span></h3>
      {ids.length === 0 ? <p className="muted small">none</p> : (
        <ul tabIndex={0} aria-label={title}>
          {ids.slice(0, 200).map((id) => (
            <li key={id}>{onPick ? <button type="button" className={`link mono${id === active ? ' active' : ''}`} onClick={() => onPick(id)}>{id}</button> : <span className="mono">{id}</span>}</li>
          ))}
          {ids.length > 200 && <li className="muted small">and {ids.length - 200} more</li>}
        </ul>
      )}
    </div>
  );
}
