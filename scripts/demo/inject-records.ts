/**
 * Injections that change the records around the charges (sponsor invoice lines, approvals) or add
 * charges that should not exist: INVC-20 (a completed visit not invoiced), PRE-27 (no approval),
 * FREE-05 (a supplied-free item charged), WIN-18 (out of window), ENR-26 (study account outside the
 * study period) and DUP-28 (a repeated charge line).
 */
import { addDays, daysBetween } from '../../shared/domain/dates.ts';
import { billingLines } from './catalog.ts';
import { insuranceBilling, lineDx, NO_TRIAL_CODING, studyBilling, type ChargeDraft } from './charge-book.ts';
import { inPeriod, isClean, lockService, plant, type InjectionContext } from './injection-context.ts';
import type { CalendarRow, RuleId } from './model.ts';
import { DATA_CUT, EXPORT_FROM, type Enrolment } from './population.ts';
import { addServiceLines } from './visit-charges.ts';

/** Sponsor items of completed visits whose invoice line was never sent. */
export function uninvoicedVisits(ctx: InjectionContext): void {
  const sponsorLines = ctx.invoices.filter((l) => {
    const e = ctx.enrolments.find((x) => x.row.study_id === l.study_id && x.row.subject_id === l.subject_id);
    const item = e?.def.calendar.find((r) => r.arm === e.row.arm && r.visit_code === l.visit_code && r.cpt_hcpcs === l.cpt_hcpcs);
    return item?.designation === 'SPONSOR';
  });
  for (const line of ctx.rng.sample(sponsorLines, 20, 'INVC-20')) {
    ctx.invoices = ctx.invoices.filter((l) => l !== line);
    const subject = line.subject_id ?? '';
    const cpt = line.cpt_hcpcs ?? '';
    lockService(ctx, line.study_id, subject, cpt, line.service_date);
    ctx.recordFindings.push({ rule: 'INVC-20', study_id: line.study_id, subject_id: subject, charge_id: null, visit_code: line.visit_code, cpt_hcpcs: cpt, service_date: line.service_date });
    ctx.planted.set('INVC-20 completed visit item never invoiced', (ctx.planted.get('INVC-20 completed visit item never invoiced') ?? 0) + 1);
  }
}

/** Optional procedures done without the sponsor's approval on file. */
export function missingApprovals(ctx: InjectionContext): void {
  const stillInvoiced = ctx.approvals.filter((a) =>
    ctx.invoices.some((l) => l.study_id === a.study_id && l.subject_id === a.subject_id && l.cpt_hcpcs === a.cpt_hcpcs && l.service_date === a.service_date),
  );
  for (const approval of ctx.rng.sample(stillInvoiced, 6, 'PRE-27')) {
    ctx.approvals = ctx.approvals.filter((a) => a !== approval);
    for (const d of lockService(ctx, approval.study_id, approval.subject_id, approval.cpt_hcpcs, approval.service_date)) {
      plant(ctx, d, ['PRE-27'], 'PRE-27 optional procedure without sponsor approval');
    }
  }
}

/** Supplied-free items (study drug, study device) charged anyway. */
export function freeItemsCharged(ctx: InjectionContext): void {
  const slots = ctx.visits.flatMap((v) => (v.row.status === 'COMPLETED' ? v.items.filter((i) => i.designation === 'NOT_BILLABLE').map((item) => ({ v, item })) : []));
  for (const [i, { v, item }] of ctx.rng.sample(slots, 13, 'FREE-05').entries()) {
    const toStudy = i < 8;
    const before = ctx.book.drafts.length;
    addServiceLines(ctx.book, ctx.rng, { e: v.enrolment, item, date: v.row.visit_date, setting: v.inpatient ? 'INPATIENT' : 'OUTPATIENT', toStudy, visitCode: v.row.visit_code });
    for (const d of ctx.book.drafts.slice(before)) {
      const rules: RuleId[] = toStudy || !item.promised_free ? ['FREE-05'] : ['FREE-05', 'ICF-04'];
      plant(ctx, d, rules, toStudy ? 'FREE-05 supplied-free item charged to the study' : 'FREE-05 + ICF-04 supplied-free item billed to insurance');
    }
  }
}

/** Windows of one code on a subject's calendar, as [first, last] dates. */
function windowsOf(e: Enrolment, cpt: string): [string, string][] {
  const start = e.row.start_date as string;
  return e.def.calendar
    .filter((r: CalendarRow) => r.arm === e.row.arm && r.cpt_hcpcs === cpt)
    .map((r) => [addDays(start, r.visit_day - r.window_before_days), addDays(start, r.visit_day + r.window_after_days)]);
}

