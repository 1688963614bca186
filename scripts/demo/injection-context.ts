/**
 * Shared state and helpers of the problem injections: which charges are still clean, which belong to
 * the Medicare trial-coded population, and how a charge is re-routed the way a billing clerk would
 * (re-coding it as a clean line of its new destination), so that each injection breaks one thing.
 */
import type { Setting } from '../../shared/domain/codes.ts';
import { insuranceBilling, studyBilling, type ChargeBook, type ChargeDraft, type Line } from './charge-book.ts';
import type { ApprovalRow, Finding, InvoiceLineRow, RuleId } from './model.ts';
import type { DemoVisit, Enrolment } from './population.ts';
import type { Prng } from './prng.ts';
import { insuranceCoding } from './visit-charges.ts';

export interface InjectionContext {
  readonly rng: Prng;
  readonly book: ChargeBook;
  invoices: InvoiceLineRow[];
  approvals: ApprovalRow[];
  readonly visits: readonly DemoVisit[];
  readonly enrolments: readonly Enrolment[];
  readonly otherMrns: readonly string[];
  /** Findings that belong to no charge (INVC-20), declared by the injection that causes them. */
  readonly recordFindings: Finding[];
  /** How many problems each injection kind planted, for the README. */
  readonly planted: Map<string, number>;
}

export const isClean = (d: ChargeDraft): boolean => d.expect.length === 0 && !d.locked;

const TRIAL = new Set(['SOC', 'CONDITIONAL', 'INVESTIGATIONAL']);

/** The generator's own idea of the trial-coded population (matched trial item, Medicare, insurance). */
export function isTrialCoded(d: ChargeDraft): boolean {
  return (
    d.item !== null &&
    d.enrolment !== null &&
    d.enrolment.def.study.qualifying_trial &&
    TRIAL.has(d.item.designation) &&
    d.row.bill_to === 'INSURANCE' &&
    d.row.payer_type === 'MEDICARE'
  );
}

export function inPeriod(e: Enrolment, date: string): boolean {
  return e.row.consent_date <= date && (e.row.off_study_date === null || date <= e.row.off_study_date);
}

/** Marks a charge as an injected problem firing exactly `rules`. */
export function plant(ctx: InjectionContext, d: ChargeDraft, rules: RuleId[], kind: string): void {
  d.expect = rules;
  d.locked = true;
  ctx.planted.set(kind, (ctx.planted.get(kind) ?? 0) + 1);
}

/** Locks every charge of a subject, code and date: an invoice line or approval they depend on changed. */
export function lockService(ctx: InjectionContext, studyId: string, subjectId: string, cpt: string, date: string): ChargeDraft[] {
  const hit = ctx.book.drafts.filter(
    (d) => d.enrolment?.row.study_id === studyId && d.enrolment.row.subject_id === subjectId && d.row.cpt_hcpcs === cpt && d.row.service_date === date,
  );
  for (const d of hit) d.locked = true;
  return hit;
}

function lineOf(d: ChargeDraft): Line {
  return { claimType: d.row.claim_type, mod26: d.row.modifiers.includes('26'), revenue: d.row.revenue_code, cents: 0 };
}

/** Re-routes a calendar charge to insurance (or the self-pay patient), coded as a clean insurance line. */
export function rerouteToInsurance(ctx: InjectionContext, d: ChargeDraft): void {
  const e = d.enrolment;
  const item = d.item;
  if (e === null || item === null) throw new Error('demo generator: only calendar charges are re-routed');
  const setting: Setting = d.row.setting;
  const line = lineOf(d);
  const billing = insuranceBilling(e, true, line.claimType, setting);
  const coding = insuranceCoding(e, item, setting, line, billing.payerType === 'MEDICARE', ctx.rng);
  ctx.book.update(d, (row) => ({
    ...row,
    account_id: ctx.book.account(row.mrn, row.service_date, billing.billTo),
    bill_to: billing.billTo,
    payer_type: billing.payerType,
    payer_name: billing.payerName,
    modifiers: [...(line.mod26 ? ['26'] : []), ...(coding.modifier ? [coding.modifier] : [])],
    dx_codes: [...row.dx_codes.filter((c) => c !== 'Z00.6'), ...(coding.z006 ? ['Z00.6'] : [])],
    nct_on_claim: coding.nct,
    ide_on_claim: coding.ide,
    condition_codes: coding.cc30 ? ['30'] : [],
  }));
}

/** Re-routes a charge to the study account, as research lines are: no claim codes. */
export function rerouteToStudy(ctx: InjectionContext, d: ChargeDraft): void {
  const e = d.enrolment;
  if (e === null) throw new Error('demo generator: only a subject charge goes to a study account');
  const billing = studyBilling(e);
  ctx.book.update(d, (row) => ({
    ...row,
    account_id: ctx.book.account(row.mrn, row.service_date, 'STUDY'),
    bill_to: billing.billTo,
    payer_type: billing.payerType,
    payer_name: billing.payerName,
    modifiers: row.modifiers.filter((m) => m === '26'),
    nct_on_claim: null,
    ide_on_claim: null,
    condition_codes: [],
  }));
}

/** Whether the sponsor was invoiced for this subject, code and date. */
export function isInvoiced(ctx: InjectionContext, d: ChargeDraft): boolean {
  const e = d.enrolment;
  if (e === null) return false;
  return ctx.invoices.some((l) => l.study_id === e.row.study_id && l.subject_id === e.row.subject_id && l.cpt_hcpcs === d.row.cpt_hcpcs && l.service_date === d.row.service_date);
}

/** Picks `n` drafts, taking up to `preferred` of them from those matching `prefer` first. */
export function pickDrafts(ctx: InjectionContext, candidates: readonly ChargeDraft[], n: number, what: string, prefer?: (d: ChargeDraft) => boolean, preferred = 0): ChargeDraft[] {
  const first = prefer ? ctx.rng.shuffle(candidates.filter(prefer)).slice(0, preferred) : [];
  const rest = ctx.rng.sample(
    candidates.filter((d) => !first.includes(d)),
    n - first.length,
    what,
  );
  return [...first, ...rest];
}
