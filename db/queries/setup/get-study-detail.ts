/** The study page's header data: the study, its CTA invoiceables, arms and set-up check status. */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { InvoiceableItem, StudyDetail } from '../../../shared/contract/setup.ts';
import type { InvoiceableKind } from '../../../shared/domain/codes.ts';
import { findStudy } from '../studies.ts';

interface InvoiceableRow {
  item_code: string;
  description: string;
  amount_cents: number;
  kind: InvoiceableKind;
  holdback_exempt: number;
  overhead_exempt: number;
}

/** Finding statuses the grid marks: a dismissed finding was judged fine, a closed one went away. */
export const MARKED_STATUSES = ['open', 'confirmed', 'fixed'] as const;

/** One study by study id, or null when it is not in the store. */
export function getStudyDetail(db: Db, studyId: string): StudyDetail | null {
  const study = findStudy(db, studyId);
  if (!study) return null;
  const { pk, ...summary } = study;
  const invoiceables = (
    db
      .prepare('SELECT item_code, description, amount_cents, kind, holdback_exempt, overhead_exempt FROM invoiceables WHERE study_id = ? ORDER BY item_code')
      .all(pk) as InvoiceableRow[]
  ).map(
    (r): InvoiceableItem => ({
      itemCode: r.item_code,
      description: r.description,
      amountCents: r.amount_cents,
      kind: r.kind,
      holdbackExempt: r.holdback_exempt === 1,
      overheadExempt: r.overhead_exempt === 1,
    }),
  );
  const arms = db.prepare('SELECT name FROM arms WHERE study_id = ? ORDER BY name').pluck().all(pk) as string[];
  const lastRunAt = (db.prepare('SELECT finished_at FROM reconcile_runs ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined) ?? null;
  const setupFindings = db
    .prepare(`SELECT count(*) FROM findings WHERE study_id = ? AND rule = 'ALIGN-15' AND active = 1 AND status IN (${MARKED_STATUSES.map(() => '?').join(', ')})`)
    .pluck()
    .get(pk, ...MARKED_STATUSES) as number;
  return { ...summary, invoiceables, arms, checks: { lastRunAt, setupFindings } };
}
