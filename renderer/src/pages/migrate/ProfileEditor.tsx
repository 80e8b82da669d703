import { useState } from 'react';
import { MigrationProfileSchema, profileProblem } from '../../../../shared/migration-profile';
import { setMigrationProfile, useMigrationProfile } from './profile-store';

/** The JSON text as a profile, or the one line saying what is wrong with it. */
function parseProfile(text: string) {
  if (text.trim() === '') return { problem: undefined, profile: undefined };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problem: `Not JSON: ${(error as Error).message}` };
  }
  const parsed = MigrationProfileSchema.safeParse(json);
  return parsed.success ? { profile: parsed.data } : { problem: profileProblem(parsed.error) };
}

/** Fix rules for documents DynamoDB cannot hold as they are: pasted, typed, or loaded from a `*.profile.json` file. */
export function ProfileEditor() {
  const { text, profile } = useMigrationProfile();
  const [draft, setDraft] = useState(text);
  const { problem } = parseProfile(draft);
  const change = (next: string) => {
    setDraft(next);
    setMigrationProfile(next, parseProfile(next).profile);
  };
  const ruled = profile ? Object.keys(profile.collections ?? {}).length : 0;
  return (
    <details className="profile-editor" open={draft !== ''}>
      <summary>Fix rules (migration profile){profile ? `: ${ruled} collection${ruled === 1 ? '' : 's'}${profile.defaults ? ' + defaults' : ''}` : ': none, unmigratable documents are skipped and logged'}</summary>
      <div className="form-actions">
        <label className="button button-small">Load file…
          <input type="file" accept=".json,application/json" hidden aria-label="Profile file" onChange={(e) => { void e.target.files?.[0]?.text().then(change); }} />
        </label>
        {draft !== '' && <button type="button" className="button button-small" onClick={() => change('')}>Clear</button>}
      </div>
      <textarea className="input mono" rows={8} spellCheck={false} aria-label="Migration profile JSON" placeholder={'{ "version": 1, "collections": { "alerts": { "emptyIndexKey": "omit" } } }'} value={draft} onChange={(e) => change(e.target.value)} />
      {problem && <p className="text-danger small" role="alert">Profile not used: {problem}</p>}
    </details>
  );
}
