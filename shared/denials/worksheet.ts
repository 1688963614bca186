/**
 * The resubmission worksheet of a fix-and-resubmit or rebill denial: what must change on the claim,
 * where on the 837, what it says now and what it must say, and why. Built from the triage conclusion,
 * the charge as billed, and the study. Claim coding of qualifying-trial services follows BRIEF 1.2.
 */
import { lookupRarc } from '../remit/codes.ts';
import type { TriageResult } from './triage.ts';

/** The charge as billed (what the claim said), from the charge export. */
export interface BilledClaimFacts {
  readonly procedureCode: string;
  readonly modifiers: readonly string[];
  readonly dxCodes: readonly string[];
  readonly nctOnClaim: string | null;
  readonly ideOnClaim: string | null;
  readonly conditionCodes: readonly string[];
  readonly claimType: 'PROFESSIONAL' | 'INSTITUTIONAL';
  readonly setting: 'OUTPATIENT' | 'INPATIENT';
}

/** The study, when the charge belongs to an enrolled subject's study period. */
export interface WorksheetStudy {
  readonly studyId: string;
  readonly qualifying: boolean;
  readonly nctNumber: string | null;
  readonly ideNumber: string | null;
  /** Designation of the matched calendar row (INVESTIGATIONAL wants Q0, routine wants Q1). */
  readonly designation: string | null;
}

export interface WorksheetItem {
  readonly field: string;
  /** Where on the claim (837 loop/segment; paper form box). */
  readonly location: string;
  readonly current: string;
  readonly required: string;
  readonly why: string;
}

export interface Worksheet {
  /** Who receives the corrected claim. */
  readonly sendTo: string;
  /** New claim or replacement (frequency code 7). */
  readonly submitAs: string;
  readonly items: readonly WorksheetItem[];
  /** The remark codes with their meaning, for the biller to read. */
  readonly remarks: readonly string[];
}

const nctDigits = (nct: string | null): string | null => (nct === null ? null : nct.replace(/^NCT/i, ''));
const shown = (value: string | null | undefined): string => (value === null || value === undefined || value === '' ? '(none)' : value);

/** Trial coding a qualifying-trial claim needs [BRIEF 1.2]: NCT, IDE, Q0/Q1, Z00.6, condition code 30. */
function trialCodingItems(claim: BilledClaimFacts, study: WorksheetStudy): WorksheetItem[] {
  const items: WorksheetItem[] = [];
  const digits = nctDigits(study.nctNumber);
  if (digits !== null && claim.nctOnClaim !== digits) {
    items.push({ field: 'Clinical trial (NCT) number', location: '837 loop 2300 REF*P4 (UB-04 value code D4; CMS-1500 item 19 "CT"+8 digits)', current: shown(claim.nctOnClaim), required: digits, why: 'The 8 digits of the study\'s NCT number are mandatory on trial claims (CR 8401).' });
  }
  if (study.ideNumber !== null && claim.ideOnClaim !== study.ideNumber) {
    items.push({ field: 'IDE number', location: '837 loop 2300 REF*LX', current: shown(claim.ideOnClaim), required: study.ideNumber, why: 'Device-study claims carry the 7-character IDE number (CGS).' });
  }
  if (claim.setting === 'OUTPATIENT') {
    const wanted = study.designation === 'INVESTIGATIONAL' ? 'Q0' : 'Q1';
    if (!claim.modifiers.includes(wanted)) {
      items.push({ field: `Line modifier ${wanted}`, location: '837P SV1-01-3..6 / 837I SV2-02 modifiers', current: shown(claim.modifiers.join(', ')), required: `add ${wanted}`, why: wanted === 'Q0' ? 'Q0 marks the investigational item or service of an approved study.' : 'Q1 marks a routine clinical service in an approved study.' });
    }
  }
  if (!claim.dxCodes.includes('Z00.6')) {
    items.push({ field: 'Diagnosis Z00.6', location: '837 loop 2300 HI (secondary diagnosis)', current: shown(claim.dxCodes.join(', ')), required: 'add Z00.6 as a secondary diagnosis', why: 'Z00.6 attests that the claim holds routine costs of a qualifying trial (secondary for therapeutic trials).' });
  }
  if (claim.claimType === 'INSTITUTIONAL' && !claim.conditionCodes.includes('30')) {
    items.push({ field: 'Condition code 30', location: '837I loop 2300 HI*BG (UB-04 FL 18-28)', current: shown(claim.conditionCodes.join(', ')), required: 'add 30', why: 'Condition code 30 is required on institutional claims with qualifying-trial items.' });
  }
  return items;
}

const SEND_TO: Record<NonNullable<TriageResult['rebillTo']>, string> = {
  ORIGINAL_MEDICARE: 'Original Medicare (the MAC), not the Medicare Advantage plan',
  MA_PLAN: 'the Medicare Advantage plan, not the MAC',
  PRIMARY_PAYER: 'the primary payer first, then this payer with the primary\'s remittance',
  CORRECT_PAYER: 'the payer or contractor named by the remark codes',
  SAME_PAYER: 'the same payer',
};

/** The worksheet of a denial whose action is fix-and-resubmit or rebill; null for other actions. */
export function buildWorksheet(triage: TriageResult, remarks: readonly string[], claim: BilledClaimFacts | null, study: WorksheetStudy | null): Worksheet | null {
  if (triage.action !== 'fix-resubmit' && triage.action !== 'rebill-other-payer') return null;
  const items: WorksheetItem[] = [];
  const trialCoding = study !== null && study.qualifying && claim !== null;
  if (trialCoding && (triage.rule === 'TRIAL-NUMBER' || triage.rule === 'MA-ROUTING' || triage.rule === 'MA-DEVICE' || triage.rule === 'UNPROCESSABLE')) {
    items.push(...trialCodingItems(claim, study));
  }
  if (triage.rebillTo === 'ORIGINAL_MEDICARE') {
    items.unshift({ field: 'Payer', location: '837 loop 2010BB (payer) and SBR09 claim filing indicator', current: 'Medicare Advantage plan (SBR09 16)', required: 'the MAC (SBR09 MB or MA)', why: 'Routine costs of a qualifying trial for an MA enrollee are paid by Original Medicare; the plan pays only the cost-sharing difference.' });
  } else if (triage.rebillTo === 'MA_PLAN') {
    items.unshift({ field: 'Payer', location: '837 loop 2010BB (payer) and SBR09 claim filing indicator', current: 'Original Medicare (MAC)', required: 'the Medicare Advantage plan (SBR09 16)', why: 'Covered IDE-study claims of an MA enrollee go to the MA plan [text not verified].' });
  }
  if (items.length === 0) {
    items.push({ field: 'What the remark codes name', location: 'see the remarks below', current: 'as billed', required: 'corrected', why: 'The payer returned the claim for the reasons its remark codes give.' });
  }
  const unprocessable = triage.rule === 'TRIAL-NUMBER' || triage.rule === 'UNPROCESSABLE';
  return {
    sendTo: SEND_TO[triage.rebillTo ?? 'SAME_PAYER'],
    submitAs: unprocessable ? 'a new claim (frequency code 1): an unprocessable claim was never adjudicated, so there is nothing to replace' : triage.action === 'rebill-other-payer' ? 'a new claim to the new payer' : 'a replacement claim (frequency code 7) quoting the payer claim number',
    items,
    remarks: remarks.map((code) => `${code}: ${lookupRarc(code)?.description ?? 'remark code not in our catalogue'}`),
  };
}
