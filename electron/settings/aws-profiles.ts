import { CONFIG_PREFIX_SEPARATOR, loadSharedConfigFiles } from '@smithy/core/config';

/** Sections of ~/.aws/config that are not profiles; the SDK's loader keys them `sso-session.<name>`, `services.<name>`. */
const NOT_PROFILES = ['sso-session', 'services'].map((type) => `${type}${CONFIG_PREFIX_SEPARATOR}`);

/**
 * The profile names the AWS SDK finds in ~/.aws/config and ~/.aws/credentials (or the files
 * AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE name), read by the SDK's own loader: names
 * only, never a key. `default` first, then alphabetical. Missing files mean no profiles.
 */
export async function listAwsProfiles(): Promise<string[]> {
  // Reloaded on every call: a profile added with `aws configure` shows up without a restart.
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const names = new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)].filter((name) => !NOT_PROFILES.some((prefix) => name.startsWith(prefix))));
  return [...names].sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));
}
