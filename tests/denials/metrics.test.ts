/**
 * Metric definitions on a small dataset whose answers are computed by hand below each assertion
 * (definitions in shared/denials/metric-definitions.ts, sources in BRIEF 6).
 */
import { describe, expect, it } from 'vitest';
import { METRIC_DEFINITIONS } from '../../shared/denials/metric-definitions.ts';
import { computeMetrics, median, type AppealFact, type ClaimFact, type DenialFact } from '../../shared/denials/metrics.ts';

// Six claims in two months, two payers, one study. Charges in cents.
const claims: ClaimFact[] = [
  { claimId: 1, month: '2024-03', payer: 'MAC', studies: ['QT'], chargeCents: 100_00 },
  { claimId: 2, month: '2024-03', payer: 'MAC', studies: ['QT'], chargeCents: 300_00 },
  { claimId: 3, month: '2024-03', payer: 'ACME', studies: [], chargeCents: 200_00 },
  { claimId: 4, month: '2024-03', payer: 'ACME', studies: [], chargeCents: 400_00 },
  { claimId: 5, month: '2024-04', payer: 'MAC', studies: ['QT'], chargeCents: 500_00 },
  { claimId: 6, month: '2024-04', payer: 'MAC', studies: [], chargeCents: 500_00 },
];

const d = (f: Partial<DenialFact> & Pick<DenialFact, 'denialId' | 'claimId'>): DenialFact => ({
  payer: 'MAC',
  study: null,
  carc: '50',
  deniedCents: 0,
  initial: true,
  denialDate: '2024-03-15',
  appealDate: null,
  resolutionDate: null,
  recoveredCents: 0,
  ...f,
});

const denials: DenialFact[] = [
  // Claim 1 has two denied lines: it counts once in the claim rate.
  d({ denialId: 1, claimId: 1, study: 'QT', carc: '50', deniedCents: 60_00, appealDate: '2024-03-25', resolutionDate: '2024-05-14', recoveredCents: 60_00 }),
  d({ denialId: 2, claimId: 1, study: 'QT', carc: '16', deniedCents: 40_00, resolutionDate: '2024-03-20' }),
  d({ denialId: 3, claimId: 3, payer: 'ACME', carc: '55', deniedCents: 200_00, appealDate: '2024-04-14', recoveredCents: 50_00 }),
  // A repeat denial of a resubmitted line: not initial, left out of the rate.
  d({ denialId: 4, claimId: 5, study: 'QT', carc: '50', deniedCents: 500_00, initial: false, denialDate: '2024-04-10', appealDate: '2024-04-30' }),
  d({ denialId: 5, claimId: 6, carc: '29', deniedCents: 100_00, denialDate: '2024-04-10', resolutionDate: '2024-04-10' }),
];

const appeals: AppealFact[] = [
  { denialId: 1, decidedDate: '2024-05-14', outcome: 'overturned' },
  { denialId: 3, decidedDate: '2024-05-20', outcome: 'partially-overturned' },
  { denialId: 4, decidedDate: null, outcome: null }, // pending: not decided
];

const report = computeMetrics({ claims, denials, appeals: [...appeals, { denialId: 99, decidedDate: '2024-05-01', outcome: 'upheld' }] });

