/**
 * The triage matrix: each rule of shared/denials/triage-rules.ts, case by case, with the source it
 * rests on, and the order in which they apply (a sponsor item is never "fixed" by adding an NCT).
 */
import { describe, expect, it } from 'vitest';
import { primaryReason, triageDenial, type DenialCase, type TrialContext } from '../../shared/denials/triage.ts';
import { TRIAGE_RULES } from '../../shared/denials/triage-rules.ts';

const QT: TrialContext = { studyId: 'QT', qualifying: true, nctNumber: 'NCT01234567', ideNumber: null, subjectPayerType: 'MEDICARE', designation: 'SOC', promisedFree: false, sponsorPriced: false };
const DV: TrialContext = { ...QT, studyId: 'DV', ideNumber: 'G123456', designation: 'SOC' };
const NQ: TrialContext = { ...QT, studyId: 'NQ', qualifying: false, nctNumber: null };

const denial = (cas: string, overrides: Partial<DenialCase> = {}): DenialCase => {
  const [group = 'CO', reason = ''] = cas.split('-');
  return { adjustments: [{ group, reason, amountCents: 10_000 }], remarks: [], payerKind: 'MEDICARE', trial: QT, ...overrides };
};

describe('triage: research-aware rules', () => {
  it.each([
    // [case, input, rule, category, action, basis, rebillTo, appealable]
    ['CO-50 on a SPONSOR item: move it to the sponsor, never appeal [UF-RC, FCA]', denial('CO-50', { trial: { ...QT, designation: 'SPONSOR' } }), 'SPONSOR-ITEM', 'sponsor-vs-insurance', 'move-to-sponsor', null, null, false],
    ['a sponsor item stays the sponsor\'s even when the payer asks for the NCT (CO-16 + MA50)', denial('CO-16', { remarks: ['MA50', 'MA130'], trial: { ...QT, designation: 'SPONSOR' } }), 'SPONSOR-ITEM', 'sponsor-vs-insurance', 'move-to-sponsor', null, null, false],
    ['INVESTIGATIONAL in a non-qualifying study is a protocol extra: the sponsor pays [UKY-CA]', denial('CO-55', { trial: { ...NQ, designation: 'INVESTIGATIONAL' } }), 'SPONSOR-ITEM', 'sponsor-vs-insurance', 'move-to-sponsor', null, null, false],
    ['an item supplied free: write off [UF-RC]', denial('CO-50', { trial: { ...QT, designation: 'NOT_BILLABLE' } }), 'NOT-BILLABLE', 'sponsor-vs-insurance', 'write-off', null, null, false],
    ['an item the consent promises free: write off [MIAMI-NB]', denial('CO-96', { trial: { ...QT, promisedFree: true } }), 'NOT-BILLABLE', 'sponsor-vs-insurance', 'write-off', null, null, false],
    ['CO-16 + MA50 + MA130: add the NCT and resubmit, no appeal rights [CGS-B, FCSO-16]', denial('CO-16', { remarks: ['MA50', 'MA130'] }), 'TRIAL-NUMBER', 'protocol', 'fix-resubmit', null, 'SAME_PAYER', false],
    ['MA50 without a linked charge still names the missing trial number', denial('CO-16', { remarks: ['MA50'], trial: null }), 'TRIAL-NUMBER', 'protocol', 'fix-resubmit', null, 'SAME_PAYER', false],
    ['M61 or MA123: the study approval is in question, appeal with it', denial('CO-96', { remarks: ['M61'] }), 'TRIAL-APPROVAL', 'protocol', 'appeal', 'QUALIFYING_TRIAL', null, true],
    ['CO-16 without a trial remark: unprocessable, correct and resubmit [FCSO-16]', denial('CO-16', { remarks: ['M76'] }), 'UNPROCESSABLE', 'documentation', 'fix-resubmit', null, 'SAME_PAYER', false],
    ['N211 closes the appeal route whatever the reason', denial('CO-97', { remarks: ['N211'], trial: null }), 'UNPROCESSABLE', 'documentation', 'fix-resubmit', null, 'SAME_PAYER', false],
    ['CO-109 from the MA plan for a drug-trial routine cost: rebill Original Medicare [HN-MA]', denial('CO-109', { payerKind: 'MEDICARE_ADVANTAGE', trial: { ...QT, subjectPayerType: 'MEDICARE_ADVANTAGE' } }), 'MA-ROUTING', 'coordination-of-benefits', 'rebill-other-payer', null, 'ORIGINAL_MEDICARE', true],
    ['CO-50 from the MA plan on a routine line of an MA enrollee: also Original Medicare\'s to pay', denial('CO-50', { payerKind: 'MEDICARE_ADVANTAGE', trial: { ...QT, subjectPayerType: 'MEDICARE_ADVANTAGE' } }), 'MA-ROUTING', 'coordination-of-benefits', 'rebill-other-payer', null, 'ORIGINAL_MEDICARE', true],
    ['CO-16 + MA50 + MA130 from the MA plan on a routine line of a drug trial: the plan was the wrong payer, rebill Original Medicare [HN-MA]', denial('CO-16', { remarks: ['MA50', 'MA130'], payerKind: 'MEDICARE_ADVANTAGE', trial: { ...QT, subjectPayerType: 'MEDICARE_ADVANTAGE' } }), 'MA-ROUTING', 'coordination-of-benefits', 'rebill-other-payer', null, 'ORIGINAL_MEDICARE', false],
    ['CO-16 + N290 from the MA plan on a routine line of a drug trial: Original Medicare too', denial('CO-16', { remarks: ['N290'], payerKind: 'MEDICARE_ADVANTAGE', trial: { ...QT, subjectPayerType: 'MEDICARE_ADVANTAGE' } }), 'MA-ROUTING', 'coordination-of-benefits', 'rebill-other-payer', null, 'ORIGINAL_MEDICARE', false],
    ['CO-16 + MA50 from the MA plan in an IDE study: the plan is responsible, add the IDE and NCT numbers', denial('CO-16', { remarks: ['MA50'], payerKind: 'MEDICARE_ADVANTAGE', trial: { ...DV, subjectPayerType: 'MEDICARE_ADVANTAGE' } }), 'TRIAL-NUMBER', 'protocol', 'fix-resubmit', null, 'SAME_PAYER', false],
    ['CO-16 + MA50 from the MAC for an MA enrollee of a drug trial: the MAC is right, add the NCT', denial('CO-16', { remarks: ['MA50'], payerKind: 'MEDICARE', trial: { ...QT, subjectPayerType: 'MEDICARE_ADVANTAGE' } }), 'TRIAL-NUMBER', 'protocol', 'fix-resubmit', null, 'SAME_PAYER', false],
    ['CO-109 from the MAC for an MA enrollee of a drug trial: resubmit with trial coding', denial('CO-109', { payerKind: 'MEDICARE', trial: { ...QT, subjectPayerType: 'MEDICARE_ADVANTAGE' } }), 'MA-ROUTING', 'protocol', 'fix-resubmit', null, 'SAME_PAYER', true],
    ['CO-109 from the MAC for an MA enrollee of an IDE study: rebill the MA plan [WILL-MA]', denial('CO-109', { payerKind: 'MEDICARE', trial: { ...DV, subjectPayerType: 'MEDICARE_ADVANTAGE' } }), 'MA-DEVICE', 'coordination-of-benefits', 'rebill-other-payer', null, 'MA_PLAN', true],
    ['CO-50 from the MA plan on an IDE study line: appeal, the plan is responsible [WILL-MA]', denial('CO-50', { payerKind: 'MEDICARE_ADVANTAGE', trial: { ...DV, subjectPayerType: 'MEDICARE_ADVANTAGE' } }), 'MA-DEVICE', 'protocol', 'appeal', 'MA_IDE', null, true],
    ['CO-109 for a patient in no study: bill the payer the remark names', denial('CO-109', { remarks: ['N104'], trial: null }), 'WRONG-PAYER', 'coordination-of-benefits', 'rebill-other-payer', null, 'CORRECT_PAYER', true],
    ['CO-29: timely filing, write off', denial('CO-29'), 'TIMELY-FILING', 'timely-filing', 'write-off', null, null, true],
    ['CO-22: another payer is primary', denial('OA-22'), 'COB', 'coordination-of-benefits', 'rebill-other-payer', null, 'PRIMARY_PAYER', true],
    ['CO-55 on a Q0 item for Medicare: covered when covered outside the trial [HHS-CTP]', denial('CO-55', { trial: { ...QT, designation: 'INVESTIGATIONAL' } }), 'INVESTIGATIONAL-ITEM', 'protocol', 'appeal', 'INVESTIGATIONAL_ITEM', null, true],
    ['CO-55 on the investigational item from a commercial plan, sponsor-priced: invoice the sponsor [PHSA2709]', denial('CO-55', { payerKind: 'COMMERCIAL', trial: { ...QT, subjectPayerType: 'COMMERCIAL', designation: 'INVESTIGATIONAL', sponsorPriced: true } }), 'INVESTIGATIONAL-EXCLUDED', 'sponsor-vs-insurance', 'move-to-sponsor', null, null, false],
    ['...and without a sponsor price: write off', denial('CO-55', { payerKind: 'COMMERCIAL', trial: { ...QT, designation: 'INVESTIGATIONAL' } }), 'INVESTIGATIONAL-EXCLUDED', 'sponsor-vs-insurance', 'write-off', null, null, false],
    ['CO-50 on a routine cost of a qualifying trial, Medicare: appeal under NCD 310.1 [NCD-MCD]', denial('CO-50'), 'ROUTINE-COST', 'protocol', 'appeal', 'NCD_310_1', null, true],
    ['CO-55 on a routine cost, Medicare Advantage subject billed to the MAC: NCD 310.1', denial('CO-55', { trial: { ...QT, designation: 'CONDITIONAL' } }), 'ROUTINE-COST', 'protocol', 'appeal', 'NCD_310_1', null, true],
    ['CO-55 on a routine cost, commercial plan: appeal under PHSA 2709 [PHSA2709]', denial('CO-55', { payerKind: 'COMMERCIAL', trial: { ...QT, subjectPayerType: 'COMMERCIAL' } }), 'ROUTINE-COST', 'protocol', 'appeal', 'PHSA_2709', null, true],
    ['CO-204 on a routine cost, Medicaid: appeal as a qualifying-trial routine cost', denial('CO-204', { payerKind: 'MEDICAID', trial: { ...QT, subjectPayerType: 'MEDICAID' } }), 'ROUTINE-COST', 'protocol', 'appeal', 'QUALIFYING_TRIAL', null, true],
    ['CO-50 on conventional care in a non-qualifying study: medical necessity [UKY-CA]', denial('CO-50', { trial: NQ }), 'CONVENTIONAL-CARE', 'coverage-eligibility', 'appeal', 'MEDICAL_NECESSITY', null, true],
  ] as const)('%s', (_name, input, rule, category, action, basis, rebillTo, appealable) => {
    expect(triageDenial(input)).toMatchObject({ rule, category, action, basis, rebillTo, appealable });
  });
});

