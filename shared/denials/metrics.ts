/**
 * Denial metrics (definitions and sources in metric-definitions.ts), computed from plain facts so the
 * arithmetic is testable on hand-made datasets. The store loads the facts (db/queries/denials).
 */
import { daysBetween } from '../domain/dates.ts';

/** One adjudicated claim (not a reversal, not a replacement) of an imported remittance. */
export interface ClaimFact {
  readonly claimId: number;
  /** Remittance month, YYYY-MM. */
  readonly month: string;
  readonly payer: string;
  /** Studies of the subjects its lines belong to. */
  readonly studies: readonly string[];
  readonly chargeCents: number;
}

export interface DenialFact {
  readonly denialId: number;
  readonly claimId: number;
  readonly payer: string;
  readonly study: string | null;
  readonly carc: string;
  readonly deniedCents: number;
  readonly initial: boolean;
  readonly denialDate: string;
  readonly appealDate: string | null;
  readonly resolutionDate: string | null;
  readonly recoveredCents: number;
}

export interface AppealFact {
  readonly denialId: number;
  readonly decidedDate: string | null;
  readonly outcome: 'overturned' | 'partially-overturned' | 'upheld' | null;
}

export interface MetricsInput {
  readonly claims: readonly ClaimFact[];
  readonly denials: readonly DenialFact[];
  readonly appeals: readonly AppealFact[];
}

export interface MetricValues {
  readonly claims: number;
  readonly deniedClaims: number;
  readonly chargeCents: number;
  readonly deniedCents: number;
  /** Shares in [0, 1]; null when the denominator is zero. */
  readonly initialDenialRate: number | null;
  readonly initialDenialRateDollars: number | null;
  readonly appealsDecided: number;
  readonly appealsOverturned: number;
  readonly overturnRate: number | null;
  readonly appealed: number;
  readonly meanDaysToAppeal: number | null;
  readonly medianDaysToAppeal: number | null;
  readonly resolved: number;
  readonly meanDaysToResolution: number | null;
  readonly medianDaysToResolution: number | null;
  readonly appealedDeniedCents: number;
  readonly recoveredCents: number;
  readonly recoveryRate: number | null;
}

export type MetricDimension = 'month' | 'payer' | 'study' | 'code';

export interface MetricRow {
  readonly key: string;
  readonly values: MetricValues;
}

