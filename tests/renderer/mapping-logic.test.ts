/** The mapping step's logic: matching columns by name, value maps, the date preview, drafts and profiles, the validated preview. */
import { describe, expect, it } from 'vitest';
import { autoMatchColumns, matchScore } from '../../renderer/src/screens/import/mapping/auto-match.ts';
import { guessDateFormat, previewDates } from '../../renderer/src/screens/import/mapping/date-preview.ts';
import { draftFromProfile, guessListSeparator, missingFields, newDraft, profileFits, suggestProfile, toProfile, unmappedValues, type ExportSample } from '../../renderer/src/screens/import/mapping/draft.ts';
import { PHI_MASK, mapPreviewRows, phiColumnsOf, rowsToShow } from '../../renderer/src/screens/import/mapping/mapped-rows.ts';
import { buildValueMap, distinctValues, guessValue, isCanonical } from '../../renderer/src/screens/import/mapping/value-maps.ts';
import type { MappingProfile } from '../../shared/package-spec/mapping.ts';

const EPIC: ExportSample = {
  header: ['Transaction ID', 'HAR', 'MRN', 'Service Date', 'CPT', 'Mod', 'Qty', 'Amount', 'Rev Code', 'Dx', 'Route', 'Payer', 'Financial Class', 'Patient Class'],
  rows: [
    ['T1', 'H1', 'MRN9001', '03/14/2025', '80053', 'Q1', '1', '212.00', '0301', 'C18.9,Z00.6', 'INS', 'Medicare Part B', 'MCR', 'O'],
    ['T2', 'H1', 'MRN9001', '03/14/2025', '71260', '', '1', '1450.00', '0350', 'C18.9', 'RSH', 'Medicare Part B', 'mcr', 'O'],
    ['T3', 'H2', 'MRN9002', '12/01/2025', '85025', '', '2', '48.00', '0305', 'C18.9', 'SELF', 'Aetna', 'COMM', 'I'],
    ['T4', 'H3', 'MRN9003', '12/02/2025', '85025', '', '1', '48.00', '0305', 'C18.9', 'INS', 'Plan X', 'WORKCOMP', 'O'],
  ],
};

const profile = (overrides: Partial<MappingProfile>): MappingProfile => ({
  name: 'p',
  columns: {},
  constants: {},
  dateFormat: 'YYYY-MM-DD',
  listSeparator: ';',
  valueMaps: {},
  amountUnit: 'dollars',
  ...overrides,
});

describe('matching columns by name', () => {
  it('scores the field name over a synonym over a header that contains one', () => {
    expect(matchScore('service_date', 'Service Date')).toBe(3);
    expect(matchScore('service_date', 'DOS')).toBe(2);
    expect(matchScore('service_date', 'Original Date of Service')).toBe(1);
    expect(matchScore('service_date', 'Amount')).toBe(0);
  });

  it('maps an Epic-style export, each header to one field', () => {
    expect(autoMatchColumns(EPIC.header)).toEqual({
      charge_id: 'Transaction ID',
      account_id: 'HAR',
      mrn: 'MRN',
      service_date: 'Service Date',
      cpt_hcpcs: 'CPT',
      modifiers: 'Mod',
      units: 'Qty',
      charge_amount: 'Amount',
      revenue_code: 'Rev Code',
      dx_codes: 'Dx',
      bill_to: 'Route',
      payer_name: 'Payer',
      payer_type: 'Financial Class',
      setting: 'Patient Class',
    });
  });

  it('prefers the exact name when two headers could feed a field, and leaves unknown headers out', () => {
    const columns = autoMatchColumns(['Charge Amount', 'Amount Paid', 'Widget', 'payer_type', 'Payer']);
    expect(columns.charge_amount).toBe('Charge Amount');
    expect(columns.payer_type).toBe('payer_type');
    expect(columns.payer_name).toBe('Payer');
    expect(Object.values(columns)).not.toContain('Widget');
  });
});

