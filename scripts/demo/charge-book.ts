/**
 * Charge drafts and the billing policy of a compliant hospital: where a line is routed (insurance,
 * the study account, the patient) and how a qualifying-trial claim is coded (Q0/Q1, Z00.6, condition
 * code 30, NCT and IDE numbers). Clean charges and injected problems are built with the same functions,
 * so an injection differs from a clean charge only by what it deliberately breaks.
 */
import type { BillTo, ClaimType, Designation, PayerType, Setting } from '../../shared/domain/codes.ts';
import { codeInfo, type billingLines } from './catalog.ts';
import type { CalendarRow, ChargeRow, RuleId } from './model.ts';
import type { Enrolment } from './population.ts';
import type { Prng } from './prng.ts';

export interface ChargeDraft {
  row: ChargeRow;
  /** The enrolment the charge was made for (null: a patient in no study). */
  readonly enrolment: Enrolment | null;
  /** The calendar visit the charge belongs to by construction (null: not a calendar service). */
  readonly visitCode: string | null;
  readonly item: CalendarRow | null;
  /** Rules the charge is meant to fire; empty for a clean charge. */
  expect: RuleId[];
  /** Set when an injection relies on this charge staying exactly as it is. */
  locked: boolean;
  /** Position in the export: service date first, then this random key. */
  sortKey: number;
}

export interface Billing {
  readonly billTo: BillTo;
  readonly payerType: PayerType;
  readonly payerName: string | null;
}

export interface TrialCoding {
  readonly modifier: 'Q0' | 'Q1' | null;
  readonly z006: boolean;
  readonly nct: string | null;
  readonly ide: string | null;
  readonly cc30: boolean;
}

export type Line = ReturnType<typeof billingLines>[number];

const INFUSION_OR_DRUG = /^(J|964|963)/;

/** Where an insurance-routed line goes. `trialRoutine`: a calendar service of a qualifying trial. */
export function insuranceBilling(e: Enrolment, trialRoutine: boolean, claimType: ClaimType, setting: Setting): Billing {
  const payer = e.row.payer_type;
  const medicare = { billTo: 'INSURANCE' as const, payerType: 'MEDICARE' as const, payerName: claimType === 'INSTITUTIONAL' && setting === 'INPATIENT' ? 'Medicare Part A' : 'Medicare Part B' };
  if (payer === 'SELF_PAY') return { billTo: 'PATIENT', payerType: 'SELF_PAY', payerName: 'Self-pay' };
  if (payer === 'MEDICARE') return medicare;
  // Routine costs of a drug trial for an MA enrollee go to Original Medicare; IDE study claims to the MA plan.
  if (payer === 'MEDICARE_ADVANTAGE' && trialRoutine && e.def.study.qualifying_trial && e.def.study.ide_number === null) return medicare;
  return { billTo: 'INSURANCE', payerType: payer, payerName: e.planName };
}

export function studyBilling(e: Enrolment): Billing {
  return { billTo: 'STUDY', payerType: e.row.payer_type, payerName: `Research account ${e.row.study_id}` };
}

/** Full qualifying-trial coding of one line. Q0/Q1 belong on outpatient claims only (CR 8401), never on an inpatient stay. */
export function fullTrialCoding(e: Enrolment, designation: Designation, line: Line, setting: Setting): TrialCoding {
  const study = e.def.study;
  const modifier = setting === 'OUTPATIENT' ? (designation === 'INVESTIGATIONAL' ? 'Q0' : 'Q1') : null;
  return {
    modifier,
    z006: true,
    nct: study.nct_number === null ? null : study.nct_number.slice(3),
    ide: study.ide_number,
    cc30: line.claimType === 'INSTITUTIONAL',
  };
}

export const NO_TRIAL_CODING: TrialCoding = { modifier: null, z006: false, nct: null, ide: null, cc30: false };

/** Diagnosis codes of a line, primary first; Z00.6 is appended as a secondary code when trial-coded. */
export function lineDx(e: Enrolment, cpt: string, rng: Prng, z006: boolean): string[] {
  const dx: string[] = [];
  if (e.def.dx.infusionPrimary && INFUSION_OR_DRUG.test(cpt)) dx.push(e.def.dx.infusionPrimary);
  dx.push(e.primaryDx);
  if (rng.chance(0.3)) dx.push(rng.pick(e.def.dx.secondary));
  if (z006) dx.push('Z00.6');
  return dx;
}

