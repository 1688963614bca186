/** The study page's queries: study detail with CTA terms and invoiceables, and the billing grid with ALIGN-15 marks. */
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../db/engine/reconcile.ts';
import { importFiles } from '../../db/import/import-files.ts';
import { getBillingGrid } from '../../db/queries/setup/billing-grid.ts';
import { getStudyDetail } from '../../db/queries/setup/get-study-detail.ts';
import { setFindingStatus } from '../../db/queries/findings/update-findings.ts';
import { FILE_SPECS } from '../../shared/package-spec/files.ts';
import { memoryStore } from '../helpers/store.ts';
import { writePackage } from '../helpers/temp-dir.ts';

const csv = (kind: keyof typeof FILE_SPECS, rows: readonly string[]): string => `${FILE_SPECS[kind].columns.map((c) => c.name).join(',')}\n${rows.join('\n')}\n`;

// Listed out of visit-day order on purpose: the grid orders visits by day, procedures by calendar line.
const CALENDAR = [
  'QT,B,V2,Visit 2,28,2,2,80053,Metabolic panel,SOC,,N,N,routine',
  'QT,B,SCR,Screening,-14,14,0,71260,CT chest,SPONSOR,450.00,Y,N,research imaging',
  'QT,B,SCR,Screening,-14,14,0,80053,Metabolic panel,SOC,25.00,N,N,priced routine: ALIGN-15',
  'QT,A,V1,Visit 1,0,0,3,93000,ECG,SPONSOR,,N,Y,unpriced research: ALIGN-15',
  'QT,A,V1,Visit 1,0,0,3,85025,CBC,CONDITIONAL,,N,Y,free but conditional: ALIGN-15',
];

async function world() {
  const db = memoryStore();
  const dir = writePackage({
    'studies.csv': csv('studies', ['QT,P-QT,Qualifying drug trial,Sponsor A,NCT01234567,,Y,26.5,10,45']),
    'calendar.csv': csv('calendar', CALENDAR),
    'invoiceables.csv': csv('invoiceables', ['QT,STARTUP,Start-up fee,5000.00,ONE_TIME,Y,N', 'QT,SCRFAIL,Screen failure fee,500.00,SCREEN_FAILURE,N,Y']),
  });
  const outcome = await importFiles(db, { type: 'folder', path: dir });
  expect(outcome.status).toBe('imported');
  return db;
}

describe('the study detail', () => {
  it('gives the CTA terms, invoiceables, arms and the set-up check status', async () => {
    const db = await world();
    const before = getStudyDetail(db, 'QT');
    expect(before).toMatchObject({ studyId: 'QT', nctNumber: 'NCT01234567', qualifyingTrial: true, overheadBp: 2650, holdbackBp: 1000, paymentTermsDays: 45, arms: ['A', 'B'] });
    expect(before?.checks).toEqual({ lastRunAt: null, setupFindings: 0 });
    expect(before?.invoiceables.map((i) => [i.itemCode, i.amountCents, i.kind, i.holdbackExempt, i.overheadExempt])).toEqual([
      ['SCRFAIL', 50000, 'SCREEN_FAILURE', false, true],
      ['STARTUP', 500000, 'ONE_TIME', true, false],
    ]);
    expect(before?.counts.calendarItems).toBe(5);
    reconcile(db);
    const after = getStudyDetail(db, 'QT');
    expect(after?.checks.setupFindings).toBe(3);
    expect(after?.checks.lastRunAt).not.toBeNull();
    expect(getStudyDetail(db, 'NOPE')).toBeNull();
  });
});

describe('the billing grid', () => {
  it('puts visits in day order and procedures in calendar order, per arm', async () => {
    const grid = getBillingGrid(await world(), 'QT');
    expect(grid?.arms.map((a) => a.arm)).toEqual(['A', 'B']);
    const b = grid?.arms[1];
    expect(b?.visits.map((v) => [v.code, v.day])).toEqual([
      ['SCR', -14],
      ['V2', 28],
    ]);
    expect(b?.procedures.map((p) => p.cpt)).toEqual(['80053', '71260']);
    const ct = b?.cells.find((c) => b.procedures[c.procedure]?.cpt === '71260');
    expect(ct).toMatchObject({ designation: 'SPONSOR', priceCents: 45000, requiresPreapproval: true, promisedFree: false, findings: [] });
    expect(b?.visits[ct?.visit ?? -1]?.code).toBe('SCR');
  });

  it('marks the cells of ALIGN-15 findings with their issues, and drops dismissed ones', async () => {
    const db = await world();
    reconcile(db);
    const marked = () =>
      (getBillingGrid(db, 'QT')?.arms ?? []).flatMap((arm) =>
        arm.cells.filter((c) => c.findings.length > 0).map((c) => `${arm.arm} ${arm.visits[c.visit]?.code} ${arm.procedures[c.procedure]?.cpt}`),
      );
    expect(marked().sort()).toEqual(['A V1 85025', 'A V1 93000', 'B SCR 80053']);
    const ecg = getBillingGrid(db, 'QT')?.arms[0]?.cells.find((c) => c.designation === 'SPONSOR');
    expect(ecg?.findings[0]?.issues).toEqual(['it is a research item (SPONSOR) with no sponsor price: it can never be invoiced']);
    setFindingStatus(db, { ids: [ecg?.findings[0]?.id ?? 0], status: 'dismissed', reason: 'priced in the amended budget', actor: 'ana' }, new Date());
    expect(marked().sort()).toEqual(['A V1 85025', 'B SCR 80053']);
  });

  it('is null for an unknown study', async () => {
    expect(getBillingGrid(await world(), 'NOPE')).toBeNull();
  });
});
