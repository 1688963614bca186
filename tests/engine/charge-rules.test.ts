/** Every per-charge rule: a case that fires and the nearest case that must not. */
import { describe, expect, it } from 'vitest';
import { CALENDAR, CLEAN, findingsOf, rulesOn, world, type Charge } from './scenario.ts';

/** Rules fired on each of the given charges (C1, C2, ... in order). */
async function rules(...charges: Partial<Charge>[]): Promise<string[][]> {
  // Distinct amounts, so variants of one line are not duplicates of each other (DUP-28) unless a test says so.
  const findings = findingsOf(await world(charges.map((c, i) => ({ charge_amount: `${212 + i}.00`, ...c }))));
  return charges.map((_, i) => rulesOn(findings, `C${i + 1}`));
}

describe('a clean charge', () => {
  it('fires nothing: Medicare SOC line with Q1, Z00.6, NCT digits and condition code 30', async () => {
    expect(await rules({})).toEqual([[]]);
  });
  it('fires nothing: an ordinary charge of a patient in no study, billed to insurance', async () => {
    expect(await rules({ mrn: 'MRN999', modifiers: '', dx_codes: 'I10', nct_on_claim: '', condition_codes: '' })).toEqual([[]]);
  });
});

describe('research and sponsor items', () => {
  it('RSH-02: a SPONSOR item billed to insurance or the patient, not to the study', async () => {
    const base = { cpt_hcpcs: '71260', service_date: '2025-01-11', modifiers: '', dx_codes: 'C18.9', condition_codes: '', nct_on_claim: '' };
    expect(await rules({ ...base }, { ...base, bill_to: 'PATIENT' }, { ...base, bill_to: 'STUDY' })).toEqual([['RSH-02'], ['RSH-02'], []]);
  });
  it('DBL-03: same subject, code and date as a sponsor invoice line, billed to insurance; not when billed to the study or another date', async () => {
    const base = { cpt_hcpcs: '71260', modifiers: '', dx_codes: 'C18.9', condition_codes: '', nct_on_claim: '' };
    expect(await rules({ ...base }, { ...base, bill_to: 'STUDY' }, { ...base, service_date: '2025-01-12' })).toEqual([['DBL-03', 'RSH-02'], [], ['RSH-02']]);
  });
  it('ICF-04: an item the consent promises free, billed to the patient; not when billed to the study', async () => {
    const base = { cpt_hcpcs: '93000', service_date: '2025-01-11', modifiers: '', dx_codes: 'C18.9', condition_codes: '', nct_on_claim: '' };
    expect(await rules({ ...base, bill_to: 'PATIENT' }, { ...base, bill_to: 'STUDY' })).toEqual([['ICF-04', 'RSH-02'], []]);
  });
  it('FREE-05: an item the sponsor supplies free is charged, even to the study; not outside its window', async () => {
    const base = { cpt_hcpcs: 'J9999', modifiers: '', bill_to: 'STUDY' };
    expect(await rules({ ...base }, { ...base, service_date: '2025-01-14' })).toEqual([['FREE-05'], ['WIN-18']]);
  });
  it('SOC-29: routine care without a sponsor price charged to the study; not a sponsor item', async () => {
    expect(await rules({ bill_to: 'STUDY' }, { bill_to: 'STUDY', cpt_hcpcs: '71260', service_date: '2025-01-11' })).toEqual([['SOC-29'], []]);
  });
  it('PRE-27: an item requiring pre-approval without an approval on that date; not with one', async () => {
    const base = { cpt_hcpcs: '78815', bill_to: 'STUDY', modifiers: '' };
    expect(await rules({ ...base, service_date: '2025-01-11' }, { ...base, service_date: '2025-01-10' })).toEqual([['PRE-27'], []]);
  });
});

describe('claim coding of the trial-coded population (qualifying trial, Medicare, routine or investigational item)', () => {
  it('MOD-08: outpatient line without Q1; not inpatient; not commercial', async () => {
    expect(await rules({ modifiers: '' }, { modifiers: '', setting: 'INPATIENT' }, { modifiers: '', payer_type: 'COMMERCIAL', payer_name: 'Aetna' })).toEqual([['MOD-08'], [], []]);
  });
  it('MOD-08: an investigational line needs Q0, not Q1; a conditional line needs Q1', async () => {
    expect(await rules({ cpt_hcpcs: '96413', modifiers: 'Q1' }, { cpt_hcpcs: '96413', modifiers: 'Q0' }, { cpt_hcpcs: '85025', modifiers: '' })).toEqual([['MOD-08'], [], ['MOD-08']]);
  });
  it('DX-09: without Z00.6; not for a commercial payer', async () => {
    expect(await rules({ dx_codes: 'C18.9' }, { dx_codes: 'C18.9', payer_type: 'COMMERCIAL' })).toEqual([['DX-09'], []]);
  });
  it('DXP-31 (added): Z00.6 first; not second', async () => {
    expect(await rules({ dx_codes: 'Z00.6;C18.9' }, { dx_codes: 'C18.9;Z006' })).toEqual([['DXP-31'], []]);
  });
  it('CC-10: institutional claim without condition code 30; not a professional claim', async () => {
    expect(await rules({ condition_codes: '' }, { condition_codes: '', claim_type: 'PROFESSIONAL' })).toEqual([['CC-10'], []]);
  });
  it('NCT-11: the NCT number missing, with its NCT prefix, or of another study; not the exact 8 digits', async () => {
    expect(await rules({ nct_on_claim: '' }, { nct_on_claim: 'NCT01234567' }, { nct_on_claim: '07654321' }, { nct_on_claim: '01234567' })).toEqual([['NCT-11'], ['NCT-11'], ['NCT-11'], []]);
  });
  it('IDE-12: a device-study line without the IDE number; not with it', async () => {
    const base = { mrn: 'MRN4', cpt_hcpcs: '93306', nct_on_claim: '07654321' };
    expect(await rules({ ...base }, { ...base, ide_on_claim: 'G123456' })).toEqual([['IDE-12'], []]);
  });
  it('not the trial-coded population: a sponsor item, or a line billed to the study, needs no trial coding', async () => {
    expect(await rules({ cpt_hcpcs: '71260', service_date: '2025-01-11', bill_to: 'STUDY', modifiers: '', dx_codes: 'C18.9', nct_on_claim: '', condition_codes: '' })).toEqual([[]]);
  });
});

