import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheDir } from './cache-dir';
import { freePort } from './free-port';
import { onPath } from './go-binary';
import { startManagedProcess } from './managed-process';

/** Verified to implement ImportTable and DescribeImport from its own S3 (DYNAMODB_JSON, GZIP or NONE). */
export const MOTO_VERSION = '5.2.5';

interface MotoServer {
  /** S3 and DynamoDB (with ImportTable) on the same endpoint. */
  endpoint: string;
  description: string;
  stop(): Promise<void>;
}

const python = (venv: string) => join(venv, 'bin', 'python');

/**
 * A virtual environment of its own in the server cache, with moto's server installed from the
 * Python package index. It is built next to its final name and renamed into place (venvs run
 * from anywhere when started through their `bin/python`), so an install killed half-way is never
 * mistaken for a finished one.
 */
export function ensureMoto(log: (line: string) => void = () => {}): string {
  const home = cacheDir(`moto-${MOTO_VERSION}`);
  const venv = join(home, 'venv');
  if (existsSync(join(venv, '.installed'))) return venv;
  const python3 = onPath('python3');
  if (!python3) throw new Error('The S3 + ImportTable server (moto) needs Python 3 with venv: install python3 and python3-venv.');
  log(`Installing moto[server] ${MOTO_VERSION} into ${venv} (first run only)`);
  const partial = join(home, `venv.partial-${process.pid}`);
  try {
    execFileSync(python3, ['-m', 'venv', partial], { stdio: 'inherit' });
    execFileSync(python(partial), ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', `moto[server]==${MOTO_VERSION}`], { stdio: 'inherit' });
    writeFileSync(join(partial, '.installed'), MOTO_VERSION);
    rmSync(venv, { recursive: true, force: true });
    renameSync(partial, venv);
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  return venv;
}

function installedVersion(venv: string): string {
  return execFileSync(python(venv), ['-c', 'import importlib.metadata as m; print(m.version("moto"))'], { encoding: 'utf8' }).trim();
}

/**
 * moto reads ImportTable's files with py-partiql-parser's hand-written JSON parser, which drops
 * every document after an empty map (`{"M":{}}`) in a file: on the sample data, the whole of
 * audit_logs. DynamoDB reads them as the JSON they are. So the server starts with that parser
 * reading JSON lines with Python's own `json` first (falling back to it for anything else, such
 * as S3 Select's input): the same documents, without the loss.
 */
const STARTUP = (runDir: string) => `# awc run ${runDir}
import json
import py_partiql_parser
_parse = py_partiql_parser.JsonParser.parse
def _json_lines(original):
    try:
        return iter([json.loads(line) for line in original.splitlines() if line.strip()])
    except ValueError:
        return _parse(original)
py_partiql_parser.JsonParser.parse = staticmethod(_json_lines)
from moto.server import main
main()`;

/**
 * moto's standalone server on a free loopback port: the S3 + ImportTable endpoint of the
 * integration tests and the sandbox (DynamoDB Local has no ImportTable). Started through `-c`
 * so that the run's own folder appears on its command line, which marks the process as ours.
 */
export async function startMotoServer(log: (line: string) => void = () => {}): Promise<MotoServer> {
  const venv = ensureMoto(log);
  const port = await freePort();
  const runDir = mkdtempSync(join(tmpdir(), 'awc-moto-'));
  const server = await startManagedProcess({
    name: 'moto',
    command: python(venv),
    args: ['-c', STARTUP(runDir), '-H', '127.0.0.1', '-p', String(port)],
    cwd: runDir,
    port,
    runDir,
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    description: `moto ${installedVersion(venv)} (S3 + DynamoDB ImportTable, in memory) on 127.0.0.1:${port}`,
    stop: async () => { await server.stop(); rmSync(runDir, { recursive: true, force: true }); },
  };
}
