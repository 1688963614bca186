/** `trialledger studies`: the studies in the store with their row counts. */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { parseArgs } from 'node:util';
import { formatBasisPoints } from '../../../shared/domain/money.ts';
import { listStudies } from '../../queries/studies.ts';
import { formatTable } from '../format-table.ts';
import type { CliIo } from '../io.ts';
import { openCliStore } from '../open-cli-store.ts';
import { STORE_HELP, STORE_OPTIONS, type Command } from './command.ts';

/** Writes the study table (shared with `demo`). */
export function printStudies(db: Db, io: CliIo): void {
  const studies = listStudies(db);
  if (studies.length === 0) {
    io.stdout.write('no studies yet: import a study package (trialledger import --help)\n');
    return;
  }
  io.stdout.write(
    formatTable(
      ['study', 'protocol', 'sponsor', 'NCT', 'IDE', 'qualifying', 'overhead', 'holdback', 'arms', 'calendar items', 'subjects', 'visits', 'invoice lines', 'charges'],
      studies.map((s) => [
        s.studyId,
        s.protocolNumber,
        s.sponsor,
        s.nctNumber ?? '',
        s.ideNumber ?? '',
        s.qualifyingTrial ? 'yes' : 'no',
        formatBasisPoints(s.overheadBp),
        formatBasisPoints(s.holdbackBp),
        s.counts.arms,
        s.counts.calendarItems,
        s.counts.subjects,
        s.counts.ctmsVisits,
        s.counts.invoiceLines,
        s.counts.charges,
      ]),
    ),
  );
}

export const studiesCommand: Command = {
  name: 'studies',
  summary: 'list the studies in the database with row counts',
  help: `Usage: trialledger studies [options]

${STORE_HELP}`,
  async run(args, io) {
    const { values } = parseArgs({ args: [...args], options: STORE_OPTIONS, allowPositionals: false });
    if (values.help) {
      io.stdout.write(`${this.help}\n`);
      return 0;
    }
    const { db } = openCliStore(values, io);
    try {
      printStudies(db, io);
      return 0;
    } finally {
      db.close();
    }
  },
};