export interface RowInput {
  readonly mrn: string;
  readonly date: string;
  readonly cpt: string;
  readonly line: Line;
  readonly setting: Setting;
  readonly billing: Billing;
  readonly dx: readonly string[];
  readonly coding: TrialCoding;
  readonly units?: number;
}

/** The charge lines book: accounts, duplicate keys, and the drafts themselves. */
export class ChargeBook {
  readonly drafts: ChargeDraft[] = [];
  private readonly rng: Prng;
  private readonly accounts = new Map<string, string>();
  private readonly usedAccounts = new Set<string>();
  /** How many drafts carry each DUP-28 identity. */
  private readonly keys = new Map<string, number>();

  constructor(rng: Prng) {
    this.rng = rng;
  }

  /** One hospital account per patient, day and routing (the research account is separate). */
  account(mrn: string, date: string, billTo: BillTo): string {
    const key = `${mrn}|${date}|${billTo === 'STUDY' ? 'R' : 'H'}`;
    const known = this.accounts.get(key);
    if (known !== undefined) return known;
    let id: string;
    do id = `${billTo === 'STUDY' ? 'RSH' : 'HAR'}${this.rng.int(10_000_000, 99_999_999)}`;
    while (this.usedAccounts.has(id));
    this.accounts.set(key, id);
    this.usedAccounts.add(id);
    return id;
  }

  /** Builds a charge row (charge_id is assigned when the export is ordered). */
  row(input: RowInput): ChargeRow {
    const info = codeInfo(input.cpt);
    const units = input.units ?? (info.units ? this.rng.int(...info.units) : 1);
    const modifiers = [...(input.line.mod26 ? ['26'] : []), ...(input.coding.modifier ? [input.coding.modifier] : [])];
    return {
      charge_id: '',
      account_id: this.account(input.mrn, input.date, input.billing.billTo),
      mrn: input.mrn,
      service_date: input.date,
      cpt_hcpcs: input.cpt,
      modifiers,
      units,
      charge_amount: input.line.cents * units,
      revenue_code: input.line.claimType === 'INSTITUTIONAL' ? input.line.revenue : null,
      dx_codes: [...input.dx],
      bill_to: input.billing.billTo,
      payer_name: input.billing.payerName,
      payer_type: input.billing.payerType,
      claim_type: input.line.claimType,
      setting: input.setting,
      nct_on_claim: input.coding.nct,
      ide_on_claim: input.coding.ide,
      condition_codes: input.coding.cc30 ? ['30'] : [],
    };
  }

  /** The DUP-28 identity of a charge. */
  static identity(row: ChargeRow): string {
    return JSON.stringify([row.mrn, row.service_date, row.cpt_hcpcs, row.modifiers, row.units, row.charge_amount, row.bill_to]);
  }

  /** True when a charge with this DUP-28 identity exists. */
  has(row: ChargeRow): boolean {
    return this.keys.has(ChargeBook.identity(row));
  }

  /** Adds a draft unless an identical charge exists (the only duplicates allowed are injected ones). */
  add(draft: Omit<ChargeDraft, 'sortKey' | 'expect' | 'locked'> & { expect?: RuleId[] }, allowDuplicate = false): ChargeDraft | null {
    const key = ChargeBook.identity(draft.row);
    if (this.keys.has(key) && !allowDuplicate) return null;
    this.keys.set(key, (this.keys.get(key) ?? 0) + 1);
    const full: ChargeDraft = { ...draft, expect: draft.expect ?? [], locked: false, sortKey: this.rng.float() };
    this.drafts.push(full);
    return full;
  }

  /** Changes a draft's row, keeping the identity set right; refuses a change that would create a duplicate. */
  update(draft: ChargeDraft, change: (row: ChargeRow) => ChargeRow): void {
    const before = ChargeBook.identity(draft.row);
    const next = change({ ...draft.row, modifiers: [...draft.row.modifiers], dx_codes: [...draft.row.dx_codes], condition_codes: [...draft.row.condition_codes] });
    const after = ChargeBook.identity(next);
    if (after === before) {
      draft.row = next;
      return;
    }
    if (this.keys.has(after)) throw new Error('demo generator: an injection would duplicate another charge by accident');
    const left = (this.keys.get(before) ?? 1) - 1;
    if (left > 0) this.keys.set(before, left);
    else this.keys.delete(before);
    this.keys.set(after, 1);
    draft.row = next;
  }
}
