/**
 * The `trialledger` command line: every command runs the same domain code as the desktop app, on
 * an encrypted database given by --db and a key from --key-file or TRIALLEDGER_DB_KEY. Failures exit
 * non-zero with one line on stderr; progress for long work goes to stderr too, results to stdout.
 */
import { StoreError } from '../store/store-error.ts';
import { appealCommand } from './commands/appeal.ts';
import { checkCommand } from './commands/check.ts';
import { closeoutCommand } from './commands/closeout.ts';
import type { Command } from './commands/command.ts';
import { demoCommand } from './commands/demo.ts';
import { importCommand } from './commands/import.ts';
import { invoiceCommand } from './commands/invoice.ts';
import { reconcileCommand } from './commands/reconcile.ts';
import { remitCommand } from './commands/remit.ts';
import { studiesCommand } from './commands/studies.ts';
import { CliError, type CliIo } from './io.ts';

export const COMMANDS: readonly Command[] = [importCommand, studiesCommand, checkCommand, reconcileCommand, invoiceCommand, closeoutCommand, remitCommand, appealCommand, demoCommand];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: trialledger <command> [options]

TrialLedger: clinical-trial research billing compliance, offline.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run 'trialledger <command> --help' for a command's options.
The database is encrypted: give its key in TRIALLEDGER_DB_KEY or with --key-file FILE.
`;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name === undefined ? 1 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`trialledger: unknown command '${name}' (see trialledger --help)\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`trialledger ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof StoreError) {
      io.stderr.write(`trialledger ${name}: ${error.message}\n`);
      return 1;
    }
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`trialledger ${name}: ${(error as Error).message} (see trialledger ${name} --help)\n`);
      return 2;
    }
    // Unexpected: say so on one line; never dump values (they may be PHI).
    io.stderr.write(`trialledger ${name}: unexpected error (${error instanceof Error ? error.name : 'unknown'}: ${error instanceof Error ? error.message.slice(0, 200) : ''})\n`);
    return 1;
  }
}
