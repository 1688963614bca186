/**
 * Injections that change an existing clean charge: mis-routing (RSH-02, DBL-03, ICF-04, SOC-29,
 * MA-13) and mis-coding (MOD-08, DX-09, CC-10, NCT-11, IDE-12, QCT-01). Each picks its victims at
 * random among clean charges, so their position in the export says nothing, and declares every rule
 * the changed charge must fire.
 */
import type { ChargeDraft } from './charge-book.ts';
import {
  inPeriod,
  isClean,
  isInvoiced,
  isTrialCoded,
  lockService,
  pickDrafts,
  plant,
  rerouteToInsurance,
  rerouteToStudy,
  type InjectionContext,
} from './injection-context.ts';

const selfPay = (d: ChargeDraft): boolean => d.enrolment?.row.payer_type === 'SELF_PAY';
const studyOf = (d: ChargeDraft): string => d.enrolment?.row.study_id ?? '';

/** Sponsor-paid items sent to insurance (or to a self-pay patient). */
function misroutedResearch(ctx: InjectionContext): void {
  const sponsorToStudy = ctx.book.drafts.filter((d) => isClean(d) && d.item?.designation === 'SPONSOR' && d.row.bill_to === 'STUDY');
  // Items the budget forgot to price were never invoiced: billing insurance is the only problem.
  const unpriced = sponsorToStudy.filter((d) => d.item?.sponsor_price === null);
  for (const d of pickDrafts(ctx, unpriced, 12, 'RSH-02 (unpriced sponsor items)', selfPay, 2)) {
    rerouteToInsurance(ctx, d);
    plant(ctx, d, ['RSH-02'], 'RSH-02 sponsor item billed to insurance/patient');
  }
  // Priced and already invoiced: insurance billed on top of the sponsor (double billing).
  const invoiced = sponsorToStudy.filter((d) => isClean(d) && d.item?.sponsor_price !== null && !d.item?.requires_preapproval && isInvoiced(ctx, d));
  for (const d of pickDrafts(ctx, invoiced.filter((x) => !x.item?.promised_free), 4, 'RSH-02 + DBL-03')) {
    rerouteToInsurance(ctx, d);
    plant(ctx, d, ['RSH-02', 'DBL-03'], 'RSH-02 + DBL-03 invoiced sponsor item also billed to insurance');
  }
  for (const d of pickDrafts(ctx, invoiced.filter((x) => isClean(x) && x.item?.promised_free === true), 3, 'RSH-02 + ICF-04 + DBL-03')) {
    rerouteToInsurance(ctx, d);
    plant(ctx, d, ['RSH-02', 'ICF-04', 'DBL-03'], 'RSH-02 + ICF-04 + DBL-03 free research test billed to insurance and invoiced');
  }
}

/** Conditional items done for the protocol (study account, invoiced) sent to insurance as well. */
function conditionalDoubleBilled(ctx: InjectionContext): void {
  const candidates = ctx.book.drafts.filter((d) => isClean(d) && d.item?.designation === 'CONDITIONAL' && !d.item.promised_free && d.row.bill_to === 'STUDY' && isInvoiced(ctx, d));
  for (const d of pickDrafts(ctx, candidates, 8, 'DBL-03')) {
    rerouteToInsurance(ctx, d);
    plant(ctx, d, ['DBL-03'], 'DBL-03 conditional item invoiced to the sponsor and billed to insurance');
  }
}

/** Items the consent promises free, billed to insurance instead of the study (and not invoiced). */
function promisedFreeBilled(ctx: InjectionContext): void {
  const candidates = ctx.book.drafts.filter((d) => isClean(d) && d.item?.designation === 'CONDITIONAL' && d.item.promised_free && d.row.bill_to === 'STUDY');
  for (const d of pickDrafts(ctx, candidates, 6, 'ICF-04')) {
    const e = d.enrolment;
    if (e === null) continue;
    ctx.invoices = ctx.invoices.filter((l) => !(l.study_id === e.row.study_id && l.subject_id === e.row.subject_id && l.cpt_hcpcs === d.row.cpt_hcpcs && l.service_date === d.row.service_date));
    lockService(ctx, e.row.study_id, e.row.subject_id, d.row.cpt_hcpcs, d.row.service_date);
    rerouteToInsurance(ctx, d);
    plant(ctx, d, ['ICF-04'], 'ICF-04 item promised free billed to insurance');
  }
}

/** Routine items with no sponsor price charged to the study account. */
function routineToStudy(ctx: InjectionContext): void {
  const candidates = ctx.book.drafts.filter((d) => isClean(d) && d.item?.designation === 'SOC' && d.item.sponsor_price === null && d.row.bill_to !== 'STUDY');
  for (const d of pickDrafts(ctx, candidates, 10, 'SOC-29')) {
    rerouteToStudy(ctx, d);
    plant(ctx, d, ['SOC-29'], 'SOC-29 routine item charged to the study account');
  }
}

/** Medicare Advantage enrollees of the drug trial whose routine costs went to the MA plan. */
function maPlanBilled(ctx: InjectionContext): void {
  const candidates = ctx.book.drafts.filter((d) => isClean(d) && isTrialCoded(d) && d.enrolment?.row.payer_type === 'MEDICARE_ADVANTAGE' && d.enrolment.def.study.ide_number === null);
  for (const d of pickDrafts(ctx, candidates, 10, 'MA-13')) {
    const plan = d.enrolment?.planName ?? null;
    ctx.book.update(d, (row) => ({ ...row, payer_type: 'MEDICARE_ADVANTAGE', payer_name: plan }));
    plant(ctx, d, ['MA-13'], 'MA-13 drug-trial routine cost billed to the MA plan');
  }
}

