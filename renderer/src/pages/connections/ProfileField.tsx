import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

/**
 * The AWS profile: a choice among the profiles the SDK finds in ~/.aws/config and
 * ~/.aws/credentials, or a typed name when it finds none (e.g. files the console cannot read).
 */
export function ProfileField({ value, onChange }: { value: string; onChange(profile: string): void }) {
  const found = useQuery({ queryKey: ['aws-profiles'], queryFn: () => call('aws.profiles', {}) });
  const profiles = found.data?.profiles ?? [];
  return (
    <label className="field">
      <span className="field-label">Profile</span>
      {profiles.length > 0 ? (
        <select className="input" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="" disabled>Choose a profile…</option>
          {profiles.map((name) => <option key={name} value={name}>{name}</option>)}
        </select>
      ) : (
        <input className="input" value={value} placeholder="default" autoComplete="off" spellCheck={false} onChange={(e) => onChange(e.target.value)} />
      )}
      <span className="field-hint">
        {found.isPending && 'Looking for profiles…'}
        {found.isError && 'The profiles could not be read: type the name.'}
        {found.isSuccess && (profiles.length > 0 ? `${profiles.length} found in ~/.aws/config and ~/.aws/credentials.` : 'No profiles found in ~/.aws/config or ~/.aws/credentials: type the name.')}
      </span>
    </label>
  );
}