/** Calendar procedures done (and billed to insurance as ordinary care) outside every visit window. */
export function outOfWindow(ctx: InjectionContext): void {
  const onStudy = ctx.enrolments.filter((e) => e.row.arm !== null && e.row.start_date !== null);
  let made = 0;
  for (let attempt = 0; made < 15; attempt += 1) {
    if (attempt > 10_000) throw new Error('demo generator: cannot place WIN-18 charges');
    const e = ctx.rng.pick(onStudy);
    const codes = [...new Set(e.def.calendar.filter((r) => r.arm === e.row.arm && billingLines(r.cpt_hcpcs).length === 1 && r.designation !== 'NOT_BILLABLE').map((r) => r.cpt_hcpcs))];
    const cpt = ctx.rng.pick(codes);
    const from = e.row.consent_date > EXPORT_FROM ? e.row.consent_date : EXPORT_FROM;
    const to = e.row.off_study_date !== null && e.row.off_study_date < DATA_CUT ? e.row.off_study_date : DATA_CUT;
    if (to < from) continue;
    const date = addDays(from, ctx.rng.int(0, daysBetween(from, to)));
    if (windowsOf(e, cpt).some(([a, b]) => a <= date && date <= b)) continue;
    const line = billingLines(cpt)[0];
    if (!line) continue;
    const row = ctx.book.row({ mrn: e.row.mrn, date, cpt, line, setting: 'OUTPATIENT', billing: insuranceBilling(e, false, line.claimType, 'OUTPATIENT'), dx: lineDx(e, cpt, ctx.rng, false), coding: NO_TRIAL_CODING });
    const d = ctx.book.add({ row, enrolment: e, visitCode: null, item: null });
    if (d === null) continue;
    plant(ctx, d, ['WIN-18'], 'WIN-18 calendar procedure outside every visit window');
    made += 1;
  }
}

/** Research charges put on the study account when the patient is not on study (or on no study at all). */
export function offStudyResearchCharges(ctx: InjectionContext): void {
  const add = (e: Enrolment | null, mrn: string, date: string, studyCodes: readonly string[], payerStudy: string): void => {
    const cpt = ctx.rng.pick(studyCodes);
    const line = billingLines(cpt)[0];
    if (!line) return;
    const billing = e ? studyBilling(e) : { billTo: 'STUDY' as const, payerType: 'COMMERCIAL' as const, payerName: `Research account ${payerStudy}` };
    const dx = e ? lineDx(e, cpt, ctx.rng, false) : ['R91.8'];
    const row = ctx.book.row({ mrn, date, cpt, line, setting: 'OUTPATIENT', billing, dx, coding: NO_TRIAL_CODING });
    const d = ctx.book.add({ row, enrolment: e, visitCode: null, item: null });
    if (d === null) throw new Error('demo generator: ENR-26 charge collides');
    plant(ctx, d, ['ENR-26'], e ? 'ENR-26 study-account charge outside the study period' : 'ENR-26 study-account charge of a patient in no study');
  };
  const afterOff = ctx.enrolments.filter((e) => e.row.off_study_date !== null && addDays(e.row.off_study_date, 30) <= DATA_CUT);
  for (const e of ctx.rng.sample(afterOff, 4, 'ENR-26 after off-study')) add(e, e.row.mrn, addDays(e.row.off_study_date as string, ctx.rng.int(3, 30)), e.def.researchCodes, '');
  const beforeConsent = ctx.enrolments.filter((e) => addDays(e.row.consent_date, -10) >= EXPORT_FROM);
  for (const e of ctx.rng.sample(beforeConsent, 3, 'ENR-26 before consent')) add(e, e.row.mrn, addDays(e.row.consent_date, -ctx.rng.int(1, 10)), e.def.researchCodes, '');
  for (const mrn of ctx.rng.sample(ctx.otherMrns, 3, 'ENR-26 not enrolled')) {
    const def = ctx.rng.pick(ctx.enrolments).def;
    add(null, mrn, addDays(EXPORT_FROM, ctx.rng.int(10, 350)), def.researchCodes, def.study.study_id);
  }
}

/** Charge lines exported twice (or three times) under new charge ids. Runs last: originals must be final. */
export function duplicatedLines(ctx: InjectionContext): void {
  const candidates = ctx.book.drafts.filter((d) => isClean(d) && d.enrolment !== null && inPeriod(d.enrolment, d.row.service_date));
  for (const [i, original] of ctx.rng.sample(candidates, 9, 'DUP-28').entries()) {
    original.locked = true;
    const copies = i === 0 ? 2 : 1;
    for (let c = 0; c < copies; c += 1) {
      const copy = ctx.book.add({ row: { ...original.row }, enrolment: original.enrolment, visitCode: original.visitCode, item: original.item }, true) as ChargeDraft;
      // Later in the export than the original, on the same service date.
      copy.sortKey = original.sortKey + (1 - original.sortKey) * Math.max(ctx.rng.float(), 1e-6);
      plant(ctx, copy, ['DUP-28'], 'DUP-28 charge line exported twice');
    }
  }
}
