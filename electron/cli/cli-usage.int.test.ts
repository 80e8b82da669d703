import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/int-test-cli';

/** The README's table of bad usage: each row's command line and the exact line it prints. */
function readmeRows(): { args: string[]; line: string }[] {
  const readme = readFileSync('README.md', 'utf8');
  const table = readme.slice(readme.indexOf('| Command line | stderr (exit code 2) |'));
  const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
  return rows.map((row) => {
    const [, args, line] = /^\| `([^`]*)` \| `(.*)` \|$/.exec(row) ?? [];
    return { args: args!.split(' '), line: line! };
  });
}

// Every option of every command that can take a bad value, and bad commands and arguments. None
// of these may reach a server: the values are refused before anything connects or starts.
const NO_SERVER = { MONGO_URL: 'mongodb://127.0.0.1:9/none', AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:9' };
// Profiles with one mistake each: refused when the flag is read, as one line naming the problem.
const profiles = mkdtempSync(join(tmpdir(), 'awc-profiles-'));
const profileFile = (name: string, text: string) => {
  writeFileSync(join(profiles, name), text);
  return join(profiles, name);
};
const NOT_JSON = profileFile('not-json.profile.json', '{ version: 1 }');
const VERSION_2 = profileFile('v2.profile.json', '{ "version": 2 }');
const BAD_CHOICE = profileFile('bad-choice.profile.json', '{ "version": 1, "collections": { "alerts": { "regex": "drop" } } }');
const BAD_COLLECTION = profileFile('bad-collection.profile.json', '{ "version": 1, "collections": { "alertz": {} } }');
const CASES: { args: string[]; line: RegExp; env?: Record<string, string> }[] = [
  { args: ['migrate', '--profile', join(profiles, 'missing.json')], line: /^Error: option '--profile <file>' argument '.*missing\.json' is invalid\. Cannot read .*missing\.json \(ENOENT\)\. See 'migrate --help'\.$/ },
  { args: ['plan', '--profile', NOT_JSON], line: /^Error: option '--profile <file>' argument '.*' is invalid\. .*not-json\.profile\.json is not JSON \(.*\)\. See 'plan --help'\.$/ },
  { args: ['verify', '--profile', VERSION_2], line: /is not a migration profile: version: Invalid input: expected 1\. See 'verify --help'\.$/ },
  { args: ['migrate-collection', 'alerts', '--profile', BAD_CHOICE], line: /is not a migration profile: collections\.alerts\.regex: Invalid option: expected one of "skip"\|"map"\|"string"\. See 'migrate-collection --help'\.$/ },
  { args: ['demo', '--profile', BAD_COLLECTION], line: /is not a migration profile: collections\.alertz: not one of the Alert Whisperer collections \(companies, .*\)\. See 'demo --help'\.$/ },
  { args: [], line: /^Error: No command given. Use one of: migrate, migrate-collection, export, sync, verify, cloudformation, plan, sandbox, demo, serve\. See '--help'\.$/ },
  { args: ['migrate', '--concurrency', 'abc'], line: /^Error: option '--concurrency <n>' argument 'abc' is invalid\. Expected a whole number from 1 to 32\./ },
  { args: ['migrate', '--concurrency', '2.5'], line: /argument '2\.5' is invalid\. Expected a whole number from 1 to 32\./ },
  { args: ['migrate', '--concurrency', '-1'], line: /argument '-1' is invalid/ },
  { args: ['migrate', '--concurrency'], line: /^Error: option '--concurrency <n>' argument missing\. See 'migrate --help'\.$/ },
  { args: ['migrate', 'users'], line: /^Error: too many arguments for 'migrate'\. Expected 0 arguments but got 1\. See 'migrate --help'\.$/ },
  { args: ['migrate', '--prefix', 'a b'], line: /^Error: option '--prefix <prefix>' argument 'a b' is invalid\. Expected letters, digits, _ \. - only\./ },
  { args: ['migrate', '--state-dir', ''], line: /^Error: option '--state-dir <dir>' argument '' is invalid\. Expected a folder name\./ },
  { args: ['migrate', '--mongo-url', 'http://x'], line: /^Error: --mongo-url \/ MONGO_URL: a MongoDB URL starts with mongodb:\/\/ or mongodb\+srv:\/\/$/ },
  { args: ['migrate', '--endpoint', 'nope'], line: /^Error: --endpoint: Invalid URL$/ },
  { args: ['migrate', '--via', 's3'], line: /^Error: --via s3 needs --bucket\. See 'migrate --help'\.$/ },
  { args: ['migrate', '--via', 'fast'], line: /^Error: option '--via <path>' argument 'fast' is invalid\. Allowed choices are direct, s3\. See 'migrate --help'\.$/ },
  { args: ['export'], line: /^Error: export needs exactly one of --bucket and --dir\. See 'export --help'\.$/ },
  { args: ['export', '--dir', 'x', '--part-mb', '0'], line: /^Error: option '--part-mb <n>' argument '0' is invalid\. Expected a whole number from 1 to 100000\./ },
  { args: ['migrate-collection', 'nope'], line: /^Error: Unknown collection "nope"\. Use one of: companies, / },
  { args: ['migrate-collection', 'users', '--concurrency', '0'], line: /argument '0' is invalid\. Expected a whole number from 1 to 32\. See 'migrate-collection --help'\.$/ },
  { args: ['verify', '--sample', 'x'], line: /^Error: option '--sample <n>' argument 'x' is invalid\. Expected a whole number of at least 1\./ },
  { args: ['verify', 'nope'], line: /^Error: Unknown collection nope\. Use one of: companies, / },
  { args: ['verify'], env: { DYNAMODB_TABLE_PREFIX: 'a b' }, line: /^Error: option '--prefix <prefix>' value 'a b' from env 'DYNAMODB_TABLE_PREFIX' is invalid\./ },
  { args: ['verify'], env: { MONGO_URL: 'localhost:27017' }, line: /^Error: --mongo-url \/ MONGO_URL: a MongoDB URL starts with/ },
  { args: ['plan', 'nope'], line: /^Error: Unknown collection nope\./ },
  { args: ['plan', '--region', ''], line: /^Error: --region: / },
  { args: ['plan', '--price-region', 'US-EAST-1'], line: /^Error: option '--price-region <region>' argument 'US-EAST-1' is invalid\. No prices for region "US-EAST-1"\. Known regions: us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1, ap-southeast-1, ap-northeast-1\. See 'plan --help'\.$/ },
  { args: ['plan', '--price-region', ''], line: /^Error: option '--price-region <region>' argument '' is invalid\. No prices for region ""\./ },
  { args: ['plan', '--price-region'], line: /^Error: option '--price-region <region>' argument missing\. See 'plan --help'\.$/ },
  { args: ['cloudformation', '-o', '/nonexistent-folder/tables.json'], line: /^Error: Cannot write \/nonexistent-folder\/tables\.json \(ENOENT\): check that its folder exists and is writable \(-o\)\.$/ },
  { args: ['cloudformation', '-o'], line: /^Error: option '-o, --output <file>' argument missing\./ },
  { args: ['sandbox', '--seed', '-5'], line: /^Error: option '--seed <n>' argument '-5' is invalid\./ },
  { args: ['sandbox', '--alerts', '1e3'], line: /^Error: option '--alerts <n>' argument '1e3' is invalid\./ },
  { args: ['demo', '--alerts', '0'], line: /^Error: option '--alerts <n>' argument '0' is invalid\. Expected a whole number of at least 1\. See 'demo --help'\.$/ },
  { args: ['demo', '--seed', 'x'], line: /^Error: option '--seed <n>' argument 'x' is invalid\./ },
  { args: ['serve', '--port', '-1'], line: /^Error: option '--port <n>' argument '-1' is invalid\. Expected a whole number from 0 to 65535\./ },
  { args: ['serve', '--sandbox', '--alerts', '0'], line: /^Error: option '--alerts <n>' argument '0' is invalid\./ },
  { args: ['serve', '--state-dir', ''], line: /^Error: option '--state-dir <dir>' argument '' is invalid\./ },
];

describe.concurrent('bad usage: one line on stderr, exit code 2 (never the whole help, never 1)', () => {
  for (const row of readmeRows()) {
    it(`README: ${row.args.join(' ')}`, async () => {
      const result = await runCli(row.args, NO_SERVER, { timeoutMs: 30_000 });
      expect({ code: result.code, stderr: result.stderr, stdout: result.stdout }).toEqual({ code: 2, stderr: `${row.line}\n`, stdout: '' });
    });
  }
  for (const c of CASES) {
    it(`${c.args.map((a) => (a === '' ? "''" : a)).join(' ') || '(no command)'}${c.env ? ` with ${Object.keys(c.env).join(', ')}` : ''}`, async () => {
      const result = await runCli(c.args, { ...NO_SERVER, ...c.env }, { timeoutMs: 30_000 });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(c.line)]);
    });
  }

  it('--help still prints the help, on stdout, with exit code 0', async () => {
    const result = await runCli(['migrate', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--concurrency <n>');
  });
});
