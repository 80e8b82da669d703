const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
const CREDENTIAL_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_PROFILE', 'AWS_WEB_IDENTITY_TOKEN_FILE'];

/**
 * DynamoDB Local (-sharedDb) accepts any key pair; this one is no secret. A new object each
 * call: the SDK writes feature marks onto the credentials object it is given.
 */
export function dynamoDbLocalCredentials() {
  return { accessKeyId: 'local', secretAccessKey: 'local' };
}

/**
 * DynamoDB Local accepts any key pair, but without one the SDK's default chain fails before a
 * request is sent. So a loopback endpoint gets a dummy pair when the environment names no
 * credentials of its own; any other endpoint gets nothing and uses the chain.
 */
export function localEndpointCredentials(endpoint: string | undefined, env: Record<string, string | undefined> = process.env) {
  if (!endpoint || !URL.canParse(endpoint) || !LOOPBACK_HOSTS.includes(new URL(endpoint).hostname)) return {};
  if (CREDENTIAL_VARIABLES.some((name) => env[name]?.trim())) return {};
  return { credentials: dynamoDbLocalCredentials() };
}
