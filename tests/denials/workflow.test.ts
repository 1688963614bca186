/**
 * The denial channels end to end through dispatch: the remit-import job and its triage, the queue by
 * days left with warnings, the detail, the status workflow with its dates, payer settings moving
 * deadlines, and the metrics the workflow feeds.
 */
import { describe, expect, it } from 'vitest';
import type { RemitImportJobResult } from '../../shared/contract/denials.ts';
import { call, jobResult, testBackend } from './backend.ts';
import { denialWorld, FIXTURES } from './world.ts';

const at = (date: string) => (): Date => new Date(`${date}T12:00:00.000Z`);

async function backendWithDenials(today = '2024-07-31') {
  const db = await denialWorld();
  const backend = testBackend(db, at(today));
  for (const file of ['trial-co16-ma50-ma130.835', 'trial-co109-medicare-advantage.835', 'trial-co50-routine.835', 'trial-co50-sponsor.835']) {
    const { fileId } = backend.files.register(`${FIXTURES}/${file}`);
    const { jobId } = await call(backend, 'remit:import', { fileId });
    const result = (await jobResult(backend, jobId)) as RemitImportJobResult;
    expect(result.outcome.status).toBe('imported');
    expect(result.triage?.denials).toBe(1);
  }
  return backend;
}

describe('the denial queue', () => {
  it('sorts by days left, flags what is due within 14 days, and puts denials without a deadline last', async () => {
    const backend = await backendWithDenials('2024-07-31');
    const page = await call(backend, 'denials:list', {});
    expect(page.today).toBe('2024-07-31');
    expect(page.rows.map((r) => [r.rule, r.deadline, r.daysLeft, r.urgency])).toEqual([
      ['ROUTINE-COST', '2024-08-10', 10, 'due-soon'],
      ['TRIAL-NUMBER', '2025-03-05', 217, 'ok'],
      ['MA-ROUTING', '2025-03-10', 222, 'ok'],
      ['SPONSOR-ITEM', null, null, 'none'],
    ]);
    expect(page.rows[0]).toMatchObject({ codes: ['CO-50'], remarks: ['N386'], procedure: '71260-Q1', studyId: 'QT', subjectId: 'Q-001', claimNumber: 'ICN-2003', payerKind: 'MEDICARE' });
    const due = await call(backend, 'denials:list', { filter: { dueWithinDays: 14 } });
    expect(due.rows.map((r) => r.rule)).toEqual(['ROUTINE-COST']);
    const summary = await call(backend, 'denials:summary', {});
    expect(summary).toMatchObject({ open: 4, dueSoon: 1, overdue: 0, openDeniedCents: 25_000 + 18_000 + 40_000 + 7_500 });
  });

  it('a denial opens with its codes, rule, charge, study, calendar row, findings and worksheet', async () => {
    const backend = await backendWithDenials();
    const detail = await call(backend, 'denials:get', { id: 1 });
    expect(detail).toMatchObject({
      rule: 'TRIAL-NUMBER',
      ruleTitle: 'Clinical-trial or IDE number missing',
      appealable: false,
      denialCodes: [{ code: 'CO-16', amountCents: 25_000 }],
      charge: { chargeId: 'CHG-000123', linkMethod: 'REF_6R', cpt: '99213' },
      study: { studyId: 'QT', subjectId: 'Q-001', qualifying: true },
      calendar: { window: { visitName: 'Visit 1', expectedDate: '2024-03-01' } },
      worksheet: { sendTo: 'the same payer', items: [expect.objectContaining({ field: 'Clinical trial (NCT) number', current: '(none)', required: '01234567' })] },
      nextStatuses: ['appealed', 'resubmitted', 'rebilled', 'moved-to-sponsor', 'written-off'],
    });
    expect(detail?.calendar.rows).toEqual([expect.objectContaining({ visitCode: 'V1', designation: 'Routine care (bill insurance)', matched: true })]);
    expect(detail?.remarkCodes.map((r) => r.code)).toEqual(['MA50', 'MA130']);
    expect(detail?.ruleSources.map((s) => s.key)).toContain('CGS-B');
    expect(await call(backend, 'denials:get', { id: 999 })).toBeNull();
  });
});

