import { CommaAndColonSeparatedRecord, ConnectionString, redactConnectionString } from 'mongodb-connection-string-url';
import { AppError } from '../../shared/errors';

/**
 * MongoDB URLs read with the driver's own URL library, so the console sees exactly the user,
 * password and options the driver will use: a hand-written pattern mis-split `admin:pa@SECRET@h`.
 */

/** URL options the driver accepts that carry a credential (lower case: the driver ignores case). */
const SECRET_OPTIONS = new Set(['tlscertificatekeyfilepassword', 'proxypassword', 'passphrase', 'key', 'pfx', 'sslpass']);
/** authMechanismProperties entries that carry a credential. */
const SECRET_MECHANISM_PROPERTIES = new Set(['aws_session_token']);
const MECHANISM_PROPERTIES = 'authmechanismproperties';

/** What splitMongoUrl takes out of a URL: percent-encoded as written, put back by mergeMongoUrl. */
export interface MongoUrlSecrets {
  password?: string;
  /** Secret query options, [name, value] as written. */
  options?: [string, string][];
  /** Secret authMechanismProperties entries, [name, value]. */
  mechanismProperties?: [string, string][];
}

/** Parses a MongoDB URL or refuses it; the message never repeats the URL (it may hold a password). */
export function parseMongoUrl(url: string): ConnectionString {
  try {
    return new ConnectionString(url);
  } catch {
    throw new AppError(
      'VALIDATION',
      'The MongoDB URL cannot be read. Check its form (mongodb://user:password@host:27017/database), and percent-encode any @ : / ? # [ ] or % in the user name or password (for example @ as %40, / as %2F).',
    );
  }
}

function takeSecretOptions(parsed: ConnectionString): Pick<MongoUrlSecrets, 'options' | 'mechanismProperties'> {
  const options: [string, string][] = [];
  const mechanismProperties: [string, string][] = [];
  for (const [name, value] of [...parsed.searchParams.entries()]) {
    const lower = name.toLowerCase();
    if (SECRET_OPTIONS.has(lower)) {
      options.push([name, value]);
      parsed.searchParams.delete(name);
    } else if (lower === MECHANISM_PROPERTIES) {
      const record = new CommaAndColonSeparatedRecord(value);
      for (const [key, secret] of [...record.entries()]) {
        if (!SECRET_MECHANISM_PROPERTIES.has(key.toLowerCase())) continue;
        mechanismProperties.push([key, secret]);
        record.delete(key);
      }
      if (record.size > 0) parsed.searchParams.set(name, record.toString());
      else parsed.searchParams.delete(name);
    }
  }
  return { ...(options.length ? { options } : {}), ...(mechanismProperties.length ? { mechanismProperties } : {}) };
}

/** The URL without any credential (the user name stays), and the credentials taken out. */
export function splitMongoUrl(url: string): { url: string; secrets: MongoUrlSecrets } {
  const parsed = parseMongoUrl(url);
  const password = parsed.password;
  parsed.password = '';
  const secrets: MongoUrlSecrets = { ...(password ? { password } : {}), ...takeSecretOptions(parsed) };
  // Untouched URLs keep their exact text (the library would add a trailing slash).
  return { url: Object.keys(secrets).length > 0 ? parsed.toString() : url, secrets };
}

/** Puts back what splitMongoUrl took out. */
export function mergeMongoUrl(url: string, secrets: MongoUrlSecrets): string {
  if (!secrets.password && !secrets.options && !secrets.mechanismProperties) return url;
  const parsed = parseMongoUrl(url);
  // A password needs a user name in the URL; a stored URL without one keeps no password.
  if (secrets.password && parsed.username) parsed.password = secrets.password;
  for (const [name, value] of secrets.options ?? []) parsed.searchParams.append(name, value);
  if (secrets.mechanismProperties) {
    const name = [...parsed.searchParams.keys()].find((k) => k.toLowerCase() === MECHANISM_PROPERTIES) ?? 'authMechanismProperties';
    const record = new CommaAndColonSeparatedRecord(parsed.searchParams.get(name));
    for (const [key, value] of secrets.mechanismProperties) record.set(key, value);
    parsed.searchParams.set(name, record.toString());
  }
  return parsed.toString();
}

const MONGO_URL_IN_TEXT = /mongodb(?:\+srv)?:\/\/[^\s"'`<>]+/gi;
const SECRET_OPTION_IN_TEXT = /([?&](?:tlsCertificateKeyFilePassword|proxyPassword|passphrase|key|pfx|sslPass)=)[^&]*/gi;

function redactOne(url: string): string {
  try {
    return splitMongoUrl(url).url;
  } catch {
    // Unreadable: all of the user part may be password, so none of it is kept.
    return redactConnectionString(url, { replacementString: '<redacted>' }).replace(SECRET_OPTION_IN_TEXT, '$1<redacted>');
  }
}

/** Text (a log line, a stack) with every MongoDB URL in it stripped of its credentials. */
export function redactMongoUrls(text: string): string {
  return text.replace(MONGO_URL_IN_TEXT, redactOne);
}

/** A log that never writes a MongoDB credential, whatever line (error, stack) it is given. */
export function redactingLog(log: (line: string) => void): (line: string) => void {
  return (line) => log(redactMongoUrls(line));
}
