/** Deadlines per payer kind, overrides, and days left from a fixed today. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINES, daysLeft, pendingDeadline, resolveDeadlineRule, type DeadlineInput } from '../../shared/denials/deadlines.ts';

const base: DeadlineInput = {
  status: 'open',
  action: 'appeal',
  rebillTo: null,
  denialDate: '2024-04-12',
  serviceDate: '2024-03-12',
  decidedDate: null,
  rule: DEFAULT_DEADLINES.MEDICARE,
  rebillRule: null,
};

describe('deadlines', () => {
  it('Medicare redetermination: 120 days from the denial [NGS-APPEALS]', () => {
    expect(pendingDeadline(base)).toEqual({ kind: 'appeal', date: '2024-08-10' });
  });

  it('Medicare Advantage reconsideration: 60 days (flagged unverified) [222HEALTH]', () => {
    expect(DEFAULT_DEADLINES.MEDICARE_ADVANTAGE).toMatchObject({ appealDays: 60, verified: false });
    expect(pendingDeadline({ ...base, rule: DEFAULT_DEADLINES.MEDICARE_ADVANTAGE })).toEqual({ kind: 'appeal', date: '2024-06-11' });
  });

  it('commercial (and any other payer by default): 180 days [BCBSM-DOL]', () => {
    for (const kind of ['COMMERCIAL', 'MEDICAID', 'OTHER'] as const) expect(pendingDeadline({ ...base, rule: DEFAULT_DEADLINES[kind] })).toEqual({ kind: 'appeal', date: '2024-10-09' });
  });

  it('fix and resubmit: Medicare timely filing, 12 months from the date of service [FCSO-16]', () => {
    expect(pendingDeadline({ ...base, action: 'fix-resubmit', rebillTo: 'SAME_PAYER' })).toEqual({ kind: 'timely-filing', date: '2025-03-12' });
    // Calendar months, clamped: 12 months after 2024-02-29 is 2025-02-28.
    expect(pendingDeadline({ ...base, action: 'fix-resubmit', serviceDate: '2024-02-29' })?.date).toBe('2025-02-28');
  });

  it('a rebill goes by the new payer\'s limit: MA routing to Original Medicare uses Medicare\'s 12 months', () => {
    const input = { ...base, action: 'rebill-other-payer' as const, rebillTo: 'ORIGINAL_MEDICARE' as const, rule: DEFAULT_DEADLINES.MEDICARE_ADVANTAGE };
    expect(pendingDeadline(input)).toBeNull(); // the MA plan's own filing limit is unknown
    expect(pendingDeadline({ ...input, rebillRule: DEFAULT_DEADLINES.MEDICARE })).toEqual({ kind: 'timely-filing', date: '2025-03-12' });
  });

  it('after an upheld redetermination: reconsideration within 180 days of the decision [NGS-APPEALS]', () => {
    expect(pendingDeadline({ ...base, status: 'upheld', decidedDate: '2024-09-01' })).toEqual({ kind: 'next-level-appeal', date: '2025-02-28' });
    expect(pendingDeadline({ ...base, status: 'upheld', decidedDate: '2024-09-01', rule: DEFAULT_DEADLINES.COMMERCIAL })).toBeNull();
  });

  it('no deadline runs while waiting, or for sponsor, write-off and closed work', () => {
    for (const status of ['appealed', 'resubmitted', 'rebilled', 'moved-to-sponsor', 'written-off', 'overturned'] as const) expect(pendingDeadline({ ...base, status })).toBeNull();
    expect(pendingDeadline({ ...base, action: 'move-to-sponsor' })).toBeNull();
    expect(pendingDeadline({ ...base, action: 'write-off' })).toBeNull();
  });

  it('overrides: per payer beats per kind beats the default, field by field', () => {
    const rule = resolveDeadlineRule('COMMERCIAL', { appealDays: 90, timelyFilingMonths: null }, { appealDays: null, timelyFilingMonths: 6 });
    expect(rule).toMatchObject({ appealDays: 90, timelyFilingMonths: 6, appealLevel: 'Internal appeal' });
    expect(resolveDeadlineRule('COMMERCIAL', { appealDays: 90, timelyFilingMonths: null }, { appealDays: 45, timelyFilingMonths: null }).appealDays).toBe(45);
    expect(resolveDeadlineRule('MEDICARE', null, null)).toEqual(DEFAULT_DEADLINES.MEDICARE);
  });

  it('days left from an injected today; warns under 14 days', () => {
    expect(daysLeft('2024-08-10', '2024-04-20')).toEqual({ days: 112, urgency: 'ok' });
    expect(daysLeft('2024-05-03', '2024-04-20')).toEqual({ days: 13, urgency: 'due-soon' });
    expect(daysLeft('2024-05-04', '2024-04-20')).toEqual({ days: 14, urgency: 'ok' });
    expect(daysLeft('2024-04-20', '2024-04-20')).toEqual({ days: 0, urgency: 'due-soon' });
    expect(daysLeft('2024-04-19', '2024-04-20')).toEqual({ days: -1, urgency: 'overdue' });
    expect(daysLeft(null, '2024-04-20')).toEqual({ days: null, urgency: 'none' });
  });
});