/** Coding slips on Medicare trial lines. */
function codingSlips(ctx: InjectionContext): void {
  const tcp = (): ChargeDraft[] => ctx.book.drafts.filter((d) => isClean(d) && isTrialCoded(d));
  const outpatient = (): ChargeDraft[] => tcp().filter((d) => d.row.setting === 'OUTPATIENT');
  const wrongModifier = (d: ChargeDraft, swap: boolean): void => {
    const needed = d.item?.designation === 'INVESTIGATIONAL' ? 'Q0' : 'Q1';
    const other = needed === 'Q0' ? 'Q1' : 'Q0';
    ctx.book.update(d, (row) => ({ ...row, modifiers: [...row.modifiers.filter((m) => m !== needed), ...(swap ? [other] : [])] }));
  };
  const investigational = outpatient().filter((d) => d.item?.designation === 'INVESTIGATIONAL');
  for (const [i, d] of pickDrafts(ctx, investigational, 3, 'MOD-08 (Q0)').entries()) {
    wrongModifier(d, i === 0);
    plant(ctx, d, ['MOD-08'], 'MOD-08 missing Q0/Q1');
  }
  for (const [i, d] of pickDrafts(ctx, outpatient(), 12, 'MOD-08').entries()) {
    wrongModifier(d, i % 4 === 0);
    plant(ctx, d, ['MOD-08'], 'MOD-08 missing Q0/Q1');
  }
  const dropZ = (d: ChargeDraft): void => ctx.book.update(d, (row) => ({ ...row, dx_codes: row.dx_codes.filter((c) => c !== 'Z00.6') }));
  for (const d of pickDrafts(ctx, outpatient(), 4, 'MOD-08 + DX-09')) {
    wrongModifier(d, false);
    dropZ(d);
    plant(ctx, d, ['MOD-08', 'DX-09'], 'MOD-08 + DX-09 neither Q1 nor Z00.6');
  }
  for (const d of pickDrafts(ctx, tcp(), 12, 'DX-09')) {
    dropZ(d);
    plant(ctx, d, ['DX-09'], 'DX-09 missing Z00.6');
  }
  for (const d of pickDrafts(ctx, tcp().filter((x) => x.row.claim_type === 'INSTITUTIONAL'), 10, 'CC-10')) {
    ctx.book.update(d, (row) => ({ ...row, condition_codes: row.condition_codes.filter((c) => c !== '30') }));
    plant(ctx, d, ['CC-10'], 'CC-10 institutional claim without condition code 30');
  }
  const otherNct: Record<string, string> = { 'NSCLC-301': '09923456', 'TMVR-22': '09912345' };
  for (const [i, d] of pickDrafts(ctx, tcp(), 12, 'NCT-11').entries()) {
    const right = d.row.nct_on_claim ?? '';
    const wrong = [null, '99999999', otherNct[studyOf(d)] ?? null, `${right.slice(0, 6)}${right.slice(7, 8)}${right.slice(6, 7)}`][i % 4] ?? null;
    ctx.book.update(d, (row) => ({ ...row, nct_on_claim: wrong }));
    plant(ctx, d, ['NCT-11'], 'NCT-11 trial number missing or wrong');
  }
  const device = tcp().filter((d) => d.enrolment?.def.study.ide_number !== null);
  for (const [i, d] of pickDrafts(ctx, device, 8, 'IDE-12').entries()) {
    ctx.book.update(d, (row) => ({ ...row, ide_on_claim: i % 3 === 2 ? 'G123465' : null }));
    plant(ctx, d, ['IDE-12'], 'IDE-12 IDE number missing or wrong');
  }
}

/** Registry (non-qualifying) claims that carry qualifying-trial codes anyway. */
function nonQualifyingCoded(ctx: InjectionContext): void {
  const candidates = ctx.book.drafts.filter(
    (d) => isClean(d) && d.enrolment !== null && !d.enrolment.def.study.qualifying_trial && d.row.bill_to !== 'STUDY' && inPeriod(d.enrolment, d.row.service_date),
  );
  for (const [i, d] of pickDrafts(ctx, candidates, 12, 'QCT-01').entries()) {
    const addQ1 = i % 6 < 4;
    const addZ = i % 6 >= 3;
    ctx.book.update(d, (row) => ({ ...row, modifiers: addQ1 ? [...row.modifiers, 'Q1'] : row.modifiers, dx_codes: addZ ? [...row.dx_codes, 'Z00.6'] : row.dx_codes }));
    plant(ctx, d, ['QCT-01'], 'QCT-01 Q1/Z00.6 on a non-qualifying study');
  }
}

/** Runs every charge-changing injection, in an order where none can disturb an earlier one. */
export function injectChargeChanges(ctx: InjectionContext): void {
  misroutedResearch(ctx);
  conditionalDoubleBilled(ctx);
  promisedFreeBilled(ctx);
  routineToStudy(ctx);
  maPlanBilled(ctx);
  codingSlips(ctx);
  nonQualifyingCoded(ctx);
}
