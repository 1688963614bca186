/**
 * Unbilled sponsor revenue: INVC-20 (completed visits' sponsor items without an invoice line) and
 * SF-30 (screen-failure fees never invoiced). Set-based queries over the (small) visit tables.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { FindingDraft } from '../../shared/rules/facts.ts';
import { unbilledScreenFailureFinding, unbilledVisitFinding } from '../../shared/rules/setup-rules.ts';
import type { ReferenceFacts } from './load-facts.ts';

export function findUnbilledRevenue(db: Db, facts: ReferenceFacts): FindingDraft[] {
  const drafts: FindingDraft[] = [];
  // An item needing pre-approval is owed only with an approval for that subject and code on the visit date.
  const visitItems = db
    .prepare(
      `SELECT cv.subject_id AS subjectPk, cv.visit_date AS visitDate, i.id AS itemPk, v.arm_id AS armPk, i.cpt_hcpcs AS cpt,
              (SELECT approval_ref FROM approvals p WHERE p.subject_id = cv.subject_id AND p.cpt_hcpcs = i.cpt_hcpcs AND p.service_date = cv.visit_date) AS approvalRef,
              i.requires_preapproval AS needsApproval
       FROM ctms_visits cv
       JOIN calendar_visits v ON v.id = cv.visit_id
       JOIN calendar_items i ON i.visit_id = v.id
       WHERE cv.status = 'COMPLETED' AND i.designation = 'SPONSOR' AND i.sponsor_price_cents IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM sponsor_invoice_lines l WHERE l.subject_id = cv.subject_id AND l.visit_code = v.visit_code AND l.cpt_hcpcs = i.cpt_hcpcs)
       ORDER BY cv.subject_id, v.visit_day, i.id`,
    )
    .all() as { subjectPk: number; visitDate: string; itemPk: number; armPk: number; cpt: string; approvalRef: string | null; needsApproval: number }[];
  for (const item of visitItems) {
    if (item.needsApproval === 1 && item.approvalRef === null) continue;
    const enrolment = facts.enrolmentsBySubject.get(item.subjectPk);
    const row = facts.arms.get(item.armPk)?.byCode.get(item.cpt)?.find((r) => r.itemPk === item.itemPk);
    if (enrolment && row) drafts.push(unbilledVisitFinding({ enrolment, row, visitDate: item.visitDate, approvalRef: item.approvalRef }));
  }
  const screenFailures = db
    .prepare(
      `SELECT s.id AS subjectPk, iv.item_code AS itemCode, iv.description, iv.amount_cents AS amountCents
       FROM subjects s JOIN invoiceables iv ON iv.study_id = s.study_id AND iv.kind = 'SCREEN_FAILURE'
       WHERE s.status = 'SCREEN_FAILED'
         AND NOT EXISTS (SELECT 1 FROM sponsor_invoice_lines l WHERE l.subject_id = s.id AND l.visit_code = iv.item_code)
       ORDER BY s.id, iv.item_code`,
    )
    .all() as { subjectPk: number; itemCode: string; description: string; amountCents: number }[];
  for (const sf of screenFailures) {
    const enrolment = facts.enrolmentsBySubject.get(sf.subjectPk);
    if (enrolment) drafts.push(unbilledScreenFailureFinding({ enrolment, itemCode: sf.itemCode, description: sf.description, amountCents: sf.amountCents }));
  }
  return drafts;
}
