/** The shape of a CLI command: its help text and its run function over parsed arguments. */
import type { CliIo } from '../io.ts';

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Options every store-using command accepts (util.parseArgs format). */
export const STORE_OPTIONS = {
  db: { type: 'string' },
  'key-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const STORE_HELP = `  --db PATH          database file (default: trialledger.db)
  --key-file FILE    file holding the database key (default: $TRIALLEDGER_DB_KEY)
  -h, --help         show this help`;
