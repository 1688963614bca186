/** The CARC/RARC/PLB catalogue: coverage of BRIEF 4.3 and the samples, and the triage reading. */
import { describe, expect, it } from 'vitest';
import {
  CARCS,
  CLAIM_STATUSES,
  GROUP_CODES,
  lookupCarc,
  lookupGroupCode,
  lookupPlbReason,
  lookupRarc,
  PLB_REASONS,
  RARCS,
  triageAdjustment,
} from '../../shared/remit/codes.ts';

describe('catalogue coverage', () => {
  it('has every CARC of BRIEF 4.3 and every CARC used in the sample files', () => {
    const brief = ['16', '18', '22', '23', '26', '27', '29', '45', '50', '55', '56', '96', '97', '109', '114', '119', '167', '188', '197', '204', 'A1', 'B7', '252'];
    const samples = ['1', '2', '3', '16', '23', '29', '42', '45', '94', '251', 'A2', 'A7'];
    for (const code of [...brief, ...samples]) expect(lookupCarc(code), code).not.toBeNull();
  });

  it('has the trial RARCs of BRIEF 4.3 and the RARCs used in the sample files', () => {
    for (const code of ['MA50', 'M61', 'MA128', 'MA123', 'MA130', 'N211']) expect(lookupRarc(code), code).not.toBeNull();
    for (const code of ['N14', 'N206', 'MA02', 'N386', 'N130', 'N104']) expect(lookupRarc(code), code).not.toBeNull();
    expect(RARCS.filter((r) => r.clinicalTrial).map((r) => r.code).sort()).toEqual(['M61', 'MA123', 'MA128', 'MA50']);
    expect(RARCS.filter((r) => r.noAppeal).map((r) => r.code).sort()).toEqual(['MA130', 'N211']);
  });

  it('has every PLB reason code the 5010 map allows (BRIEF 4.1)', () => {
    const allowed = '50,51,72,90,AH,AM,AP,B2,B3,BD,BN,C5,CR,CS,CT,CV,CW,DM,E3,FB,FC,GO,HM,IP,IR,IS,J1,L3,L6,LE,LS,OA,OB,PI,PL,RA,RE,SL,TL,WO,WU'.split(',');
    expect(PLB_REASONS.map((p) => p.code).sort()).toEqual([...allowed].sort());
    expect(lookupPlbReason('WO')?.description).toMatch(/overpayment/i);
  });

  it('has the group codes, with CR marked as pre-5010', () => {
    expect(GROUP_CODES.map((g) => g.code)).toEqual(['CO', 'PR', 'OA', 'PI', 'CR']);
    expect(lookupGroupCode('CR')?.validIn5010).toBe(false);
    expect(CLAIM_STATUSES['22']).toMatch(/reversal/i);
  });

  it('keeps descriptions short and codes unique', () => {
    for (const list of [CARCS, RARCS, PLB_REASONS]) {
      const codes = list.map((item) => item.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const item of list) {
        expect(item.description.length).toBeGreaterThan(3);
        expect(item.description.length).toBeLessThanOrEqual(140);
      }
    }
  });

  it('words descriptions its own way, not the official text', () => {
    // Two official phrasings we must not reproduce verbatim.
    expect(lookupCarc('45')?.description).not.toMatch(/Charge exceeds fee schedule\/maximum allowable or contracted\/legislated fee arrangement/);
    expect(lookupRarc('MA130')?.description).not.toMatch(/no appeal rights are afforded because the claim is unprocessable/);
  });
});

describe('triageAdjustment', () => {
  it.each([
    ['CO', '45', 'contractual'],
    ['CO', 'A2', 'contractual'],
    ['OA', '23', 'contractual'],
    ['PR', '1', 'patient-responsibility'],
    ['PR', '2', 'patient-responsibility'],
    ['PR', '45', 'patient-responsibility'],
    ['CO', '16', 'denial'],
    ['CO', '50', 'denial'],
    ['CO', '55', 'denial'],
    ['CO', '109', 'denial'],
    ['OA', '18', 'denial'],
    ['CO', '2', 'denial'],
    ['CO', 'ZZ9', 'denial'],
    ['CR', '45', 'contractual'],
    // Regulatory reductions and contract withholds are not denials: a MIPS penalty on every line
    // of a clinician would otherwise fill the queue and inflate the denial rate.
    ['CO', '237', 'contractual'],
    ['CO', '253', 'contractual'],
    ['CO', '104', 'contractual'],
    ['CO', '130', 'contractual'],
    ['CO', '137', 'contractual'],
    ['CO', '144', 'contractual'],
    ['CO', '161', 'contractual'],
  ])('%s-%s reads as %s', (group, reason, hint) => {
    expect(triageAdjustment(group, reason)).toBe(hint);
  });
});