export interface MetricsReport {
  readonly totals: MetricValues;
  readonly byMonth: readonly MetricRow[];
  readonly byPayer: readonly MetricRow[];
  readonly byStudy: readonly MetricRow[];
  readonly byCode: readonly MetricRow[];
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);
const mean = (xs: readonly number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Median (mean of the two middle values for an even count). */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const monthOf = (date: string): string => date.slice(0, 7);

interface Slice {
  readonly claims: readonly ClaimFact[];
  /** Initial denials counted in the numerator of the denial rate. */
  readonly rateDenials: readonly DenialFact[];
  /** Denials whose appeal, resolution and recovery figures belong here. */
  readonly workDenials: readonly DenialFact[];
  readonly decided: readonly AppealFact[];
}

function values(slice: Slice): MetricValues {
  const deniedClaimIds = new Set(slice.rateDenials.map((d) => d.claimId));
  const claimIds = new Set(slice.claims.map((c) => c.claimId));
  const deniedClaims = [...deniedClaimIds].filter((id) => claimIds.has(id)).length;
  const chargeCents = slice.claims.reduce((sum, c) => sum + c.chargeCents, 0);
  const deniedCents = slice.rateDenials.reduce((sum, d) => sum + d.deniedCents, 0);
  const overturned = slice.decided.filter((a) => a.outcome === 'overturned' || a.outcome === 'partially-overturned').length;
  const appealed = slice.workDenials.filter((d) => d.appealDate !== null);
  const toAppeal = appealed.map((d) => daysBetween(d.denialDate, d.appealDate as string));
  const resolved = slice.workDenials.filter((d) => d.resolutionDate !== null);
  const toResolution = resolved.map((d) => daysBetween(d.denialDate, d.resolutionDate as string));
  const appealedDeniedCents = appealed.reduce((sum, d) => sum + d.deniedCents, 0);
  const recoveredCents = appealed.reduce((sum, d) => sum + d.recoveredCents, 0);
  return {
    claims: slice.claims.length,
    deniedClaims,
    chargeCents,
    deniedCents,
    initialDenialRate: ratio(deniedClaims, slice.claims.length),
    initialDenialRateDollars: ratio(deniedCents, chargeCents),
    appealsDecided: slice.decided.length,
    appealsOverturned: overturned,
    overturnRate: ratio(overturned, slice.decided.length),
    appealed: appealed.length,
    meanDaysToAppeal: mean(toAppeal),
    medianDaysToAppeal: median(toAppeal),
    resolved: resolved.length,
    meanDaysToResolution: mean(toResolution),
    medianDaysToResolution: median(toResolution),
    appealedDeniedCents,
    recoveredCents,
    recoveryRate: ratio(recoveredCents, appealedDeniedCents),
  };
}

/** Computes every metric, in total and by month, payer, study and primary reason code. */
export function computeMetrics(input: MetricsInput): MetricsReport {
  const claimsById = new Map(input.claims.map((c) => [c.claimId, c]));
  const initial = input.denials.filter((d) => d.initial && claimsById.has(d.claimId));
  const denialById = new Map(input.denials.map((d) => [d.denialId, d]));
  // Decided appeals of the denials in scope (an appeal counts once, at request level [NCQA-OVT]).
  const decided = input.appeals.filter((a) => a.outcome !== null && a.decidedDate !== null && denialById.has(a.denialId));
  const decidedOf = (test: (d: DenialFact, a: AppealFact) => boolean): AppealFact[] =>
    decided.filter((a) => {
      const d = denialById.get(a.denialId);
      return d !== undefined && test(d, a);
    });

  const group = (keysOf: (d: DenialFact) => string | null, claimKeys: (c: ClaimFact) => readonly string[], allClaimsForEach: boolean): MetricRow[] => {
    const keys = new Set<string>();
    for (const d of input.denials) {
      const k = keysOf(d);
      if (k !== null) keys.add(k);
    }
    if (!allClaimsForEach) for (const c of input.claims) for (const k of claimKeys(c)) keys.add(k);
    return [...keys].sort().map((key) => ({
      key,
      values: values({
        claims: allClaimsForEach ? input.claims : input.claims.filter((c) => claimKeys(c).includes(key)),
        rateDenials: initial.filter((d) => keysOf(d) === key),
        workDenials: input.denials.filter((d) => keysOf(d) === key),
        decided: decidedOf((d) => keysOf(d) === key),
      }),
    }));
  };

  // By month: claims and rate denials by remittance month; work figures by denial month; decisions by decision month.
  const months = new Set<string>([...input.claims.map((c) => c.month), ...input.denials.map((d) => monthOf(d.denialDate)), ...decided.map((a) => monthOf(a.decidedDate as string))]);
  const byMonth = [...months].sort().map((month) => ({
    key: month,
    values: values({
      claims: input.claims.filter((c) => c.month === month),
      rateDenials: initial.filter((d) => (claimsById.get(d.claimId) as ClaimFact).month === month),
      workDenials: input.denials.filter((d) => monthOf(d.denialDate) === month),
      decided: decided.filter((a) => monthOf(a.decidedDate as string) === month),
    }),
  }));

  return {
    totals: values({ claims: input.claims, rateDenials: initial, workDenials: input.denials, decided }),
    byMonth,
    byPayer: group((d) => d.payer, (c) => [c.payer], false),
    byStudy: group((d) => d.study, (c) => c.studies, false),
    byCode: group((d) => d.carc, () => [], true),
  };
}
