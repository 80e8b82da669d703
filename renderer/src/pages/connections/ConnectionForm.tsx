import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DEFAULT_TABLE_PREFIX } from '../../../../shared/catalogue';
import { ConnectionSchema, DEFAULT_MONGO_URL, type Connection } from '../../../../shared/connection';
import type { SavedConnection } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorNotice } from '../../components/Notice';
import { connectionProblems } from './connection-problems';
import { ProfileField } from './ProfileField';
import { TestResultView } from './TestResultView';

type CredentialsSource = 'default' | 'profile' | 'keys';

interface Draft {
  backend: 'mongodb' | 'dynamodb';
  name: string;
  url: string;
  database: string;
  region: string;
  endpoint: string;
  tablePrefix: string;
  source: CredentialsSource;
  profile: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const EMPTY: Draft = {
  backend: 'mongodb', name: '', url: DEFAULT_MONGO_URL, database: '', region: 'us-east-1', endpoint: '',
  tablePrefix: DEFAULT_TABLE_PREFIX, source: 'default', profile: '', accessKeyId: '', secretAccessKey: '',
};

function toConnection(d: Draft): unknown {
  if (d.backend === 'mongodb') return { backend: 'mongodb', url: d.url.trim(), ...(d.database.trim() ? { database: d.database.trim() } : {}) };
  return {
    backend: 'dynamodb',
    region: d.region.trim(),
    tablePrefix: d.tablePrefix.trim(),
    ...(d.endpoint.trim() ? { endpoint: d.endpoint.trim() } : {}),
    ...(d.source === 'profile' ? { profile: d.profile.trim() } : {}),
    ...(d.source === 'keys' ? { credentials: { accessKeyId: d.accessKeyId.trim(), secretAccessKey: d.secretAccessKey } } : {}),
  };
}

/**
 * A new connection: fields checked as typed with the contract's schema, tested, then saved.
 * Saving does not change which connection the pages use; "Save and use" does, on purpose.
 */
export function ConnectionForm({ onUse }: { onUse(saved: SavedConnection): void }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const queryClient = useQueryClient();
  const parsed = ConnectionSchema.safeParse(toConnection(draft));
  const problems = parsed.success ? [] : connectionProblems(parsed.error.issues);
  const set = (change: Partial<Draft>) => { setDraft({ ...draft, ...change }); test.reset(); };

  const test = useMutation({ mutationFn: (connection: Connection) => call('connections.test', { connection }) });
  const save = useMutation({
    mutationFn: ({ connection }: { connection: Connection; use: boolean }) => call('connections.save', { name: draft.name.trim(), connection }),
    onSuccess: (saved, { use }) => {
      void queryClient.invalidateQueries({ queryKey: ['connections'] });
      setDraft({ ...EMPTY, backend: draft.backend });
      if (use) onUse(saved);
    },
  });

  const field = (label: string, key: keyof Draft, props: { placeholder?: string; type?: string; hint?: string } = {}) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <input className="input" type={props.type ?? 'text'} value={draft[key]} placeholder={props.placeholder} autoComplete="off" spellCheck={false}
        onChange={(e) => set({ [key]: e.target.value })} />
      {props.hint && <span className="field-hint">{props.hint}</span>}
    </label>
  );

  return (
    <form className="panel form" aria-labelledby="new-connection-title" onSubmit={(e) => { e.preventDefault(); if (parsed.success) save.mutate({ connection: parsed.data, use: false }); }}>
      <div className="panel-header">
        <h2 id="new-connection-title">New connection</h2>
        <div className="segmented" role="tablist" aria-label="Backend">
          {(['mongodb', 'dynamodb'] as const).map((b) => (
            <button key={b} type="button" role="tab" aria-selected={draft.backend === b} className={draft.backend === b ? 'active' : ''} onClick={() => set({ backend: b })}>
              {b === 'mongodb' ? 'MongoDB' : 'DynamoDB'}
            </button>
          ))}
        </div>
      </div>
      {field('Name', 'name', { placeholder: draft.backend === 'mongodb' ? 'Production MongoDB' : 'AWS eu-west-1' })}
      {draft.backend === 'mongodb' ? (
        <>
          {field('Connection URL', 'url', { placeholder: 'mongodb://user:password@host:27017/alertwhisperer', hint: 'The password stays in the main process; it is never shown again.' })}
          {field('Database', 'database', { placeholder: 'from the URL, else alertwhisperer' })}
        </>
      ) : (
        <>
          <div className="field-row">
            {field('Region', 'region')}
            {field('Table prefix', 'tablePrefix')}
          </div>
          {field('Endpoint', 'endpoint', { placeholder: 'empty for AWS; http://127.0.0.1:8000 for DynamoDB Local' })}
          <fieldset className="field">
            <legend className="field-label">Credentials</legend>
            <div className="radio-row">
              {([['default', 'Default chain'], ['profile', 'Profile'], ['keys', 'Access keys']] as const).map(([value, label]) => (
                <label key={value} className="radio"><input type="radio" name="source" checked={draft.source === value} onChange={() => set({ source: value })} />{label}</label>
              ))}
            </div>
            <span className="field-hint">
              {draft.source === 'default' && 'Environment, ~/.aws profiles, SSO or the instance role, as the AWS CLI finds them.'}
              {draft.source === 'profile' && 'A profile from ~/.aws/config or ~/.aws/credentials.'}
              {draft.source === 'keys' && 'The secret key is encrypted at rest and never sent back to this window.'}
            </span>
          </fieldset>
          {draft.source === 'profile' && <ProfileField value={draft.profile} onChange={(profile) => set({ profile })} />}
          {draft.source === 'keys' && (
            <div className="field-row">
              {field('Access key ID', 'accessKeyId')}
              {field('Secret access key', 'secretAccessKey', { type: 'password' })}
            </div>
          )}
        </>
      )}
      {save.isSuccess && <p className="muted small" role="status">Saved. It is in the list; choose &quot;Use as {draft.backend === 'mongodb' ? 'source' : 'target'}&quot; there to work on it.</p>}
      {problems.length > 0 && <ul className="inline-errors">{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
      {test.data && <TestResultView result={test.data} />}
      {test.error && <ErrorNotice error={test.error} />}
      {save.error && <ErrorNotice error={save.error} title="Not saved" />}
      <div className="form-actions">
        <button type="button" className="button" disabled={!parsed.success || test.isPending} onClick={() => parsed.success && test.mutate(parsed.data)}>
          {test.isPending ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" className="button button-primary" disabled={!parsed.success || !draft.name.trim() || save.isPending}>
          {save.isPending ? 'Saving…' : 'Save connection'}
        </button>
        <button type="button" className="button" disabled={!parsed.success || !draft.name.trim() || save.isPending} onClick={() => parsed.success && save.mutate({ connection: parsed.data, use: true })}>
          Save and use
        </button>
      </div>
    </form>
  );
}
