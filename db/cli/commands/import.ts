/** `trialledger import`: a study package (folder or workbook), one package CSV, or a mapped charge export. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatCount } from '../../../shared/domain/format.ts';
import { mappingProfileSchema, type MappingProfile } from '../../../shared/package-spec/mapping.ts';
import { formatProblem } from '../../../shared/package-spec/problems.ts';
import { describeRetriage } from '../../../shared/denials/retriage-summary.ts';
import { retriageAfterImport } from '../../denials/after-import.ts';
import { importFiles } from '../../import/import-files.ts';
import { formatTable } from '../format-table.ts';
import { CliError } from '../io.ts';
import { openCliStore } from '../open-cli-store.ts';
import { progressReporter } from '../progress.ts';
import { STORE_HELP, STORE_OPTIONS, type Command } from './command.ts';

export const importCommand: Command = {
  name: 'import',
  summary: 'import a study package, a package file, or a charge export with a mapping profile',
  help: `Usage: trialledger import <package-dir | file.xlsx | file.csv> [--mapping profile.json] [options]

Imports in one transaction: everything lands or nothing does. Every problem is listed with
file, line and column. A file imported before (same SHA-256) is skipped; a charge whose
charge_id exists is updated and the previous values are kept.

  --mapping FILE     column-mapping profile (JSON) for a charge export that is not charges.csv
${STORE_HELP}`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args: [...args], options: { ...STORE_OPTIONS, mapping: { type: 'string' } }, allowPositionals: true });
    if (values.help) {
      io.stdout.write(`${this.help}\n`);
      return 0;
    }
    const target = positionals[0];
    if (!target || positionals.length > 1) throw new CliError('import takes one package folder or file (see trialledger import --help)');
    const mapping = values.mapping ? readMapping(values.mapping) : undefined;
    const { db } = openCliStore(values, io);
    try {
      const progress = progressReporter(io, 'importing');
      const imported = await importFiles(db, { type: 'file', path: target }, {
        ...(mapping ? { mapping } : {}),
        onProgress: (p) => progress.update(`${p.file} ${formatCount(p.rowsDone)} rows (${formatCount(p.rowsPerSecond)} rows/s)`),
      });
      progress.done();
      const outcome = retriageAfterImport(db, imported, new Date());
      if (outcome.status === 'refused') {
        for (const problem of outcome.problems) io.stderr.write(`${formatProblem(problem)}\n`);
        const more = outcome.problemCount - outcome.problems.length;
        if (more > 0) io.stderr.write(`... and ${formatCount(more)} more problems${outcome.truncatedProblems ? ' (reading stopped: this does not look like the right file)' : ''}\n`);
        throw new CliError(`import refused: ${formatCount(outcome.problemCount)} problem${outcome.problemCount === 1 ? '' : 's'}; nothing was imported`);
      }
      const rows = outcome.files.map((f) => [
        f.file,
        f.kind,
        f.rowsRead,
        f.inserted,
        f.updated,
        f.unchanged,
        f.alreadyImported ? `already imported (batch ${f.alreadyImported.batchId})` : '',
      ]);
      io.stdout.write(formatTable(['file', 'kind', 'rows', 'inserted', 'updated', 'unchanged', 'note'], rows));
      io.stdout.write(
        outcome.status === 'unchanged'
          ? 'nothing to do: every file was imported before\n'
          : `imported as batch ${outcome.batchId} in ${(outcome.elapsedMs / 1000).toFixed(1)} s\n`,
      );
      if (outcome.denials) io.stdout.write(`denials: ${describeRetriage(outcome.denials)}\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};

/** A profile's text: UTF-8, or UTF-16 when it starts with that byte-order mark; a leading BOM is dropped. */
function profileText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  // TextDecoder drops a UTF-8 BOM (Notepad writes one), which JSON.parse would refuse.
  return new TextDecoder('utf-8').decode(bytes);
}

function readMapping(path: string): MappingProfile {
  let json: unknown;
  try {
    json = JSON.parse(profileText(readFileSync(path)));
  } catch (error) {
    const why = error instanceof SyntaxError ? 'not valid JSON' : (error as { code?: unknown }).code === 'EISDIR' ? 'it is a folder, not a file' : 'file not readable';
    throw new CliError(`cannot read mapping profile ${path}: ${why}`);
  }
  const parsed = mappingProfileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(`mapping profile ${path}: ${issue?.path.join('.') || 'profile'} ${issue?.message ?? 'is invalid'}`);
  }
  return parsed.data;
}
