/** `trialledger check`: a package into a fresh in-memory store, reconciled, findings out. */
import { parseArgs } from 'node:util';
import { formatCount } from '../../../shared/domain/format.ts';
import { formatProblem } from '../../../shared/package-spec/problems.ts';
import { reconcile } from '../../engine/reconcile.ts';
import { importFiles } from '../../import/import-files.ts';
import { openStore } from '../../store/open-store.ts';
import { CliError } from '../io.ts';
import type { Command } from './command.ts';
import { printSummary, writeFindingsJson } from './findings-output.ts';

export const checkCommand: Command = {
  name: 'check',
  summary: 'check a study package: import it into a temporary store, reconcile, report findings',
  help: `Usage: trialledger check <package-dir | package.xlsx> [--json findings.json]

Imports the package into a fresh in-memory store (nothing is written to disk except the
--json file), runs every compliance rule and prints a summary by rule. Exits 0 when the check
ran (whatever it found), 1 on error (for example a package that does not import).

  --json FILE        write {"findings": [...]} with rule, severity, study_id, subject_id,
                     charge_id, arm, visit_code, cpt_hcpcs, service_date, amount_cents,
                     message, evidence, category, status, citation
  -h, --help         show this help`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args: [...args], options: { json: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
    if (values.help) {
      io.stdout.write(`${this.help}\n`);
      return 0;
    }
    const target = positionals[0];
    if (!target || positionals.length > 1) throw new CliError('check takes one package folder or workbook (see trialledger check --help)');
    const db = openStore({ path: ':memory:', key: null });
    try {
      const outcome = await importFiles(db, { type: 'file', path: target });
      if (outcome.status === 'refused') {
        for (const problem of outcome.problems) io.stderr.write(`${formatProblem(problem)}\n`);
        throw new CliError(`the package does not import: ${formatCount(outcome.problemCount)} problem${outcome.problemCount === 1 ? '' : 's'}`);
      }
      const run = reconcile(db, { mode: 'full' });
      io.stdout.write(`checked ${formatCount(run.chargesEvaluated)} charges\n`);
      printSummary(db, io);
      if (values.json) {
        const written = await writeFindingsJson(db, values.json);
        io.stdout.write(`wrote ${formatCount(written)} findings to ${values.json}\n`);
      }
      return 0;
    } finally {
      db.close();
    }
  },
};
