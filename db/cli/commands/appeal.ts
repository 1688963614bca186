/**
 * `trialledger appeal DENIAL_ID --out FILE.pdf [--attach file.pdf ...]`: builds the appeal packet of a
 * denial (its saved letter, else the template of its category; its stored attachments, then the
 * --attach files) and writes it. Prints the pages each section starts on.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { isIsoDate } from '../../../shared/domain/dates.ts';
import { attachmentBytes, checkPdf, getAppealDraft } from '../../denials/appeals.ts';
import { buildAppealPacket } from '../../denials/packet/build-packet.ts';
import { loadPacketFacts } from '../../denials/packet/packet-facts.ts';
import { UserError } from '../../backend/user-error.ts';
import { fileErrorReason } from '../../util/file-error.ts';
import { formatTable } from '../format-table.ts';
import { CliError } from '../io.ts';
import { openCliStore } from '../open-cli-store.ts';
import { STORE_HELP, STORE_OPTIONS, type Command } from './command.ts';

/** `trialledger appeal DENIAL_ID --out FILE.pdf`. */
export const appealCommand: Command = {
  name: 'appeal',
  summary: 'build the appeal packet (PDF) of a denial',
  help: `Usage: trialledger appeal <denial-id> --out FILE.pdf [--attach file.pdf ...] [options]

Builds the appeal packet of a denial: cover with the denial codes and the exhibit index, the
letter (the one saved in the app, else the template of the denial's category), the study facts,
the exhibits generated from the store and the attached PDFs, with "Page X of Y" on every page.
Only the minimum necessary PHI is printed (Medicare: beneficiary name and Medicare number).

  --out FILE         where to write the PDF (required)
  --attach FILE      a PDF to add as an exhibit after the stored attachments (repeatable)
  --today DATE       date printed on the letter (default: today)
${STORE_HELP}`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { ...STORE_OPTIONS, out: { type: 'string' }, attach: { type: 'string', multiple: true }, today: { type: 'string' } },
      allowPositionals: true,
    });
    if (values.help) {
      io.stdout.write(`${this.help}\n`);
      return 0;
    }
    const id = Number(positionals[0]);
    if (positionals.length !== 1 || !Number.isInteger(id) || id <= 0) throw new CliError('appeal takes one denial id (see trialledger appeal --help)', 2);
    if (!values.out) throw new CliError('--out FILE.pdf is required', 2);
    if (values.today !== undefined && !isIsoDate(values.today)) throw new CliError('--today must be a real date YYYY-MM-DD', 2);
    const now = values.today === undefined ? new Date() : new Date(`${values.today}T12:00:00Z`);
    const extra = (values.attach ?? []).map((path) => {
      try {
        return { title: basename(path, extname(path)), bytes: new Uint8Array(readFileSync(path)) };
      } catch (error) {
        throw new CliError(`cannot read the attachment ${path}: ${fileErrorReason(error)}`);
      }
    });
    // Each --attach is checked here, so a bad one is named by the path the user gave (the packet
    // builder only knows its exhibit letter).
    for (const [i, file] of extra.entries()) {
      try {
        await checkPdf(file.bytes, `The attachment ${values.attach?.[i] ?? ''}`);
      } catch (error) {
        if (error instanceof UserError) throw new CliError(error.message);
        throw error;
      }
    }
    const { db } = openCliStore(values, io);
    try {
      const facts = loadPacketFacts(db, id);
      const draft = getAppealDraft(db, id, now.toISOString().slice(0, 10), facts);
      const stored = draft.saved ? attachmentBytes(db, id) : [];
      const built = await buildAppealPacket({ facts, letterText: draft.letterText, attachments: [...stored, ...extra], now: () => now });
      try {
        writeFileSync(values.out, built.bytes);
      } catch (error) {
        throw new CliError(`cannot write ${values.out}: ${fileErrorReason(error)}`);
      }
      io.stdout.write(formatTable(['section', 'first page', 'pages'], built.preview.sections.map((s) => [s.title, s.firstPage, s.pages])));
      io.stdout.write(`wrote ${values.out}: ${built.preview.pageCount} pages${draft.appealable ? '' : ' (note: this denial has no appeal rights; correct and resubmit instead)'}\n`);
      return 0;
    } catch (error) {
      if (error instanceof UserError) throw new CliError(error.message);
      throw error;
    } finally {
      db.close();
    }
  },
};
