/**
 * Deadlines of denial work, computed from an injected `today` (tests fix it):
 *  - appeal: the first-level appeal window counted from the denial date (the remittance date);
 *    Medicare redetermination 120 days from receipt of the initial determination [NGS-APPEALS];
 *    Medicare Advantage reconsideration 60 days [222HEALTH, unverified]; commercial (ERISA) at least
 *    180 days [BCBSM-DOL], our default for every other payer. Counting from the remittance date
 *    rather than from its receipt errs on the early side.
 *  - timely filing, for a fix or rebill: Medicare 12 months from the date of service [FCSO-16]; other
 *    payers only when configured (their limits vary by contract).
 *  - next-level appeal after an upheld Medicare redetermination: reconsideration by the QIC within
 *    180 days of the decision [NGS-APPEALS].
 * Every default can be overridden per payer kind or per payer (payer settings).
 */
import { addDays, addMonths, daysBetween } from '../domain/dates.ts';
import { DENIAL_SOURCES as S, type Source } from './sources.ts';
import type { DenialAction, DenialStatus, PayerKind, RebillTarget } from './vocabulary.ts';

export interface PayerDeadlineRule {
  /** Days to file the first-level appeal, from the denial date; null when unknown. */
  readonly appealDays: number | null;
  /** Name of the first appeal level, for letters and the queue. */
  readonly appealLevel: string;
  /** Months from the date of service to file (or refile) a claim; null when unknown. */
  readonly timelyFilingMonths: number | null;
  /** Days to ask for the next level after an upheld decision; null when unknown. */
  readonly nextLevelDays: number | null;
  readonly sources: readonly Source[];
  /** False where the brief marks the figure unverified. */
  readonly verified: boolean;
}

/** Defaults per payer kind (overridable in payer settings). */
export const DEFAULT_DEADLINES: Readonly<Record<PayerKind, PayerDeadlineRule>> = {
  MEDICARE: { appealDays: 120, appealLevel: 'Redetermination by the MAC', timelyFilingMonths: 12, nextLevelDays: 180, sources: [S.NGS_APPEALS, S.FCSO_16], verified: true },
  MEDICARE_ADVANTAGE: { appealDays: 60, appealLevel: 'Reconsideration by the Medicare Advantage plan', timelyFilingMonths: null, nextLevelDays: null, sources: [S.HEALTH222], verified: false },
  COMMERCIAL: { appealDays: 180, appealLevel: 'Internal appeal', timelyFilingMonths: null, nextLevelDays: null, sources: [S.BCBSM_DOL], verified: true },
  MEDICAID: { appealDays: 180, appealLevel: 'Appeal', timelyFilingMonths: null, nextLevelDays: null, sources: [], verified: false },
  OTHER: { appealDays: 180, appealLevel: 'Appeal', timelyFilingMonths: null, nextLevelDays: null, sources: [], verified: false },
};

/** A stored override (per payer kind or per payer): null fields keep the default. */
export interface PayerDeadlineOverride {
  readonly appealDays: number | null;
  readonly timelyFilingMonths: number | null;
}

/** The rule for a payer: the per-payer override, else the per-kind override, else the default. */
export function resolveDeadlineRule(kind: PayerKind, kindOverride: PayerDeadlineOverride | null, payerOverride: PayerDeadlineOverride | null): PayerDeadlineRule {
  const base = DEFAULT_DEADLINES[kind];
  const pick = <K extends keyof PayerDeadlineOverride>(key: K): number | null => payerOverride?.[key] ?? kindOverride?.[key] ?? base[key];
  return { ...base, appealDays: pick('appealDays'), timelyFilingMonths: pick('timelyFilingMonths') };
}

export type DeadlineKind = 'appeal' | 'timely-filing' | 'next-level-appeal';

export interface Deadline {
  readonly kind: DeadlineKind;
  readonly date: string;
}

export interface DeadlineInput {
  readonly status: DenialStatus;
  readonly action: DenialAction;
  readonly rebillTo: RebillTarget | null;
  readonly denialDate: string;
  readonly serviceDate: string | null;
  /** Date of the decision that upheld the denial (for the next level). */
  readonly decidedDate: string | null;
  /** The rule of the payer that denied. */
  readonly rule: PayerDeadlineRule;
  /** The rule of the payer a rebill goes to (Original Medicare for MA routing), if different. */
  readonly rebillRule: PayerDeadlineRule | null;
}

/** The deadline still running for a denial, or null when none applies (closed, waiting, unknown). */
export function pendingDeadline(input: DeadlineInput): Deadline | null {
  if (input.status === 'upheld') {
    if (input.decidedDate === null || input.rule.nextLevelDays === null) return null;
    return { kind: 'next-level-appeal', date: addDays(input.decidedDate, input.rule.nextLevelDays) };
  }
  if (input.status !== 'open') return null;
  if (input.action === 'appeal') return input.rule.appealDays === null ? null : { kind: 'appeal', date: addDays(input.denialDate, input.rule.appealDays) };
  if (input.action === 'fix-resubmit' || input.action === 'rebill-other-payer') {
    const rule = input.rebillRule ?? input.rule;
    if (input.serviceDate === null || rule.timelyFilingMonths === null) return null;
    return { kind: 'timely-filing', date: addMonths(input.serviceDate, rule.timelyFilingMonths) };
  }
  return null;
}

/** Days left before warning (the queue flags a denial due in fewer days). */
export const DUE_SOON_DAYS = 14;

export type Urgency = 'overdue' | 'due-soon' | 'ok' | 'none';

/** Days from `today` to `deadline` (negative once passed), and how urgent that is. */
export function daysLeft(deadline: string | null, today: string): { readonly days: number | null; readonly urgency: Urgency } {
  if (deadline === null) return { days: null, urgency: 'none' };
  const days = daysBetween(today, deadline);
  return { days, urgency: days < 0 ? 'overdue' : days < DUE_SOON_DAYS ? 'due-soon' : 'ok' };
}