describe('the workflow', () => {
  it('records appeal and decision dates, refuses steps outside the workflow, and feeds the metrics', async () => {
    const backend = await backendWithDenials();
    await expect(call(backend, 'denials:set-status', { ids: [3], status: 'overturned' })).rejects.toMatchObject({ code: 'BAD_TRANSITION' });
    await expect(call(backend, 'denials:set-status', { ids: [3], status: 'appealed', date: '2024-01-01' })).rejects.toMatchObject({ code: 'BAD_DATE' });
    await call(backend, 'denials:set-status', { ids: [3], status: 'appealed', date: '2024-05-02' });
    let detail = await call(backend, 'denials:get', { id: 3 });
    expect(detail).toMatchObject({ status: 'appealed', appealDate: '2024-05-02', deadline: null, nextStatuses: ['overturned', 'upheld', 'open'] });
    await call(backend, 'denials:set-status', { ids: [3], status: 'upheld', date: '2024-06-30' });
    detail = await call(backend, 'denials:get', { id: 3 });
    // Upheld by the MAC: reconsideration by the QIC within 180 days of the decision.
    expect(detail).toMatchObject({ status: 'upheld', decidedDate: '2024-06-30', deadline: '2024-12-27', deadlineKind: 'next-level-appeal' });
    await call(backend, 'denials:set-status', { ids: [3], status: 'appealed', date: '2024-07-10' });
    await call(backend, 'denials:set-status', { ids: [3], status: 'overturned', date: '2024-07-30', recoveredCents: 40_000 });
    await call(backend, 'denials:set-status', { ids: [4], status: 'moved-to-sponsor', date: '2024-04-22', note: 'added to invoice INV-7' });
    const appeals = backend.db.prepare('SELECT level, sent_date, decided_date, outcome FROM appeals ORDER BY level').all();
    expect(appeals).toEqual([
      { level: 1, sent_date: '2024-05-02', decided_date: '2024-06-30', outcome: 'upheld' },
      { level: 2, sent_date: '2024-07-10', decided_date: '2024-07-30', outcome: 'overturned' },
    ]);
    const queue = await call(backend, 'denials:list', {});
    expect(queue.rows.map((r) => r.id).sort()).toEqual([1, 2]);
    const metrics = await call(backend, 'denials:metrics', {});
    // Two requests decided, one overturned; denial 3 appealed 20 days after its denial (04-12 -> 05-02), resolved 109 days after.
    expect(metrics.totals).toMatchObject({ appealsDecided: 2, appealsOverturned: 1, overturnRate: 0.5, appealed: 1, meanDaysToAppeal: 20, recoveredCents: 40_000, recoveryRate: 1, resolved: 2 });
    expect(metrics.totals.meanDaysToResolution).toBe((109 + 10) / 2);
    const history = (await call(backend, 'denials:get', { id: 4 }))?.events.map((e) => [e.kind, e.toStatus, e.note]);
    expect(history).toEqual([['triaged', null, 'SPONSOR-ITEM: sponsor-vs-insurance, move-to-sponsor'], ['status', 'moved-to-sponsor', 'added to invoice INV-7']]);
  });

  it('payer settings move the deadlines of open denials', async () => {
    const backend = await backendWithDenials();
    const before = await call(backend, 'denials:payer-settings', {});
    expect(before.find((p) => p.payerKey === 'kind:MEDICARE')).toMatchObject({ appealDays: 120, timelyFilingMonths: 12, overridden: false, verified: true });
    expect(before.find((p) => p.payerKey === 'kind:MEDICARE_ADVANTAGE')).toMatchObject({ appealDays: 60, verified: false });
    expect(before.map((p) => p.payerKey)).toContain('id:04412');
    await call(backend, 'denials:save-payer-setting', { payerKey: 'id:04412', label: 'MEDICARE PART B MAC', appealDays: 90, timelyFilingMonths: null });
    const routine = (await call(backend, 'denials:get', { id: 3 }))?.deadline;
    expect(routine).toBe('2024-07-11'); // 2024-04-12 + 90 days
    await expect(call(backend, 'denials:save-payer-setting', { payerKey: 'kind:NOPE', label: 'x', appealDays: 1, timelyFilingMonths: null })).rejects.toMatchObject({ code: 'BAD_PAYER_KEY' });
    await call(backend, 'denials:save-payer-setting', { payerKey: 'id:04412', label: 'MEDICARE PART B MAC', appealDays: null, timelyFilingMonths: null });
    expect((await call(backend, 'denials:get', { id: 3 }))?.deadline).toBe('2024-08-10');
  });

  it('lists imported files with what their triage found', async () => {
    const backend = await backendWithDenials();
    const files = await call(backend, 'remit:files', {});
    expect(files).toHaveLength(4);
    expect(files[0]).toMatchObject({ fileName: 'trial-co50-sponsor.835', claims: 1, lines: 2, linkedLines: 2, denials: 1, deniedCents: 7_500, payers: 'MEDICARE PART B MAC' });
  });
});
