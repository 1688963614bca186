/** What can be added by hand to a draft of a study (for the builder's add-line form). */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { DraftOptions } from '../../../shared/invoicing/types.ts';
import { requireStudy } from '../../invoicing/study-terms.ts';

/** Invoiceable items, subjects and sponsor-priced calendar items of a study. */
export function draftOptions(db: Db, studyId: string): DraftOptions {
  const study = requireStudy(db, studyId);
  return {
    invoiceables: db.prepare('SELECT item_code AS itemCode, description, amount_cents AS amountCents, kind FROM invoiceables WHERE study_id = ? ORDER BY item_code').all(study.pk) as DraftOptions['invoiceables'],
    subjects: db.prepare('SELECT subject_id AS subjectId, status FROM subjects WHERE study_id = ? ORDER BY subject_id').all(study.pk) as DraftOptions['subjects'],
    calendarItems: db
      .prepare(
        `SELECT v.visit_code AS visitCode, i.cpt_hcpcs AS cptHcpcs, min(i.procedure_name) AS description, min(i.sponsor_price_cents) AS priceCents
         FROM calendar_items i JOIN calendar_visits v ON v.id = i.visit_id JOIN arms a ON a.id = v.arm_id
         WHERE a.study_id = ? AND i.designation = 'SPONSOR' AND i.sponsor_price_cents IS NOT NULL
         GROUP BY v.visit_code, i.cpt_hcpcs ORDER BY min(v.visit_day), v.visit_code, i.cpt_hcpcs`,
      )
      .all(study.pk) as DraftOptions['calendarItems'],
  };
}
