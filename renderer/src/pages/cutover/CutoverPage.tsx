import { useState } from 'react';
import { COLLECTION_NAMES } from '../../../../shared/catalogue';
import type { SavedConnection } from '../../../../shared/contract';
import { CollectionPicker } from '../../components/CollectionPicker';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ConnectionsNeeded } from '../../components/ConnectionsNeeded';
import { Empty, ErrorNotice, Loading, Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { CutoverSteps } from './CutoverSteps';
import { LagPanel } from './LagPanel';
import { SandboxWriter } from './SandboxWriter';
import { useCutover, type Cutover, type CutoverSettings } from './use-cutover';
import '../../features.css';
import './cutover.css';

/** The sandbox's MongoDB connection (electron/api/sandbox-session.ts): it offers a live writer. */
const SANDBOX_MONGO = 'sandbox-mongodb';

/** The guided zero-downtime cutover: one job in the main process, found again after a reload. */
export function CutoverPage({ mongo, dynamo, onConnect }: { mongo?: SavedConnection; dynamo?: SavedConnection; onConnect(): void }) {
  const cutover = useCutover({ sourceId: mongo?.id ?? '', targetId: dynamo?.id ?? '' });
  const { jobId, progress, progressError } = cutover;
  if (!mongo || !dynamo) {
    return <ConnectionsNeeded title="Cutover" message="A cutover needs a MongoDB source (a replica set: its oplog) and a DynamoDB target" action="Choose connections" onConnect={onConnect} />;
  }
  return (
    <div className="page">
      <PageHeader title="Cutover" subtitle={<><span className="dot dot-mongo" />{mongo.name} <span className="arrow">→</span> <span className="dot dot-dynamo" />{dynamo.name} · the application keeps running during the copy</>} />
      {!jobId && <StartPanel cutover={cutover} />}
      {mongo.id === SANDBOX_MONGO && !progress && <SandboxWriter />}
      {progressError !== undefined && <ErrorNotice error={progressError} />}
      {!jobId && <Empty title="No cutover in this session">Start one: the page walks you through each step, and a reload finds it again.</Empty>}
      {jobId && !progress && progressError === undefined && <Loading label="Connecting to the cutover…" />}
      {progress && (
        <div className="cutover-layout">
          <CutoverSteps cutover={cutover} progress={progress} />
          <div className="cutover-side">
            <LagPanel progress={progress} />
            {mongo.id === SANDBOX_MONGO && <SandboxWriter />}
            {progress.state === 'running' && <CancelPanel cutover={cutover} />}
            {progress.state === 'cancelled' && <Notice kind="info" title="Cutover cancelled">The position applied is saved: <code>npm run cli -- sync</code> follows on from it, or start a new cutover.</Notice>}
          </div>
        </div>
      )}
      {jobId && progress && !cutover.running && <StartPanel cutover={cutover} />}
    </div>
  );
}

function StartPanel({ cutover }: { cutover: Cutover }) {
  const [settings, setSettings] = useState<CutoverSettings>({ collections: [...COLLECTION_NAMES], lagThresholdSeconds: 2 });
  const [threshold, setThreshold] = useState('2');
  const seconds = Number(threshold);
  const valid = settings.collections.length > 0 && seconds >= 0.5 && seconds <= 600;
  return (
    <section className="panel" aria-labelledby="cutover-start-title">
      <div className="panel-header"><h2 id="cutover-start-title">Start a cutover</h2><span className="muted small">full load, change capture, then the switch; writes stop only for the drain</span></div>
      <CollectionPicker selected={settings.collections} onChange={(collections) => setSettings({ ...settings, collections })} />
      <div className="form-actions">
        <label className="field-inline"><span>In sync below</span>
          <input className="input input-small" inputMode="decimal" aria-label="Lag threshold in seconds" value={threshold} onChange={(e) => setThreshold(e.target.value.replace(/[^\d.]/g, ''))} /> s of lag
        </label>
        {cutover.profile && <span className="muted small">with the Migrate page's fix rules</span>}
        <span className="spacer" />
        <button type="button" className="button button-primary" disabled={!valid || cutover.start.isPending} onClick={() => cutover.start.mutate({ ...settings, lagThresholdSeconds: seconds })}>
          {cutover.start.isPending ? 'Starting…' : 'Start cutover'}
        </button>
      </div>
      {!valid && settings.collections.length > 0 && <p className="inline-error">The lag threshold is a number of seconds from 0.5 to 600.</p>}
      {cutover.start.error && <ErrorNotice error={cutover.start.error} title="The cutover did not start" />}
    </section>
  );
}

function CancelPanel({ cutover }: { cutover: Cutover }) {
  const [asking, setAsking] = useState(false);
  return (
    <div className="button-row">
      <button type="button" className="button button-small button-danger" onClick={() => setAsking(true)}>Cancel cutover…</button>
      {cutover.cancel.error && <ErrorNotice error={cutover.cancel.error} />}
      {asking && (
        <ConfirmDialog title="Cancel the cutover?" confirmLabel="Cancel cutover" cancelLabel="Keep going" danger busy={cutover.cancel.isPending} onCancel={() => setAsking(false)} onConfirm={() => cutover.cancel.mutate(undefined, { onSettled: () => setAsking(false) })}>
          <p>The copy or change capture stops after the work in flight. What is in DynamoDB stays; the application is not switched.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