describe('value maps', () => {
  it('knows which values the importer takes as they are', () => {
    expect(isCanonical('payer_type', 'medicare advantage')).toBe(true);
    expect(isCanonical('payer_type', 'MCR')).toBe(false);
  });

  it('guesses common codes and refuses to guess an ambiguous one', () => {
    expect(guessValue('payer_type', 'MCR')).toBe('MEDICARE');
    expect(guessValue('payer_type', 'MCR ADV')).toBe('MEDICARE_ADVANTAGE');
    expect(guessValue('payer_type', 'Commerc')).toBe('COMMERCIAL');
    expect(guessValue('payer_type', 'MED')).toBe('');
    expect(guessValue('bill_to', 'RSH')).toBe('STUDY');
    expect(guessValue('setting', 'O')).toBe('OUTPATIENT');
    expect(guessValue('claim_type', 'UB04')).toBe('INSTITUTIONAL');
  });

  it('lists the distinct values of a column, case-insensitively, in first-seen order', () => {
    expect(distinctValues(EPIC.rows, 12)).toEqual(['MCR', 'COMM', 'WORKCOMP']);
  });

  it('builds a map of the values needing one, keeping earlier choices', () => {
    expect(buildValueMap('payer_type', ['MCR', 'COMM', 'WORKCOMP', 'MEDICAID'])).toEqual({ MCR: 'MEDICARE', COMM: 'COMMERCIAL', WORKCOMP: '' });
    expect(buildValueMap('payer_type', ['mcr'], { MCR: 'MEDICARE_ADVANTAGE', HMO: 'COMMERCIAL' })).toEqual({ MCR: 'MEDICARE_ADVANTAGE', HMO: 'COMMERCIAL' });
  });
});

describe('the date preview', () => {
  it('converts as the importer will and marks what does not fit', () => {
    expect(previewDates(['03/14/2025', '13/01/2025', '', '2025-03-14'], 'MM/DD/YYYY')).toEqual([
      { raw: '03/14/2025', iso: '2025-03-14' },
      { raw: '13/01/2025', iso: null },
      { raw: '2025-03-14', iso: '2025-03-14' },
    ]);
    expect(previewDates(['14.03.2025 00:00:00'], 'DD.MM.YYYY')).toEqual([{ raw: '14.03.2025 00:00:00', iso: '2025-03-14' }]);
  });

  it('guesses month-first for US dates and day-first when only that fits', () => {
    expect(guessDateFormat(['03/14/2025', '12/01/2025'])).toBe('MM/DD/YYYY');
    expect(guessDateFormat(['14/03/2025', '01/12/2025'])).toBe('DD/MM/YYYY');
    expect(guessDateFormat(['20250314'])).toBe('YYYYMMDD');
    expect(guessDateFormat(['soon'])).toBeNull();
    expect(guessDateFormat([])).toBeNull();
  });
});

