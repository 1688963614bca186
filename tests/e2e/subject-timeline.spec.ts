/**
 * A subject's timeline in Debian's Chromium: reached from the queue grouped by subject, it shows the
 * subject's calendar visits with their CTMS dates and every charge of the study period (read from
 * assets/demo), marks the charges the oracle has findings on, and leads to a finding and to the
 * next subject.
 */
import { addDays } from '../../shared/domain/dates.ts';
import { demoCsv, ensureChecksRun, expectedFindings, openSection } from './findings-e2e.ts';
import { expect, openApp, test } from './own-harness.ts';

const expected = expectedFindings();
// The subject with the most charge findings in the oracle: its timeline has the most to check.
const bySubject = new Map<string, typeof expected>();
for (const f of expected) {
  if (f.subject_id && f.charge_id) bySubject.set(`${f.study_id}|${f.subject_id}`, [...(bySubject.get(`${f.study_id}|${f.subject_id}`) ?? []), f]);
}
const [key, findings] = [...bySubject.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0] ?? ['|', []];
const [studyId, subjectId] = key.split('|') as [string, string];

test.describe('the subject timeline', () => {
  test('shows visits, windows and charges on one axis with the list beside it', async ({ page, demoHarness, request }) => {
    await ensureChecksRun(request, demoHarness.url);
    const subject = demoCsv('subjects.csv').find((s) => s.study_id === studyId && s.subject_id === subjectId);
    expect(subject).toBeDefined();
    await openApp(page, demoHarness.url);
    await openSection(page, 'Findings');
    await page.getByRole('radio', { name: 'By subject' }).click();
    await page.getByRole('button', { name: new RegExp(`^${subjectId} · ${studyId} `) }).click();
    await page.locator('.group-preview').getByRole('button', { name: findings[0]?.rule ?? '' }).first().click();
    await page.getByRole('button', { name: `Open subject ${subjectId}’s timeline` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Subject ${subjectId} · ${studyId}` })).toBeVisible();

    // Every calendar visit of the subject's arm, with the CTMS date where one was recorded.
    const visits = [...new Set(demoCsv('calendar.csv').filter((c) => c.study_id === studyId && c.arm === subject?.arm).map((c) => c.visit_code))];
    const list = page.getByRole('table', { name: `Visits and charges of subject ${subjectId} in date order` });
    for (const code of visits) await expect(list.getByText(`Visit ${code}`, { exact: true })).toHaveCount(1);
    for (const v of demoCsv('visits.csv').filter((row) => row.study_id === studyId && row.subject_id === subjectId && row.status === 'COMPLETED')) {
      await expect(list.locator('tr', { has: page.getByText(`Visit ${v.visit_code}`, { exact: true }) })).toContainText(v.visit_date ?? '');
    }

    // Every charge of the subject's MRN from 30 days before consent to 30 days after the study period.
    const mrn = (subject?.mrn ?? '').toUpperCase();
    const from = addDays(subject?.consent_date ?? '', -30);
    const to = subject?.off_study_date ? addDays(subject.off_study_date, 30) : '9999-12-31';
    const charges = demoCsv('charges.csv').filter((c) => (c.mrn ?? '').toUpperCase() === mrn && (c.service_date ?? '') >= from && (c.service_date ?? '') <= to);
    const chart = page.getByRole('img', { name: new RegExp(`^Timeline of subject ${subjectId}`) });
    await expect(chart.locator('[data-charge-id]')).toHaveCount(charges.length);
    await expect(list.locator('[data-charge-row]')).toHaveCount(charges.length);
    // The charges the oracle has findings on are marked by severity; the MRN is never on screen.
    for (const f of findings) await expect(chart.locator(`[data-charge-id="${f.charge_id}"]`)).not.toHaveAttribute('data-severity', 'none');
    expect(await page.locator('.subject-screen').textContent()).not.toContain(mrn);

    const target = findings[0];
    const marker = chart.locator(`[data-charge-id="${target?.charge_id}"]`);
    await marker.focus();
    await page.keyboard.press('Enter');
    await expect(marker).toHaveAttribute('aria-pressed', 'true');
    const row = list.locator(`[data-charge-row="${target?.charge_id}"]`);
    await expect(row).toHaveClass(/tl-row-selected/);
    await expect(row).toBeInViewport();
    await row.getByRole('button', { name: target?.rule ?? '' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(target?.rule ?? '') })).toBeVisible();
    await page.getByRole('button', { name: `Open subject ${subjectId}’s timeline` }).click();

    // On to a neighbouring subject of the study (the next one, or the previous one for the last).
    const ids = demoCsv('subjects.csv')
      .filter((s) => s.study_id === studyId)
      .map((s) => s.subject_id)
      .sort();
    const at = ids.indexOf(subjectId);
    const forward = at < ids.length - 1;
    await page.getByRole('button', { name: forward ? 'Next subject →' : '← Previous subject' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Subject ${ids[forward ? at + 1 : at - 1] ?? ''} · ${studyId}` })).toBeVisible();
  });
});
