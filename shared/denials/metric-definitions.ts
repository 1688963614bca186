/**
 * What each denial metric means, precisely, with its source (BRIEF 6). Shown next to each chart and
 * in docs/denials.md; metrics.ts computes exactly this.
 */
import { DENIAL_SOURCES as S, type Source } from './sources.ts';

export interface MetricDefinition {
  readonly id: MetricId;
  readonly title: string;
  /** The formula, in words. */
  readonly formula: string;
  /** Conventions: what counts, what is left out, where we depart from the source and why. */
  readonly conventions: string;
  readonly sources: readonly Source[];
}

export type MetricId = 'initial-denial-rate' | 'initial-denial-rate-dollars' | 'overturn-rate' | 'days-to-appeal' | 'days-to-resolution' | 'recovery-rate';

/** Every metric the Metrics tab charts, in display order. */
export const METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  {
    id: 'initial-denial-rate',
    title: 'Initial denial rate (claims)',
    formula: 'Claims with at least one initial denial ÷ claims adjudicated, per remittance month.',
    conventions:
      'HFMA Claim Integrity Task Force volume measure. A claim is one CLP of an imported 835 that is neither a reversal (CLP02 = 22) nor a replacement (frequency 7 or 8). A denial is initial when it is the first denial of its charge (or, unlinked, of its account, code and date); repeat denials after a resubmission are left out of the numerator. The task force divides by claims submitted and averages the three months before the reporting month to absorb the lag between submission and remittance; TrialLedger has no 837 submissions, so it divides by the claims on the same remittances, which has no lag to absorb. By study: claims with a line of that study\'s subjects. By code: claims whose initial denial carries that primary reason ÷ all claims.',
    sources: [S.HFMA_TF, S.MYM_TF],
  },
  {
    id: 'initial-denial-rate-dollars',
    title: 'Initial denial rate (dollars)',
    formula: 'Dollars denied by initial denials ÷ gross charges of the claims adjudicated (CLP03), per remittance month.',
    conventions: 'The task force\'s dollar variant, with the same claim and initial-denial conventions as the volume measure. Denied dollars are the denial adjustments (CAS amounts read as denials), not the unpaid balance: contractual and patient-responsibility amounts are excluded.',
    sources: [S.HFMA_TF, S.MYM_TF],
  },
  {
    id: 'overturn-rate',
    title: 'Appeal overturn rate',
    formula: 'Appeals decided in favour of the provider (fully or partly) ÷ appeals decided, per decision month.',
    conventions: 'Counted at request level: one appeal request counts once, whatever the number of lines it covers, and a partial overturn counts as overturned (NCQA). Appeals still pending are left out. A denial found paid on a later remittance while under appeal counts as overturned on that remittance\'s date.',
    sources: [S.HFMA_TF, S.NCQA_OVT],
  },
  {
    id: 'days-to-appeal',
    title: 'Days from denial to appeal',
    formula: 'Mean (and median) of appeal date − denial date over denials appealed, per denial month.',
    conventions: 'Denial date = the remittance\'s production date (DTM*405), else its payment date (BPR16). Appeal date = the date the first appeal was sent (status set to appealed).',
    sources: [S.HFMA_TF],
  },
  {
    id: 'days-to-resolution',
    title: 'Days from denial to resolution',
    formula: 'Mean (and median) of resolution date − denial date over denials resolved, per denial month.',
    conventions: 'Resolved: overturned, written off, moved to the sponsor, or found paid on a later remittance. Open, appealed and upheld denials are still running and left out.',
    sources: [S.HFMA_TF],
  },
  {
    id: 'recovery-rate',
    title: 'Recovery rate',
    formula: 'Dollars recovered ÷ dollars initially denied, over the denials appealed, per denial month.',
    conventions: 'An application-defined measure (the brief\'s design note): the cohort is every appealed denial, decided or not, so the rate rises as decisions arrive. Recovered dollars are the new money a later remittance paid for the line (beyond what a reversed claim had paid, at most the denied amount), or what the coordinator recorded.',
    sources: [],
  },
];

/** The definition with this id. */
export function metricDefinition(id: MetricId): MetricDefinition {
  return METRIC_DEFINITIONS.find((m) => m.id === id) as MetricDefinition;
}
