import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAwsProfiles } from './aws-profiles';

/** Real files in a temporary folder, named through the variables the SDK's loader honours. */
describe('listAwsProfiles', () => {
  let dir: string;
  const saved = { config: process.env.AWS_CONFIG_FILE, credentials: process.env.AWS_SHARED_CREDENTIALS_FILE };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'awc-aws-profiles-'));
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
  });
  afterEach(() => {
    for (const [name, value] of [['AWS_CONFIG_FILE', saved.config], ['AWS_SHARED_CREDENTIALS_FILE', saved.credentials]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the profiles of both files once each, default first, without sso-session or services sections', async () => {
    writeFileSync(join(dir, 'config'), [
      '[profile zeta]', 'region = eu-west-1', '[default]', 'region = us-east-1',
      '[profile dev]', 'sso_session = corp', 'sso_account_id = 111122223333', '[sso-session corp]', 'sso_start_url = https://example.invalid/start',
      '[services local]', 'dynamodb =', '  endpoint_url = http://127.0.0.1:8000', '[profile tools]', 'credential_process = /bin/false',
    ].join('\n'));
    writeFileSync(join(dir, 'credentials'), ['[default]', 'aws_access_key_id = AKIDEXAMPLE', 'aws_secret_access_key = very-secret-key', '[ci]', 'aws_access_key_id = AKID2', 'aws_secret_access_key = s2'].join('\n'));
    const profiles = await listAwsProfiles();
    expect(profiles).toEqual(['default', 'ci', 'dev', 'tools', 'zeta']);
    expect(JSON.stringify(profiles)).not.toMatch(/AKID|secret/);
  });

  it('reads the files again on each call', async () => {
    expect(await listAwsProfiles()).toEqual([]);
    writeFileSync(join(dir, 'credentials'), '[added]\naws_access_key_id = A\naws_secret_access_key = B\n');
    expect(await listAwsProfiles()).toEqual(['added']);
  });
});
