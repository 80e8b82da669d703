import type { Command } from 'commander';
import { DEFAULT_SAMPLE_ALERTS, DEFAULT_SAMPLE_SEED, SANDBOX_BUCKET, startSandbox } from '../../sandbox';
import type { CliCommand } from '../cli-command';
import { wholeNumber } from '../config';
import { EXIT_OK, runAction } from '../run-action';
import { untilStopped } from '../until-stopped';

export interface SampleFlags {
  alerts: number;
  seed: number;
  s3?: boolean;
}

export function addSampleOptions(command: Command) {
  return command
    .option('--alerts <n>', 'alerts to generate (other collections scale with it)', wholeNumber(1), DEFAULT_SAMPLE_ALERTS)
    .option('--seed <n>', 'seed of the sample data generator', wholeNumber(1), DEFAULT_SAMPLE_SEED);
}

export const sandboxCommand: CliCommand = {
  register(program) {
    addSampleOptions(program.command('sandbox').description('Start local MongoDB-compatible and DynamoDB Local servers with sample data; Ctrl+C stops them'))
      .option('--s3', 'also start moto (S3 + DynamoDB ImportTable) for migrate --via s3 and export')
      .action(runAction(async (flags: SampleFlags) => {
        const write = (line: string) => process.stdout.write(`${line}\n`);
        const sandbox = await startSandbox({ alerts: flags.alerts, seed: flags.seed, log: write, s3: flags.s3 ?? false });
        for (const line of sandbox.descriptions) write(line);
        write(`Sample data: ${Object.entries(sandbox.counts).map(([c, n]) => `${c}=${n}`).join(', ')}`);
        write(`\nIn another shell:\n  export MONGO_URL=${sandbox.mongoUrl}\n  export AWS_ENDPOINT_URL_DYNAMODB=${sandbox.dynamoEndpoint}\n  npm run cli -- plan${sandbox.s3Endpoint ? `\n  # the bulk path: ImportTable creates its tables on moto\n  npm run cli -- migrate --via s3 --bucket ${SANDBOX_BUCKET} --s3-endpoint ${sandbox.s3Endpoint} --endpoint ${sandbox.s3Endpoint}` : ''}\n\nPress Ctrl+C to stop.`);
        await untilStopped();
        await sandbox.stop();
        return EXIT_OK;
      }));
  },
};