describe('Medicare Advantage routing', () => {
  it('MA-13: an MA enrollee of a drug trial billed to the MA plan; not an MA subject billed to Original Medicare', async () => {
    expect(await rules({ mrn: 'MRN2', payer_type: 'MEDICARE_ADVANTAGE', payer_name: 'Humana MA' }, { mrn: 'MRN2' })).toEqual([['MA-13'], []]);
  });
  it('MA-33 (added): an MA enrollee of a device study billed to Original Medicare; not billed to the MA plan', async () => {
    const base = { mrn: 'MRN5', cpt_hcpcs: '93306', nct_on_claim: '07654321', ide_on_claim: 'G123456' };
    expect(await rules({ ...base }, { ...base, payer_type: 'MEDICARE_ADVANTAGE' })).toEqual([['MA-33'], []]);
  });
});

describe('enrolment, windows and duplicates', () => {
  it('QCT-01: trial coding on a non-qualifying study; not without it', async () => {
    const base = { mrn: 'MRN6', nct_on_claim: '', condition_codes: '' };
    expect(await rules({ ...base }, { ...base, modifiers: '', dx_codes: 'C18.9' }, { ...base, modifiers: '', dx_codes: 'C18.9;Z00.6' })).toEqual([['QCT-01'], [], ['QCT-01']]);
  });
  it('WIN-18: a calendar code one day outside its window; the last day inside matches', async () => {
    expect(await rules({ service_date: '2025-01-14' }, { service_date: '2025-01-13' }, { service_date: '2025-02-04' }, { service_date: '2025-02-05' })).toEqual([['WIN-18'], [], ['WIN-18'], []]);
  });
  it('the nearest visit wins when windows overlap', async () => {
    const calendar = [
      'QT,A,V1,Visit 1,0,0,10,71260,CT,SPONSOR,450.00,N,N,',
      'QT,A,V2,Visit 2,7,10,0,71260,CT,SPONSOR,450.00,N,N,',
      ...CALENDAR.filter((row) => !row.startsWith('QT,')),
    ];
    const db = await world([{ cpt_hcpcs: '71260', service_date: '2025-01-15', bill_to: 'PATIENT', modifiers: '', dx_codes: 'C18.9', nct_on_claim: '', condition_codes: '' }], { calendar, visits: [], approvals: [], invoices: [] });
    const found = findingsOf(db).find((f) => f.rule === 'RSH-02');
    expect(found?.visit_code).toBe('V2');
  });
  it('ENR-26: charged to the study after the off-study date or for a patient in no study; not inside the period', async () => {
    expect(await rules({ mrn: 'MRN3', service_date: '2025-03-02', bill_to: 'STUDY', cpt_hcpcs: '99213', modifiers: '' }, { mrn: 'MRN999', bill_to: 'STUDY', modifiers: '' }, { mrn: 'MRN3', service_date: '2025-03-01', bill_to: 'STUDY', cpt_hcpcs: '99213', modifiers: '' })).toEqual([['ENR-26'], ['ENR-26'], []]);
  });
  it('MODX-32 (added): Q1 on an inpatient line or on a patient in no study', async () => {
    expect(await rules({ setting: 'INPATIENT' }, { mrn: 'MRN999' })).toEqual([['MODX-32'], ['MODX-32']]);
  });
  it('DUP-28: every identical copy after the first fires; a different unit count is not a copy', async () => {
    const same = { charge_amount: '212.00' };
    expect(await rules({ ...same }, { ...same }, { ...same }, { ...same, units: '2' })).toEqual([[], ['DUP-28'], ['DUP-28'], []]);
  });
});

describe('a patient enrolled in two studies', () => {
  const subjects = ['QT,S1,MRN1,A,2025-01-01,2025-01-10,,MEDICARE,ENROLLED', 'NQ,N9,MRN1,A,2025-01-01,2025-01-10,,MEDICARE,ENROLLED'];
  it('evaluates each enrolment, and does not call trial coding false when a qualifying enrolment covers the date', async () => {
    const db = await world([{ ...CLEAN }, { bill_to: 'STUDY', charge_id: 'C2', modifiers: '' }], { subjects, visits: [], approvals: [], invoices: [] });
    const findings = findingsOf(db);
    expect(rulesOn(findings, 'C1')).toEqual([]);
    // Routine care charged to the study: SOC-29 in QT; in NQ the SOC row has no price either.
    expect(findings.filter((f) => f.charge_id === 'C2').map((f) => `${f.rule}@${f.study_id}`).sort()).toEqual(['SOC-29@NQ', 'SOC-29@QT']);
  });
});
