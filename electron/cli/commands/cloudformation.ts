import { writeFileSync } from 'node:fs';
import { Option } from 'commander';
import { DEFAULT_TABLE_PREFIX } from '../../../shared/catalogue';
import { cloudFormationTemplate } from '../../migration';
import type { CliCommand } from '../cli-command';
import { EXIT_OK, runAction } from '../run-action';

export const cloudformationCommand: CliCommand = {
  register(program) {
    program.command('cloudformation').description('Write the CloudFormation template of the 13 tables (GSIs, on-demand, PITR, encryption)')
      .option('-o, --output <file>', 'where to write it', 'dynamodb_tables.json')
      .addOption(new Option('--prefix <prefix>', 'DynamoDB table name prefix').env('DYNAMODB_TABLE_PREFIX').default(DEFAULT_TABLE_PREFIX))
      .action(runAction(async (flags: { output: string; prefix: string }) => {
        writeFileSync(flags.output, `${JSON.stringify(cloudFormationTemplate(flags.prefix), null, 2)}\n`);
        process.stdout.write(`Wrote ${flags.output}. Deploy it with:\n  aws cloudformation create-stack --stack-name alert-whisperer-dynamodb --template-body file://${flags.output}\n`);
        return EXIT_OK;
      }));
  },
};
