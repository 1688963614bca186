/** `trialledger reconcile`: brings the findings of a working database up to date. */
import { parseArgs } from 'node:util';
import { formatCount } from '../../../shared/domain/format.ts';
import { reconcile } from '../../engine/reconcile.ts';
import { openCliStore } from '../open-cli-store.ts';
import { progressReporter } from '../progress.ts';
import { STORE_HELP, STORE_OPTIONS, type Command } from './command.ts';
import { printSummary, writeFindingsJson } from './findings-output.ts';

export const reconcileCommand: Command = {
  name: 'reconcile',
  summary: 'reconcile the charges of a database against calendars, budgets and consents',
  help: `Usage: trialledger reconcile [--full] [--json findings.json] [options]

Runs the compliance rules. After a first full run, later runs are incremental: only charges
imported or changed since are evaluated, unless set-up data changed. Decisions already made on
findings are kept; findings whose cause went away are closed.

  --full             evaluate everything, even when an incremental run would do
  --json FILE        also write the open findings as {"findings": [...]}
${STORE_HELP}`,
  async run(args, io) {
    const { values } = parseArgs({ args: [...args], options: { ...STORE_OPTIONS, full: { type: 'boolean' }, json: { type: 'string' } }, allowPositionals: false });
    if (values.help) {
      io.stdout.write(`${this.help}\n`);
      return 0;
    }
    const { db } = openCliStore(values, io);
    try {
      const progress = progressReporter(io, 'reconciling');
      const run = reconcile(db, { mode: values.full ? 'full' : 'auto', onProgress: (done, total) => progress.update(`${formatCount(done)} of ${formatCount(total)} charges`) });
      progress.done();
      io.stdout.write(
        `${run.mode} run: ${formatCount(run.chargesEvaluated)} charges evaluated, ${formatCount(run.opened)} findings opened, ${formatCount(run.reopened)} reopened, ${formatCount(run.closed)} closed (${(run.elapsedMs / 1000).toFixed(1)} s)\n`,
      );
      printSummary(db, io);
      if (values.json) io.stdout.write(`wrote ${formatCount(await writeFindingsJson(db, values.json))} findings to ${values.json}\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};
