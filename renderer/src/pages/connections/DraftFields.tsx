import type { Draft, SetDraft } from './use-connection-draft';
import { ProfileField } from './ProfileField';

interface FieldProps { label: string; name: keyof Draft; draft: Draft; set: SetDraft; placeholder?: string; type?: string; hint?: string }

/** One text input bound to a draft field. */
export function DraftField({ label, name, draft, set, placeholder, type, hint }: FieldProps) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input className="input" type={type ?? 'text'} value={draft[name]} placeholder={placeholder} autoComplete="off" spellCheck={false}
        onChange={(e) => set({ [name]: e.target.value })} />
      {hint && <span className="field-hint">{hint}</span>}
    </label>
  );
}

export function MongoFields({ draft, set }: { draft: Draft; set: SetDraft }) {
  return (
    <>
      <DraftField label="Connection URL" name="url" draft={draft} set={set} placeholder="mongodb://user:password@host:27017/alertwhisperer" hint="The password stays in the main process; it is never shown again." />
      <DraftField label="Database" name="database" draft={draft} set={set} placeholder="from the URL, else alertwhisperer" />
    </>
  );
}

const SOURCES = [['default', 'Default chain'], ['profile', 'Profile'], ['keys', 'Access keys']] as const;

function CredentialsChoice({ draft, set }: { draft: Draft; set: SetDraft }) {
  return (
    <fieldset className="field">
      <legend className="field-label">Credentials</legend>
      <div className="radio-row">
        {SOURCES.map(([value, label]) => (
          <label key={value} className="radio"><input type="radio" name="source" checked={draft.source === value} onChange={() => set({ source: value })} />{label}</label>
        ))}
      </div>
      <span className="field-hint">
        {draft.source === 'default' && 'Environment, ~/.aws profiles, SSO or the instance role, as the AWS CLI finds them.'}
        {draft.source === 'profile' && 'A profile from ~/.aws/config or ~/.aws/credentials.'}
        {draft.source === 'keys' && 'The secret key is encrypted at rest and never sent back to this window.'}
      </span>
    </fieldset>
  );
}

export function DynamoFields({ draft, set }: { draft: Draft; set: SetDraft }) {
  return (
    <>
      <div className="field-row">
        <DraftField label="Region" name="region" draft={draft} set={set} />
        <DraftField label="Table prefix" name="tablePrefix" draft={draft} set={set} />
      </div>
      <DraftField label="Endpoint" name="endpoint" draft={draft} set={set} placeholder="empty for AWS; http://127.0.0.1:8000 for DynamoDB Local" />
      <CredentialsChoice draft={draft} set={set} />
      {draft.source === 'profile' && <ProfileField value={draft.profile} onChange={(profile) => set({ profile })} />}
      {draft.source === 'keys' && (
        <div className="field-row">
          <DraftField label="Access key ID" name="accessKeyId" draft={draft} set={set} />
          <DraftField label="Secret access key" name="secretAccessKey" draft={draft} set={set} type="password" />
        </div>
      )}
    </>
  );
}
