import { useState } from 'react';
import { COLLECTION_NAMES } from '../../../../shared/catalogue';
import type { SavedConnection } from '../../../../shared/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CollectionPicker } from '../../components/CollectionPicker';
import { formatCount } from '../../components/format';
import { ErrorNotice, Loading } from '../../components/Notice';
import { ConnectionsNeeded } from '../../components/ConnectionsNeeded';
import { DirectionSwitch } from '../../components/DirectionSwitch';
import { PageHeader } from '../../components/PageHeader';
import { FailuresTable } from './FailuresTable';
import { MigrationProgressPanel } from './MigrationProgressPanel';
import { PlanTable } from './PlanTable';
import { PriceRegionSelect } from './PriceRegionSelect';
import { ProfileEditor } from './ProfileEditor';
import { RuleEffects } from './RuleEffects';
import { RunSettingsFields } from './RunSettingsFields';
import { ADAPTIVE, useMigration, type Migration, type RunSettings } from './use-migration';

export function MigratePage({ mongo, dynamo, onConnect }: { mongo?: SavedConnection; dynamo?: SavedConnection; onConnect(): void }) {
  const [settings, setSettings] = useState<RunSettings>({ collections: [...COLLECTION_NAMES], concurrency: ADAPTIVE, via: 'direct', bucket: '' });
  // DynamoDB → MongoDB: the way back, same pipeline; the plan's figures and the S3 path are the forward direction's.
  const [back, setBack] = useState(false);
  const [source, target] = back ? [dynamo, mongo] : [mongo, dynamo];
  const migration = useMigration({ sourceId: source?.id ?? '', targetId: target?.id ?? '' }, back ? { ...settings, via: 'direct' } : settings, back);
  const { jobId, plan, priceRegion, choosePriceRegion, failures } = migration;

  if (!mongo || !dynamo) {
    return <ConnectionsNeeded title="Migrate" message="A migration needs a MongoDB source and a DynamoDB target" action="Choose connections" onConnect={onConnect} />;
  }

  return (
    <div className="page">
      <PageHeader title="Migrate" subtitle={<DirectionSwitch mongo={mongo} dynamo={dynamo} back={back} onSwap={() => { setBack(!back); migration.plan.reset(); }} disabled={migration.running} />} />
      <ChooseCollections settings={settings} onChange={(change) => setSettings({ ...settings, ...change })} migration={migration} back={back} />
      {(plan.isPending || plan.data || plan.error) && (
        <section className="panel">
          <div className="panel-header"><h2>2 · Dry-run plan</h2><span className="muted small">nothing is written</span><span className="spacer" />
            <PriceRegionSelect plan={plan.data} asked={priceRegion} onChoose={choosePriceRegion} disabled={plan.isPending} /></div>
          {plan.isPending && <Loading label="Reading the collections…" />}
          {plan.error && <ErrorNotice error={plan.error} />}
          {plan.data && <PlanTable plan={plan.data} />}
          {plan.data && <RuleEffects plan={plan.data} />}
        </section>
      )}
      <MigrationProgressPanel migration={migration} />
      {jobId && failures.data && <FailuresTable failures={failures.data} />}
    </div>
  );
}

/** Step 1: collections and run settings, the dry run, start (asking before writing over tables that hold items) and resume. */
function ChooseCollections({ settings, onChange, migration, back }: { settings: RunSettings; onChange(change: Partial<RunSettings>): void; migration: Migration; back: boolean }) {
  const { collections, bucket } = settings;
  const via = back ? 'direct' : settings.via;
  const { running, overwrite, setOverwrite, plan, start, check } = migration;
  return (
    <section className="panel">
      <div className="panel-header"><h2>1 · Choose collections</h2></div>
      <CollectionPicker selected={collections} onChange={(chosen) => onChange({ collections: chosen })} />
      {!back && <ProfileEditor />}
      <div className="form-actions">
        <RunSettingsFields settings={settings} onChange={onChange} back={back} />
        <span className="spacer" />
        <button type="button" className="button" onClick={() => plan.mutate()} disabled={back || !collections.length || plan.isPending} title={back ? "The dry run's figures are DynamoDB's; for the way back, `plan --from dynamodb` on the command line" : undefined}>{plan.isPending ? 'Planning…' : 'Dry run'}</button>
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
  );
}