describe('triage: reading of the reason code', () => {
  it.each([
    ['CO-197 precertification missing', 'CO-197', 'authorization', 'appeal', 'AUTHORIZATION'],
    ['CO-15 authorization number missing', 'CO-15', 'authorization', 'fix-resubmit', null],
    ['CO-252 documentation needed', 'CO-252', 'documentation', 'fix-resubmit', null],
    ['CO-18 duplicate', 'OA-18', 'documentation', 'write-off', null],
    ['CO-27 coverage ended', 'CO-27', 'coverage-eligibility', 'rebill-other-payer', null],
    ['CO-119 benefit maximum reached', 'CO-119', 'coverage-eligibility', 'write-off', null],
    ['CO-50 without a linked study: medical necessity', 'CO-50', 'coverage-eligibility', 'appeal', 'MEDICAL_NECESSITY'],
    ['an unknown code: appeal by hand, never a silent write-off', 'CO-Z99', 'coverage-eligibility', 'appeal', 'GENERIC'],
  ] as const)('%s', (_name, cas, category, action, basis) => {
    expect(triageDenial(denial(cas, { trial: null }))).toMatchObject({ rule: 'BY-REASON-CODE', category, action, basis });
  });

  it('a routine line that matched no calendar row is read by its reason code, and says so', () => {
    const result = triageDenial(denial('CO-50', { trial: { ...QT, designation: null } }));
    expect(result).toMatchObject({ rule: 'BY-REASON-CODE', action: 'appeal' });
    expect(result.reason).toMatch(/matched no row of the study calendar/);
  });

  it('the primary reason is the one with the largest amount', () => {
    expect(primaryReason([{ group: 'CO', reason: '97', amountCents: 100 }, { group: 'CO', reason: '50', amountCents: 900 }, { group: 'CO', reason: '16', amountCents: 900 }])).toBe('50');
    expect(triageDenial(denial('CO-50', { adjustments: [{ group: 'CO', reason: '45', amountCents: 5 }, { group: 'CO', reason: '50', amountCents: 50 }] })).primaryCarc).toBe('50');
  });

  it('every rule has a title, a condition, a conclusion and sources with addresses', () => {
    const ids = TRIAGE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of TRIAGE_RULES) {
      expect(rule.title.length).toBeGreaterThan(5);
      expect(rule.firesWhen.length).toBeGreaterThan(10);
      expect(rule.sources.length).toBeGreaterThan(0);
      for (const source of rule.sources) expect(source.url).toMatch(/^https?:\/\//);
    }
  });
});