describe('drafts and profiles', () => {
  it('starts a new draft from names, dates and values seen', () => {
    const draft = newDraft(EPIC, 'Epic HB');
    expect(draft.dateFormat).toBe('MM/DD/YYYY');
    expect(draft.valueMaps).toEqual({
      bill_to: { INS: 'INSURANCE', RSH: 'STUDY', SELF: 'PATIENT' },
      payer_type: { MCR: 'MEDICARE', COMM: 'COMMERCIAL', WORKCOMP: '' },
      setting: { O: 'OUTPATIENT', I: 'INPATIENT' },
    });
    expect(missingFields(draft)).toEqual(['claim_type']);
    expect(unmappedValues(draft)).toEqual([{ field: 'payer_type', value: 'WORKCOMP' }]);
  });

  it('guesses the list separator from the list columns', () => {
    expect(newDraft(EPIC).listSeparator).toBe(',');
    expect(guessListSeparator(['Q1;GA', 'C18.9,Z00.6'])).toBe(';');
    expect(guessListSeparator(['Q1|GA'])).toBe('|');
    expect(guessListSeparator(['Q1', ''])).toBe(';');
  });

  it('becomes a profile once every required field has a column or a value, dropping unchosen values', () => {
    const draft = newDraft(EPIC, 'Epic HB');
    expect(toProfile(draft)).toEqual({ ok: false, reason: 'Map a column or set a value for: claim_type.' });
    expect(toProfile({ ...draft, name: ' ' })).toMatchObject({ ok: false, reason: expect.stringContaining('name') });
    const result = toProfile({ ...draft, constants: { claim_type: 'INSTITUTIONAL', payer_name: '' } });
    if (!result.ok) throw new Error(result.reason);
    expect(result.profile.constants).toEqual({ claim_type: 'INSTITUTIONAL' });
    expect(result.profile.valueMaps.payer_type).toEqual({ MCR: 'MEDICARE', COMM: 'COMMERCIAL' });
    expect(result.profile.listSeparator).toBe(',');
  });

  it('suggests the saved profile that fits the export best', () => {
    const small = profile({ name: 'small', columns: { charge_id: 'transaction id' } });
    const big = profile({ name: 'big', columns: { charge_id: 'Transaction ID', mrn: 'mrn', cpt_hcpcs: 'CPT' } });
    const other = profile({ name: 'other', columns: { charge_id: 'Line', mrn: 'MRN', cpt_hcpcs: 'CPT', units: 'Qty' } });
    expect(profileFits(small, EPIC)).toBe(true);
    expect(profileFits(other, EPIC)).toBe(false);
    expect(suggestProfile([small, other, big], EPIC)?.name).toBe('big');
    expect(suggestProfile([other], EPIC)).toBeNull();
  });

  it('applies a saved profile with the export’s own spelling of its columns', () => {
    const saved = profile({ name: 'Epic', columns: { mrn: 'mrn', payer_type: 'financial class' }, valueMaps: { payer_type: { MCR: 'MEDICARE' } } });
    const draft = draftFromProfile(saved, EPIC);
    expect(draft.columns).toEqual({ mrn: 'MRN', payer_type: 'Financial Class' });
    expect(draft.valueMaps.payer_type).toEqual({ MCR: 'MEDICARE', COMM: 'COMMERCIAL', WORKCOMP: '' });
  });
});

describe('the validated preview', () => {
  it('maps rows as the importer will, masks PHI and names what would be refused', () => {
    const draft = { ...newDraft(EPIC, 'Epic'), constants: { claim_type: 'INSTITUTIONAL' } };
    const rows = mapPreviewRows(draft, EPIC);
    expect(rows).toHaveLength(4);
    const first = Object.fromEntries(rows[0]?.cells.map((c) => [c.field, c.text]) ?? []);
    expect(first).toMatchObject({ mrn: PHI_MASK, account_id: PHI_MASK, service_date: '2025-03-14', dx_codes: 'C18.9;Z00.6', payer_type: 'MEDICARE', claim_type: 'INSTITUTIONAL' });
    expect(rows[0]?.problemCount).toBe(0);
    const fourth = rows[3];
    expect(fourth?.line).toBe(5);
    expect(fourth?.cells.find((c) => c.field === 'payer_type')?.problem).toMatch(/WORKCOMP/);
    expect(JSON.stringify(rows)).not.toContain('MRN9001');
  });

  it('shows the first rows and the refused ones further down', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ line: i + 2, cells: [], problemCount: i === 20 ? 1 : 0 }));
    expect(rowsToShow(rows).map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 22]);
  });

  it('finds the columns a mapping sends to PHI fields', () => {
    expect([...phiColumnsOf({ mrn: 'mrn', account_id: 'HAR', cpt_hcpcs: 'CPT' }, EPIC.header)]).toEqual([1, 2]);
  });
});
