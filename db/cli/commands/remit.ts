/**
 * `trialledger remit import FILE`: imports an 835 remittance (all or nothing), links its lines to
 * charges, triages its denials, and prints the counts, the balancing problems and the denials by
 * category and action. A command with subcommands ('remit import'), so later ones fit beside it.
 */
import { parseArgs } from 'node:util';
import { CATEGORY_LABEL, ACTION_LABEL, type DenialAction, type DenialCategory } from '../../../shared/denials/vocabulary.ts';
import { formatCount } from '../../../shared/domain/format.ts';
import { formatCents } from '../../../shared/domain/money.ts';
import { runRemitImportJob } from '../../denials/jobs.ts';
import { formatTable } from '../format-table.ts';
import { CliError, type CliIo } from '../io.ts';
import { openCliStore } from '../open-cli-store.ts';
import { progressReporter } from '../progress.ts';
import { STORE_HELP, STORE_OPTIONS, type Command } from './command.ts';

const IMPORT_HELP = `Usage: trialledger remit import <file.835> [options]

Imports an X12 835 remittance in one transaction: a malformed file is refused with the segment
that is wrong and nothing is written; balancing problems are reported but do not refuse the file.
Lines are linked to charges (REF*6R line control number, else account + code + date); every
denied line is triaged into a category and an action with its deadline. A file imported before
(same SHA-256) is not imported again.

  --json             print the outcome as JSON instead of tables
${STORE_HELP}`;

const HELP = `Usage: trialledger remit <subcommand> [options]

Subcommands:
  import FILE   import an 835 remittance and triage its denials

Run 'trialledger remit import --help' for its options.`;

/** `trialledger remit <subcommand>`; today `remit import FILE`. */
export const remitCommand: Command = {
  name: 'remit',
  summary: 'remittances: `remit import FILE` imports an 835 and triages its denials',
  help: HELP,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === undefined || sub === '--help' || sub === '-h') {
      io.stdout.write(`${HELP}\n`);
      return sub === undefined ? 2 : 0;
    }
    if (sub !== 'import') throw new CliError(`unknown subcommand '${sub}' (see trialledger remit --help)`, 2);
    return importRemit(rest, io);
  },
};

async function importRemit(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: { ...STORE_OPTIONS, json: { type: 'boolean' } }, allowPositionals: true });
  if (values.help) {
    io.stdout.write(`${IMPORT_HELP}\n`);
    return 0;
  }
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new CliError('remit import takes one 835 file (see trialledger remit import --help)', 2);
  const { db } = openCliStore(values, io);
  try {
    const progress = progressReporter(io, 'importing');
    const result = await runRemitImportJob(db, { path: file }, { progress: (p) => progress.update(p.label), isCancelled: () => false });
    progress.done();
    const { outcome, triage } = result;
    if (values.json) {
      io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return outcome.status === 'refused' ? 1 : 0;
    }
    if (outcome.status === 'refused') {
      // The message starts with the segment ("segment 15 (CLP): ...") when there is one; the file is
      // named as the user gave it, since a read error (missing, a folder) otherwise names nothing.
      throw new CliError(`import refused: ${file}: ${outcome.error.message}; nothing was imported`);
    }
    if (outcome.status === 'unchanged') io.stdout.write(`already imported on ${outcome.previous.importedAt} (file ${outcome.previous.fileId}): nothing to do\n`);
    if (outcome.status === 'imported') {
      const c = outcome.counts;
      io.stdout.write(
        formatTable(
          ['segments', 'transactions', 'claims', 'lines', 'linked lines', 'reversals paired', 'paid', 'imbalances'],
          [[c.segments, c.transactions, c.claims, c.lines, c.linkedLines, c.reversalsPaired, formatCents(c.totalPaidCents), c.imbalances]],
        ),
      );
      for (const imbalance of outcome.imbalances) io.stdout.write(`imbalance: ${imbalance.message}\n`);
      if (c.imbalances > outcome.imbalances.length) io.stdout.write(`... and ${formatCount(c.imbalances - outcome.imbalances.length)} more imbalances\n`);
      for (const notice of outcome.notices) io.stdout.write(`notice: ${notice}\n`);
    }
    if (triage !== null) {
      io.stdout.write(`\n${formatCount(triage.denials)} denial${triage.denials === 1 ? '' : 's'} triaged (${formatCents(triage.deniedCents)} denied)${triage.paidOnRemit > 0 ? `; ${formatCount(triage.paidOnRemit)} earlier denials paid on this remittance` : ''}\n`);
      const rows = (Object.entries(triage.byCategory) as [DenialCategory, number][]).filter(([, n]) => n > 0).map(([k, n]) => [CATEGORY_LABEL[k], n]);
      if (rows.length > 0) io.stdout.write(formatTable(['category', 'denials'], rows));
      const actions = (Object.entries(triage.byAction) as [DenialAction, number][]).filter(([, n]) => n > 0).map(([k, n]) => [ACTION_LABEL[k], n]);
      if (actions.length > 0) io.stdout.write(formatTable(['action', 'denials'], actions));
    }
    return 0;
  } finally {
    db.close();
  }
}
