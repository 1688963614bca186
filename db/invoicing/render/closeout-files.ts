/** Writes the close-out report (PDF) or its workbook (.xlsx) to the outbox. */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputFile } from '../../../shared/invoicing/types.ts';
import { buildCloseout, type CloseoutData } from '../../queries/invoicing/closeout.ts';
import { getSiteSettings, studyBillingOf } from '../site-settings.ts';
import { renderCloseoutPdf } from './closeout-pdf.ts';
import { writeCloseoutXlsx } from './closeout-xlsx.ts';
import { requireStudy } from '../study-terms.ts';
import { safePart, type RenderOptions } from './outputs.ts';

/** `closeout-NSCLC-301-2026-11-23.pdf`. */
export function closeoutFileName(studyId: string, asOf: string, format: 'pdf' | 'xlsx'): string {
  return `closeout-${safePart(studyId)}-${asOf}.${format}`;
}

/** Writes the close-out PDF or workbook of a study to `path` (atomically: a temporary name, then renamed); pass `computed` to reuse figures already built. */
export async function writeCloseoutDocument(
  db: Db,
  studyId: string,
  asOf: string,
  format: 'pdf' | 'xlsx',
  path: string,
  options: Omit<RenderOptions, 'outboxDir'>,
  computed?: CloseoutData,
): Promise<number> {
  const { report, ledger } = computed ?? buildCloseout(db, studyId, asOf);
  const temp = `${path}.${process.pid}.part`;
  if (format === 'xlsx') await writeCloseoutXlsx(temp, report, ledger, options.now());
  else {
    const site = getSiteSettings(db);
    const bytes = await renderCloseoutPdf(report, { site, billing: studyBillingOf(site, report.study.studyId) }, {
      now: options.now,
      ledgerFileName: closeoutFileName(report.study.studyId, asOf, 'xlsx'),
      ...(options.fonts ? { fonts: options.fonts } : {}),
    });
    writeFileSync(temp, bytes, { mode: 0o600 });
  }
  renameSync(temp, path);
  return statSync(path).size;
}

/** Renders the close-out of a study as of a day into the outbox. */
export async function renderCloseoutFile(db: Db, studyId: string, asOf: string, format: 'pdf' | 'xlsx', options: RenderOptions): Promise<OutputFile> {
  const fileName = closeoutFileName(requireStudy(db, studyId).studyId, asOf, format);
  const byteSize = await writeCloseoutDocument(db, studyId, asOf, format, join(options.outboxDir, fileName), options);
  return { fileName, mediaType: format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', byteSize };
}
