import { existsSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import type { CliCommand } from '../cli-command';
import { stateDirOption, wholeNumber } from '../config';
import { EXIT_OK, runAction } from '../run-action';
import { serveConsole } from '../../transports/serve-console';
import { untilStopped } from '../until-stopped';

interface ServeFlags { port: number; sandbox?: boolean; alerts?: number; stateDir: string; json?: boolean }

const port = wholeNumber(0, 65535);

/** `serve`: the desktop console in a browser, on 127.0.0.1 only, behind a one-time token. */
export const serveCommand: CliCommand = {
  register(program) {
    program.command('serve')
      .description('Open the console in a browser: a loopback-only web server protected by a token printed at start')
      .option('--port <n>', 'port on 127.0.0.1, 0 to 65535 (0 picks a free one)', port, 0)
      .option('--sandbox', 'first start local servers with sample data and save them as connections')
      .option('--alerts <n>', 'sample alerts to load with --sandbox', wholeNumber(1))
      .addOption(stateDirOption())
      .option('--json', 'print the address as one JSON line (for scripts and tests)')
      .action(runAction(async (flags: ServeFlags) => {
        if (flags.alerts !== undefined && !flags.sandbox) throw new AppError('VALIDATION', '--alerts only applies with --sandbox (the sample data it loads).');
        if (!existsSync('dist/renderer/index.html')) process.stderr.write('The renderer is not built yet: run `npm run build:renderer` (npm run serve does it for you).\n');
        const log = (line: string) => process.stderr.write(`${line}\n`);
        const session = await serveConsole({ port: flags.port, sandbox: flags.sandbox, alerts: flags.alerts, stateDir: flags.stateDir, log });
        if (flags.json) {
          process.stdout.write(`${JSON.stringify({ url: session.web.url, port: session.web.port, token: session.web.token })}\n`);
        } else {
          for (const line of session.sandbox?.descriptions ?? []) process.stdout.write(`${line}\n`);
          process.stdout.write(`\nAlert Whisperer Console: open\n\n  ${session.web.url}\n\nOnly this machine can reach it, and only with this token. Ctrl+C stops it${flags.sandbox ? ' and the sandbox' : ''}.\n`);
        }
        await untilStopped();
        await session.close();
        return EXIT_OK;
      }));
  },
};