describe('denial metrics', () => {
  it('initial denial rate by count: claims with an initial denial / claims', () => {
    // Claims 1, 3, 6 have initial denials (claim 5's is a repeat): 3 / 6.
    expect(report.totals).toMatchObject({ claims: 6, deniedClaims: 3, initialDenialRate: 0.5 });
  });

  it('initial denial rate by dollars: initial denied / gross charges', () => {
    // (60 + 40 + 200 + 100) / (100 + 300 + 200 + 400 + 500 + 500) = 400 / 2000.
    expect(report.totals).toMatchObject({ deniedCents: 400_00, chargeCents: 2000_00, initialDenialRateDollars: 0.2 });
  });

  it('by month, payer, study and code', () => {
    const month = Object.fromEntries(report.byMonth.map((r) => [r.key, r.values]));
    // March: claims 1-4, denied 1 and 3 -> 2/4; dollars (60+40+200)/(1000) = 0.3.
    expect(month['2024-03']).toMatchObject({ claims: 4, deniedClaims: 2, initialDenialRate: 0.5, initialDenialRateDollars: 0.3 });
    // April: claims 5, 6; only 6 has an initial denial -> 1/2; 100/1000.
    expect(month['2024-04']).toMatchObject({ claims: 2, deniedClaims: 1, initialDenialRate: 0.5, initialDenialRateDollars: 0.1 });
    const payer = Object.fromEntries(report.byPayer.map((r) => [r.key, r.values]));
    // MAC: claims 1, 2, 5, 6 -> denied 1 and 6 -> 2/4. ACME: claims 3, 4 -> 1/2.
    expect(payer.MAC).toMatchObject({ claims: 4, deniedClaims: 2, initialDenialRate: 0.5 });
    expect(payer.ACME).toMatchObject({ claims: 2, deniedClaims: 1, initialDenialRate: 0.5, initialDenialRateDollars: 200 / 600 });
    const study = Object.fromEntries(report.byStudy.map((r) => [r.key, r.values]));
    // QT: claims 1, 2, 5 -> claim 1 denied -> 1/3; dollars 100 / 900.
    expect(study.QT).toMatchObject({ claims: 3, deniedClaims: 1, deniedCents: 100_00, chargeCents: 900_00 });
    expect(study.QT?.initialDenialRate).toBeCloseTo(1 / 3);
    const code = Object.fromEntries(report.byCode.map((r) => [r.key, r.values]));
    // CARC 50: initial only on claim 1 -> 1/6 of all claims; 55: claim 3 -> 1/6; 29: claim 6.
    expect(code['50']).toMatchObject({ claims: 6, deniedClaims: 1, deniedCents: 60_00 });
    expect(code['29']).toMatchObject({ deniedClaims: 1, deniedCents: 100_00, initialDenialRateDollars: 0.05 });
  });

  it('overturn rate: at request level, partial counts as overturned, pending left out [NCQA-OVT]', () => {
    // Decided: denial 1 overturned, 3 partially, unknown denial 99 ignored (no denial), 4 pending -> 2/2.
    expect(report.totals).toMatchObject({ appealsDecided: 2, appealsOverturned: 2, overturnRate: 1 });
    const withUpheld = computeMetrics({ claims, denials, appeals: [...appeals, { denialId: 2, decidedDate: '2024-05-01', outcome: 'upheld' }] });
    expect(withUpheld.totals).toMatchObject({ appealsDecided: 3, appealsOverturned: 2 });
    expect(withUpheld.totals.overturnRate).toBeCloseTo(2 / 3);
    // By decision month: May holds all three decisions.
    expect(withUpheld.byMonth.find((r) => r.key === '2024-05')?.values).toMatchObject({ appealsDecided: 3, appealsOverturned: 2 });
  });

  it('days from denial to appeal and to resolution: mean and median', () => {
    // To appeal: denial 1 = 10 days (03-15 -> 03-25), 3 = 30 (03-15 -> 04-14), 4 = 20 (04-10 -> 04-30).
    expect(report.totals).toMatchObject({ appealed: 3, meanDaysToAppeal: 20, medianDaysToAppeal: 20 });
    // To resolution: 1 = 60 (03-15 -> 05-14), 2 = 5, 5 = 0 -> mean 65/3, median 5.
    expect(report.totals).toMatchObject({ resolved: 3, medianDaysToResolution: 5 });
    expect(report.totals.meanDaysToResolution).toBeCloseTo(65 / 3);
  });

  it('recovery rate: recovered / denied over the appealed cohort', () => {
    // Appealed: 1 (60 denied, 60 back), 3 (200, 50 back), 4 (500, nothing yet) -> 110 / 760.
    expect(report.totals).toMatchObject({ appealedDeniedCents: 760_00, recoveredCents: 110_00 });
    expect(report.totals.recoveryRate).toBeCloseTo(110 / 760);
  });

  it('empty denominators give null, not NaN', () => {
    const empty = computeMetrics({ claims: [], denials: [], appeals: [] });
    expect(empty.totals).toMatchObject({ initialDenialRate: null, initialDenialRateDollars: null, overturnRate: null, meanDaysToAppeal: null, recoveryRate: null });
    expect(median([])).toBeNull();
    expect(median([3, 1, 2, 10])).toBe(2.5);
  });

  it('every metric is defined with its conventions and (but for recovery) a source', () => {
    for (const m of METRIC_DEFINITIONS) {
      expect(m.formula.length).toBeGreaterThan(30);
      expect(m.conventions.length).toBeGreaterThan(50);
      if (m.id !== 'recovery-rate') expect(m.sources.length).toBeGreaterThan(0);
    }
  });
});
