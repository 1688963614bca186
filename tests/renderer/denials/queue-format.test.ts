/** The denial queue's status cell and empty-queue text. */
import { describe, expect, it } from 'vitest';
import type { DenialRow } from '../../../shared/contract/denials.ts';
import { daysLeftText, emptyQueueText, queueStatusText } from '../../../renderer/src/screens/denials/format.ts';

const row = (over: Partial<Pick<DenialRow, 'status' | 'resolutionDate' | 'supersededDate'>>) => ({ status: 'open' as const, resolutionDate: null, supersededDate: null, ...over });

describe('queueStatusText', () => {
  it('reads a closing step as itself even though it carries a resolution date', () => {
    expect(queueStatusText(row({ status: 'written-off', resolutionDate: '2025-12-15' }))).toBe('Written off');
    expect(queueStatusText(row({ status: 'moved-to-sponsor', resolutionDate: '2025-12-15' }))).toBe('Moved to sponsor');
    expect(queueStatusText(row({ status: 'overturned', resolutionDate: '2025-12-15' }))).toBe('Overturned');
  });

  it('reads a denial a later remittance paid as paid, whatever step it was at', () => {
    expect(queueStatusText(row({ status: 'open', resolutionDate: '2024-06-20' }))).toBe('Paid 2024-06-20');
    expect(queueStatusText(row({ status: 'resubmitted', resolutionDate: '2024-06-20' }))).toBe('Paid 2024-06-20');
  });

  it('reads a superseded denial as superseded, and the rest by their status', () => {
    expect(queueStatusText(row({ supersededDate: '2024-06-20' }))).toBe('Superseded 2024-06-20');
    expect(queueStatusText(row({ status: 'appealed' }))).toBe('Appealed');
  });
});

describe('emptyQueueText', () => {
  it('asks for a remittance only when the store has no denial at all', () => {
    expect(emptyQueueText({ includeResolved: false }, 0).text).toMatch(/Import an 835/);
    expect(emptyQueueText({ includeResolved: false, statuses: ['written-off'] }, 0).text).toMatch(/Import an 835/);
  });

  it('says the filters hide everything, and where closed denials are', () => {
    const text = emptyQueueText({ includeResolved: false, statuses: ['written-off'] }, 12);
    expect(text.title).toBe('No denial matches these filters');
    expect(text.text).toMatch(/Include resolved and closed/);
    expect(emptyQueueText({ includeResolved: true, categories: ['authorization'] }, 12).text).not.toMatch(/Include resolved/);
  });

  it('says all is worked when nothing is open and no filter narrows', () => {
    expect(emptyQueueText({ includeResolved: false }, 12).title).toBe('No open denials');
  });
});

describe('daysLeftText', () => {
  const base = { daysLeft: null, deadlineKind: null, status: 'open', action: 'appeal', resolutionDate: null, supersededDate: null } as const;
  it('counts days left and overdue', () => {
    expect(daysLeftText({ ...base, daysLeft: 12, deadlineKind: 'appeal' })).toBe('12 days left');
    expect(daysLeftText({ ...base, daysLeft: 0, deadlineKind: 'appeal' })).toBe('Due today');
    expect(daysLeftText({ ...base, daysLeft: -1, deadlineKind: 'appeal' })).toBe('1 day overdue');
  });

  it('says when an open fix or rebill waits on a timely-filing limit nobody has set', () => {
    expect(daysLeftText({ ...base, action: 'fix-resubmit' })).toBe('Timely filing limit not set');
    expect(daysLeftText({ ...base, action: 'rebill-other-payer' })).toBe('Timely filing limit not set');
    expect(daysLeftText({ ...base, action: 'fix-resubmit', status: 'resubmitted' })).toBe('No deadline');
    expect(daysLeftText({ ...base, action: 'move-to-sponsor' })).toBe('No deadline');
    expect(daysLeftText({ ...base, action: 'fix-resubmit', supersededDate: '2024-06-20' })).toBe('No deadline');
  });
});
