// `npm run servers`: both local servers in the foreground for manual work; Ctrl+C stops them.
import { startLocalServers } from '../electron/sandbox/servers';

const servers = await startLocalServers((line) => console.log(line));
for (const line of servers.descriptions) console.log(line);
console.log(`\nexport MONGO_URL=${servers.mongoUrl}/alertwhisperer`);
console.log(`export AWS_ENDPOINT_URL_DYNAMODB=${servers.dynamoEndpoint}`);
console.log('\nPress Ctrl+C to stop.');
const stop = async () => { await servers.stop(); process.exit(0); };
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
