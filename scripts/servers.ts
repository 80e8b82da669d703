// `npm run servers`: both local servers in the foreground for manual work; Ctrl+C stops them.
// `npm run servers -- --network region --wcu 4000` puts the network harness in front of them.
// `npm run servers -- --s3` also starts moto (S3 + DynamoDB ImportTable); `--install-moto` only
// installs it (the setup script does, so that tests never wait for the install).
import { parseArgs } from 'node:util';
import { ensureMoto, isNetworkProfile, NETWORK_PROFILES, startLocalServers } from '../electron/sandbox/servers';

const USAGE = `Usage: npm run servers -- [--network ${Object.keys(NETWORK_PROFILES).join('|')}] [--wcu N] [--rcu N]
                      [--unprocessed-rate 0..1] [--error-rate 0..1] [--seed N] [--s3] [--install-moto]`;

function number(name: string, value: string | undefined, max = Infinity): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!(parsed >= 0 && parsed <= max)) throw new Error(`--${name} must be a number from 0 to ${max}, not ${value}\n${USAGE}`);
  return parsed;
}

function harnessOptions() {
  const { values } = parseArgs({
    options: {
      network: { type: 'string' }, wcu: { type: 'string' }, rcu: { type: 'string' },
      'unprocessed-rate': { type: 'string' }, 'error-rate': { type: 'string' }, seed: { type: 'string' },
      s3: { type: 'boolean' }, 'install-moto': { type: 'boolean' },
    },
  });
  if (values.network !== undefined && !isNetworkProfile(values.network)) throw new Error(`Unknown network profile ${values.network}\n${USAGE}`);
  const faults = {
    unprocessedRate: number('unprocessed-rate', values['unprocessed-rate'], 1),
    errorRate: number('error-rate', values['error-rate'], 1),
    seed: number('seed', values.seed),
  };
  const anyFault = Object.values(faults).some((v) => v !== undefined);
  return {
    network: values.network as keyof typeof NETWORK_PROFILES | undefined,
    wcu: number('wcu', values.wcu),
    rcu: number('rcu', values.rcu),
    faults: anyFault ? Object.fromEntries(Object.entries(faults).filter(([, v]) => v !== undefined)) : undefined,
    s3: values.s3 ?? false,
    installOnly: values['install-moto'] ?? false,
  };
}

let options: ReturnType<typeof harnessOptions>;
try {
  options = harnessOptions();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
if (options.installOnly) {
  console.log(`moto is installed in ${ensureMoto((line) => console.log(line))}`);
  process.exit(0);
}
const servers = await startLocalServers((line) => console.log(line), options);
for (const line of servers.descriptions) console.log(line);
const ends = servers.harness ?? servers;
if (servers.harness) console.log(`\nThrough the harness (the servers themselves: ${servers.mongoUrl}, ${servers.dynamoEndpoint}):`);
console.log(`\nexport MONGO_URL=${ends.mongoUrl}/alertwhisperer`);
console.log(`export AWS_ENDPOINT_URL_DYNAMODB=${ends.dynamoEndpoint}`);
if (servers.s3Endpoint) console.log(`# S3 + ImportTable (migrate --via s3 / export): --s3-endpoint ${servers.s3Endpoint} --import-endpoint ${servers.s3Endpoint}`);
console.log('\nPress Ctrl+C to stop.');
const stop = async () => { await servers.stop(); process.exit(0); };
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
