/** Letter templates per category and basis, and the resubmission worksheet (pure functions). */
import { describe, expect, it } from 'vitest';
import { draftLetter, letterParagraphs, type LetterFacts } from '../../shared/denials/letter.ts';
import { triageDenial } from '../../shared/denials/triage.ts';
import { DENIAL_CATEGORIES } from '../../shared/denials/vocabulary.ts';
import { buildWorksheet, type BilledClaimFacts } from '../../shared/denials/worksheet.ts';

const STUDY = {
  studyId: 'QT',
  title: 'A Phase III Trial of Drug Q',
  protocolNumber: 'P-QT',
  sponsor: 'Sponsor A',
  nctNumber: 'NCT01234567',
  ideNumber: null,
  qualifying: true,
  designationLabel: 'Routine care (bill insurance)',
  justification: 'Restaging scan as in standard care',
  visitName: 'Visit 1',
  procedureName: 'CT chest',
  consentDate: '2024-02-15',
};

const FACTS: LetterFacts = {
  today: '2024-04-20',
  payerName: 'MEDICARE PART B MAC',
  appealLevel: 'Redetermination by the MAC',
  siteName: 'UNIVERSITY CANCER CENTER',
  claimNumber: 'ICN-2003',
  patientAccount: 'ACCT-2003',
  patientLines: ['Beneficiary: LOE, ANNA', 'Medicare number: 4EG4TE5MK76'],
  serviceDate: '2024-03-12',
  procedure: '71260-Q1',
  billedCents: 40_000,
  paidCents: 0,
  deniedCents: 40_000,
  denialCodes: ['CO-50 $400.00: Payer judged the service not medically necessary.'],
  remarkCodes: [],
  category: 'protocol',
  basis: 'NCD_310_1',
  study: STUDY,
  coding: { q1: true, q0: false, z006: true, nctOnClaim: true, ideOnClaim: false },
};

describe('appeal letter templates', () => {
  it('every category template quotes the claim, the codes and a request, and closes for signature', () => {
    for (const category of DENIAL_CATEGORIES) {
      const text = draftLetter({ ...FACTS, category, basis: 'GENERIC' });
      expect(text).toContain('Claim number: ICN-2003');
      expect(text).toContain('Denial codes: CO-50 $400.00');
      expect(text).toMatch(/We (ask|request)/);
      expect(text).toMatch(/Sincerely,\n\n\[Name\]\nResearch Billing Coordinator, UNIVERSITY CANCER CENTER/);
    }
  });

  it('the argument follows the basis: NCD 310.1, PHSA 2709, IDE for an MA enrollee', () => {
    expect(draftLetter(FACTS)).toMatch(/qualifying clinical trial under Medicare National Coverage Determination 310\.1/);
    expect(draftLetter(FACTS)).toMatch(/it carried the Q1 modifier, diagnosis Z00\.6, the study's NCT number/);
    const phsa = draftLetter({ ...FACTS, basis: 'PHSA_2709', patientLines: ['Member ID: W123'] });
    expect(phsa).toMatch(/section 2709 of the Public Health Service Act/);
    expect(phsa).not.toMatch(/NCD 310\.1/);
    const device = draftLetter({ ...FACTS, basis: 'MA_IDE', study: { ...STUDY, ideNumber: 'G123456' } });
    expect(device).toMatch(/Medicare Managed Care Manual, chapter 4, section 10\.7\.2/);
    expect(device).toMatch(/IDE G123456/);
  });

  it('says nothing about the claim\'s coding that the charge export does not show', () => {
    expect(draftLetter({ ...FACTS, coding: { q1: false, q0: false, z006: false, nctOnClaim: false, ideOnClaim: false } })).not.toMatch(/it carried/);
  });

  it('splits edited text into paragraphs at blank lines, keeping single line breaks', () => {
    expect(letterParagraphs('A\nB\r\n\r\n\n C \n\n')).toEqual(['A\nB', 'C']);
  });
});

const BILLED: BilledClaimFacts = { procedureCode: '99213', modifiers: [], dxCodes: ['C34.90'], nctOnClaim: null, ideOnClaim: null, conditionCodes: [], claimType: 'INSTITUTIONAL', setting: 'OUTPATIENT' };

describe('the resubmission worksheet', () => {
  it('CO-16 + MA50: every piece of trial coding the claim lacks, as a new claim', () => {
    const triage = triageDenial({ adjustments: [{ group: 'CO', reason: '16', amountCents: 1 }], remarks: ['MA50', 'MA130'], payerKind: 'MEDICARE', trial: null });
    const sheet = buildWorksheet(triage, ['MA50', 'MA130'], BILLED, { studyId: 'DV', qualifying: true, nctNumber: 'NCT07654321', ideNumber: 'G123456', designation: 'SOC' });
    expect(sheet?.items.map((i) => [i.field, i.required])).toEqual([
      ['Clinical trial (NCT) number', '07654321'],
      ['IDE number', 'G123456'],
      ['Line modifier Q1', 'add Q1'],
      ['Diagnosis Z00.6', 'add Z00.6 as a secondary diagnosis'],
      ['Condition code 30', 'add 30'],
    ]);
    expect(sheet?.submitAs).toMatch(/^a new claim/);
    expect(sheet?.remarks[0]).toMatch(/^MA50: /);
  });

  it('MA routing: the payer changes first, then the trial coding Original Medicare needs', () => {
    const triage = triageDenial({ adjustments: [{ group: 'CO', reason: '109', amountCents: 1 }], remarks: [], payerKind: 'MEDICARE_ADVANTAGE', trial: { studyId: 'QT', qualifying: true, nctNumber: 'NCT01234567', ideNumber: null, subjectPayerType: 'MEDICARE_ADVANTAGE', designation: 'SOC', promisedFree: false, sponsorPriced: false } });
    const sheet = buildWorksheet(triage, [], { ...BILLED, modifiers: ['Q1'], dxCodes: ['Z00.6'], nctOnClaim: '01234567', conditionCodes: ['30'] }, { studyId: 'QT', qualifying: true, nctNumber: 'NCT01234567', ideNumber: null, designation: 'SOC' });
    expect(sheet?.sendTo).toBe('Original Medicare (the MAC), not the Medicare Advantage plan');
    expect(sheet?.items.map((i) => i.field)).toEqual(['Payer']);
    expect(sheet?.submitAs).toBe('a new claim to the new payer');
  });

  it('no worksheet for appeals, sponsor moves and write-offs', () => {
    const appeal = triageDenial({ adjustments: [{ group: 'CO', reason: '50', amountCents: 1 }], remarks: [], payerKind: 'MEDICARE', trial: null });
    expect(buildWorksheet(appeal, [], BILLED, null)).toBeNull();
  });
});
