/**
 * The clean charges, sponsor invoice lines and pre-approvals of completed CTMS visits, following the
 * billing grid: routine and investigational items to insurance with full trial coding, sponsor items
 * to the study account and onto the sponsor invoice, supplied-free items never charged, conditional
 * items to insurance when clinically indicated or to the study (and invoice) when protocol-driven.
 */
import type { Setting } from '../../shared/domain/codes.ts';
import { billingLines } from './catalog.ts';
import { fullTrialCoding, insuranceBilling, lineDx, NO_TRIAL_CODING, studyBilling, type ChargeBook, type Line, type TrialCoding } from './charge-book.ts';
import type { ApprovalRow, CalendarRow, InvoiceLineRow } from './model.ts';
import type { DemoVisit, Enrolment } from './population.ts';
import type { Prng } from './prng.ts';

export interface VisitBilling {
  readonly invoices: InvoiceLineRow[];
  readonly approvals: ApprovalRow[];
}

/** Monthly sponsor invoices: a service is invoiced on its month's invoice. */
export function invoiceNumber(studyId: string, date: string): string {
  return `INV-${studyId}-${date.slice(0, 7)}`;
}

/**
 * Trial coding of an insurance line. Medicare lines are always fully coded (a compliant hospital);
 * commercial and Medicaid lines usually are too, since many payers copy Medicare, but not always: those
 * gaps are near-misses the engine must not report (the rules look at Medicare lines only).
 */
export function insuranceCoding(e: Enrolment, item: CalendarRow, setting: Setting, line: Line, payerIsMedicare: boolean, rng: Prng): TrialCoding {
  if (!e.def.study.qualifying_trial) return NO_TRIAL_CODING;
  if (item.designation === 'SPONSOR' || item.designation === 'NOT_BILLABLE') return NO_TRIAL_CODING;
  const full = fullTrialCoding(e, item.designation, line, setting);
  if (payerIsMedicare || rng.chance(0.8)) return full;
  return rng.chance(0.5) ? { ...full, modifier: null } : { ...full, z006: false, nct: null };
}

/** Adds the lines of one service (facility and/or professional) routed as given. */
export function addServiceLines(
  book: ChargeBook,
  rng: Prng,
  args: { e: Enrolment; item: CalendarRow; date: string; setting: Setting; toStudy: boolean; visitCode: string | null },
): void {
  const { e, item, date, setting, toStudy, visitCode } = args;
  for (const line of billingLines(item.cpt_hcpcs)) {
    const billing = toStudy ? studyBilling(e) : insuranceBilling(e, true, line.claimType, setting);
    const coding = toStudy ? NO_TRIAL_CODING : insuranceCoding(e, item, setting, line, billing.payerType === 'MEDICARE', rng);
    // Lines to the study account are not claims: no trial codes, and no Z00.6 for a non-qualifying study.
    const z006 = coding.z006 || (toStudy && e.def.study.qualifying_trial);
    const row = book.row({ mrn: e.row.mrn, date, cpt: item.cpt_hcpcs, line, setting, billing, dx: lineDx(e, item.cpt_hcpcs, rng, z006), coding });
    // A service outside the subject's calendar (screening of a subject never randomised) is no calendar charge.
    if (book.add({ row, enrolment: e, visitCode, item: visitCode === null ? null : item }) === null) throw new Error(`demo generator: duplicate visit charge ${item.cpt_hcpcs} ${visitCode ?? ''}`);
  }
}

/** Charges, invoice lines and approvals of every completed visit. */
export function billVisits(book: ChargeBook, visits: readonly DemoVisit[], rng: Prng): VisitBilling {
  const invoices: InvoiceLineRow[] = [];
  const approvals: ApprovalRow[] = [];
  let approvalRef = rng.int(1000, 1400);
  for (const v of visits) {
    if (v.row.status !== 'COMPLETED') continue;
    const e = v.enrolment;
    const date = v.row.visit_date;
    const setting: Setting = v.inpatient ? 'INPATIENT' : 'OUTPATIENT';
    // Optional items needing sponsor approval are done together (biopsy and its pathology) or not at all.
    const optionalDone = rng.chance(0.4);
    for (const item of v.items) {
      if (item.designation === 'NOT_BILLABLE') continue;
      if (item.requires_preapproval && !optionalDone) continue;
      let toStudy = item.designation === 'SPONSOR';
      if (item.designation === 'CONDITIONAL') {
        if (!rng.chance(0.65)) continue; // not needed for this subject
        toStudy = item.promised_free || rng.chance(0.35);
      }
      addServiceLines(book, rng, { e, item, date, setting, toStudy, visitCode: v.row.visit_code });
      if (item.requires_preapproval) {
        approvalRef += rng.int(1, 9);
        approvals.push({ study_id: e.row.study_id, subject_id: e.row.subject_id, cpt_hcpcs: item.cpt_hcpcs, service_date: date, approval_ref: `SPA-${approvalRef}` });
      }
      if (toStudy && item.sponsor_price !== null) {
        invoices.push({
          study_id: e.row.study_id,
          invoice_number: invoiceNumber(e.row.study_id, date),
          subject_id: e.row.subject_id,
          visit_code: v.row.visit_code,
          cpt_hcpcs: item.cpt_hcpcs,
          service_date: date,
          amount: item.sponsor_price,
        });
      }
    }
  }
  return { invoices, approvals };
}
