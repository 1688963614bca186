/** Pure logic of the finding detail, the subject timeline and the dashboard. */
import { describe, expect, it } from 'vitest';
import { compactDollars, monthLabel, pivotAgeing, pivotByStudy, pivotTrend } from '../../../renderer/src/screens/dashboard/dashboard-data.ts';
import { evidenceBlocks, firedChecks, text } from '../../../renderer/src/screens/findings/detail/evidence-model.ts';
import { describeDecision } from '../../../renderer/src/screens/findings/use-finding-actions.ts';
import { timelineEntries } from '../../../renderer/src/screens/subjects/timeline-list.tsx';
import { dateScale, monthTicks, packLanes, stackSameDay, timelineExtent, worstOpenSeverity } from '../../../renderer/src/screens/subjects/timeline-scale.ts';
import type { SubjectTimeline, TimelineCharge } from '../../../shared/contract/subjects.ts';

// The shape the engine stores (shared/rules/evidence.ts), as for a DBL-03 finding of the demo.
const EVIDENCE = {
  rule: 'Double billing',
  invoice_line: { invoice_number: 'INV-1', visit_code: 'SCR', service_date: '2025-07-20', amount_cents: 240_000 },
  fired: [{ field: 'bill_to', found: 'INSURANCE', expected: 'not both a payer and the sponsor' }],
  charge: { charge_id: 'C1', service_date: '2025-07-20', cpt_hcpcs: '93458', modifiers: ['Q1'], units: 1, amount_cents: 980_000, bill_to: 'INSURANCE', payer_type: 'MEDICARE_ADVANTAGE', nct_on_claim: null, source: 'charges.csv line 4' },
  calendar: { arm: 'T', visit_code: 'SCR', visit_name: 'Screening', visit_day: -21, window_before_days: 9, window_after_days: 20, cpt_hcpcs: '93458', procedure_name: 'Heart cath', designation: 'CONDITIONAL', sponsor_price_cents: 240_000, requires_preapproval: false, promised_free: true, expected_date: '2025-07-20', window: { from: '2025-07-11', to: '2025-08-09' }, days_from_expected: 3 },
  study: { study_id: 'S', qualifying_trial: true, nct_number: 'NCT09923456', ide_number: 'G1', device_study: true },
  enrolment: { subject_id: '201-020', arm: 'T', consent_date: '2025-07-18', start_date: '2025-08-10', off_study_date: null, payer_type: 'MEDICARE', status: 'ENROLLED' },
};

describe('the evidence model', () => {
  it('lays the evidence out as blocks, marking the fields the rule fired on', () => {
    const blocks = evidenceBlocks(EVIDENCE);
    expect(blocks.map((b) => b.id)).toEqual(['charge', 'calendar', 'coverage', 'consent', 'invoice_line', 'enrolment', 'study']);
    const charge = blocks[0]?.fields ?? [];
    expect(charge.find((f) => f.label === 'Billed to')).toEqual({ label: 'Billed to', value: 'INSURANCE', fired: true });
    expect(charge.find((f) => f.label === 'Amount')?.value).toBe('$9,800.00');
    expect(charge.find((f) => f.label === 'Payer type')?.value).toBe('Medicare Advantage');
    expect(charge.find((f) => f.label === 'NCT on claim')?.value).toBe('—');
    const calendar = blocks[1]?.fields ?? [];
    expect(calendar.find((f) => f.label === 'Window')?.value).toBe('2025-07-11 to 2025-08-09');
    expect(calendar.find((f) => f.label === 'Visit day')?.value).toBe('day -21 (−9/+20 days)');
    expect(calendar.find((f) => f.label === 'Days from expected')?.value).toBe('+3');
    expect(blocks[2]?.fields.find((f) => f.label === 'Designation')?.value).toMatch(/^CONDITIONAL: /);
    expect(blocks[3]?.fields).toEqual([{ label: 'Promised at no cost in the consent', value: 'Yes' }]);
    expect(firedChecks(EVIDENCE)).toEqual([{ field: 'bill_to', found: 'INSURANCE', expected: 'not both a payer and the sponsor' }]);
  });

  it('says what is missing, and survives shapes it does not know', () => {
    const blocks = evidenceBlocks({ invoice_line: null, fired: [{ field: 'invoice_line', found: null, expected: 'a line' }], issues: ['a', 'b'], odd: 5 });
    expect(blocks.map((b) => [b.id, b.fields[0]?.value])).toEqual([
      ['invoice_line', 'No sponsor invoice line for this item'],
      ['issues', 'a'],
    ]);
    expect(evidenceBlocks({ charge: 'not an object', fired: 'nope' })).toEqual([]);
    expect(text({ a: [1, 2], b: false })).toBe('a: 1, 2; b: No');
  });

  it('says what a decision did', () => {
    expect(describeDecision({ kind: 'status', status: 'confirmed' }, 2, 2)).toBe('2 findings confirmed.');
    expect(describeDecision({ kind: 'status', status: 'dismissed', reason: 'x' }, 1, 3)).toBe('1 finding dismissed (2 findings already so).');
    expect(describeDecision({ kind: 'assign', assignee: null }, 1, 1)).toBe('1 finding unassigned.');
  });
});

