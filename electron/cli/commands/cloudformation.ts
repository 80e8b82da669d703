import { writeFileSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import { cloudFormationTemplate } from '../../migration';
import type { CliCommand } from '../cli-command';
import { prefixOption } from '../config';
import { EXIT_OK, runAction } from '../run-action';

function writeTemplate(output: string, text: string): void {
  try {
    writeFileSync(output, text);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new AppError('VALIDATION', `Cannot write ${output} (${reason}): check that its folder exists and is writable (-o).`);
  }
}

export const cloudformationCommand: CliCommand = {
  register(program) {
    program.command('cloudformation').description('Write the CloudFormation template of the 13 tables (GSIs, on-demand, PITR, encryption)')
      .option('-o, --output <file>', 'where to write it', 'dynamodb_tables.json')
      .addOption(prefixOption())
      .action(runAction(async (flags: { output: string; prefix: string }) => {
        writeTemplate(flags.output, `${JSON.stringify(cloudFormationTemplate(flags.prefix), null, 2)}\n`);
        process.stdout.write(`Wrote ${flags.output}. Deploy it with:\n  aws cloudformation create-stack --stack-name alert-whisperer-dynamodb --template-body file://${flags.output}\n`);
        return EXIT_OK;
      }));
  },
};