const charge = (serviceDate: string, severities: ('critical' | 'warning' | 'review')[] = [], status: 'open' | 'dismissed' = 'open'): TimelineCharge => ({
  chargeId: `C-${serviceDate}-${severities.join('')}`,
  serviceDate,
  cptHcpcs: '80053',
  procedureName: null,
  units: 1,
  amountCents: 100,
  billTo: 'INSURANCE',
  payerName: null,
  visitCode: null,
  findings: severities.map((severity, i) => ({ id: i, rule: 'X-01', severity, status, amountCents: 1, message: '' })),
});

const TIMELINE: SubjectTimeline = {
  studyId: 'S',
  studyTitle: 'T',
  subjectId: '1',
  arm: 'A',
  status: 'ENROLLED',
  payerType: 'MEDICARE',
  consentDate: '2025-03-01',
  startDate: '2025-03-10',
  offStudyDate: null,
  visits: [
    { visitCode: 'V1', visitName: 'One', visitDay: 0, expectedDate: '2025-03-10', windowFrom: '2025-03-08', windowTo: '2025-03-12', actualDate: '2025-03-11', status: 'COMPLETED', findings: [] },
    { visitCode: 'V9', visitName: 'Later', visitDay: 300, expectedDate: '2026-01-04', windowFrom: '2026-01-01', windowTo: '2026-01-08', actualDate: null, status: 'NOT_RECORDED', findings: [] },
  ],
  charges: [charge('2025-03-11', ['warning']), charge('2025-03-11'), charge('2025-04-20', ['review', 'critical'])],
  otherFindings: [],
};

describe('the timeline geometry', () => {
  it('spans what happened plus a month, not every future window', () => {
    expect(timelineExtent(TIMELINE, '2025-12-01')).toEqual({ from: '2025-02-22', to: '2025-05-27' });
    expect(timelineExtent({ ...TIMELINE, offStudyDate: '2025-09-30' }, '2025-12-01').to).toBe('2025-10-07');
  });

  it('maps dates to x and labels months', () => {
    const x = dateScale({ from: '2025-01-01', to: '2025-01-11' }, 100, 200);
    expect([x('2025-01-01'), x('2025-01-06'), x('2025-01-11')]).toEqual([100, 150, 200]);
    expect(monthTicks({ from: '2024-11-15', to: '2025-02-03' }).map((t) => t.label)).toEqual(['Dec 2024', 'Jan 2025', 'Feb']);
  });

  it('packs overlapping windows into lanes and stacks same-day charges', () => {
    expect(packLanes([{ x0: 0, x1: 10 }, { x0: 5, x1: 20 }, { x0: 16, x1: 30 }, { x0: 40, x1: 50 }])).toEqual([0, 1, 0, 0]);
    expect(stackSameDay(TIMELINE.charges)).toEqual([0, 1, 0]);
  });

  it('colours a charge by its worst open finding and lists events in date order', () => {
    expect(TIMELINE.charges.map((c) => worstOpenSeverity(c.findings))).toEqual(['warning', null, 'critical']);
    expect(worstOpenSeverity(charge('2025-01-01', ['critical'], 'dismissed').findings)).toBeNull();
    expect(timelineEntries(TIMELINE).map((e) => `${e.kind}:${e.date}`)).toEqual(['visit:2025-03-11', 'charge:2025-03-11', 'charge:2025-03-11', 'charge:2025-04-20', 'visit:2026-01-04']);
  });
});

describe('the dashboard data', () => {
  it('pivots dollars by study and category, ages by severity, and months by category', () => {
    expect(
      pivotByStudy([
        { studyId: 'B', category: 'exposure', count: 1, amountCents: 10_000 },
        { studyId: 'A', category: 'leakage', count: 2, amountCents: 50_000 },
        { studyId: 'B', category: 'review', count: 1, amountCents: 45_000 },
        { studyId: '', category: 'exposure', count: 1, amountCents: 100 },
      ]),
    ).toEqual([
      { study: 'B', exposure: 100, 'denial-risk': 0, leakage: 0, review: 450, total: 550 },
      { study: 'A', exposure: 0, 'denial-risk': 0, leakage: 500, review: 0, total: 500 },
      { study: 'No study', exposure: 1, 'denial-risk': 0, leakage: 0, review: 0, total: 1 },
    ]);
    const ages = pivotAgeing([{ bucket: '31-60', severity: 'critical', count: 3, amountCents: 1 }]);
    expect(ages.map((a) => a.bucket)).toEqual(['0-30 days', '31-60 days', '61-90 days', '91-180 days', '181+ days']);
    expect(ages[1]).toEqual({ bucket: '31-60 days', critical: 3, warning: 0, review: 0 });
    const points = [
      { month: '2025-02', category: 'leakage' as const, count: 2, amountCents: 500 },
      { month: '2025-01', category: 'exposure' as const, count: 1, amountCents: 300 },
    ];
    expect(pivotTrend(points, 'count').map((r) => [r.month, r.exposure, r.leakage])).toEqual([
      ['2025-01', 1, 0],
      ['2025-02', 0, 2],
    ]);
    expect(pivotTrend(points, 'amount')[1]?.leakage).toBe(5);
  });

  it('formats compact dollars and months', () => {
    expect([compactDollars(1_234_567), compactDollars(98_400), compactDollars(1_500), compactDollars(42.4), compactDollars(25_000_000)]).toEqual(['$1.2M', '$98K', '$1.5K', '$42', '$25M']);
    expect(monthLabel('2025-03')).toBe('Mar 2025');
  });
});
