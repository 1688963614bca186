/**
 * The catalogue of 835 adjustment codes: claim adjustment group codes, CARCs, RARCs, PLB reasons and
 * claim status/filing codes, with look-ups and the default triage of an adjustment.
 */
import { CARCS, type CarcInfo, type TriageHint } from './carc.ts';
import { PLB_REASONS, type PlbReasonInfo } from './plb-reasons.ts';
import { RARCS, type RarcInfo } from './rarc.ts';

export { CARCS, type CarcInfo, type TriageHint } from './carc.ts';
export { RARCS, type RarcInfo } from './rarc.ts';
export { PLB_REASONS, type PlbReasonInfo } from './plb-reasons.ts';
export { CLAIM_STATUSES, FILING_INDICATORS, REVERSAL_STATUS, isMedicareAdvantageFiling, isTraditionalMedicareFiling } from './claim-codes.ts';

export interface GroupCodeInfo {
  readonly code: string;
  readonly description: string;
  /** CR was dropped in 5010: seen only in older (4010) files [BRIEF 4.1] [AMC-CR]. */
  readonly validIn5010: boolean;
}

/** CAS01 group codes: who bears the adjusted amount [WPC-GROUP]. */
export const GROUP_CODES: readonly GroupCodeInfo[] = [
  { code: 'CO', description: 'Contractual obligation: the provider writes it off and may not bill the patient', validIn5010: true },
  { code: 'PR', description: 'Patient responsibility: bill the patient or a secondary payer', validIn5010: true },
  { code: 'OA', description: 'Other adjustment: fits none of the other groups (often prior-payer effects)', validIn5010: true },
  { code: 'PI', description: 'Payer-initiated reduction without a contractual basis', validIn5010: true },
  { code: 'CR', description: 'Correction or reversal (pre-5010 files only)', validIn5010: false },
];

const byCode = <T extends { readonly code: string }>(items: readonly T[]): ReadonlyMap<string, T> => new Map(items.map((item) => [item.code, item]));
const CARC_BY_CODE = byCode(CARCS);
const RARC_BY_CODE = byCode(RARCS);
const PLB_BY_CODE = byCode(PLB_REASONS);
const GROUP_BY_CODE = byCode(GROUP_CODES);

export const lookupCarc = (code: string): CarcInfo | null => CARC_BY_CODE.get(code) ?? null;
export const lookupRarc = (code: string): RarcInfo | null => RARC_BY_CODE.get(code) ?? null;
export const lookupPlbReason = (code: string): PlbReasonInfo | null => PLB_BY_CODE.get(code) ?? null;
export const lookupGroupCode = (code: string): GroupCodeInfo | null => GROUP_BY_CODE.get(code) ?? null;

/**
 * How to read one adjustment (group + CARC). The group decides first: PR is the patient's to pay
 * whatever the reason; CR is a correction, not a new decision. Otherwise the CARC's default applies,
 * except that a patient-share reason under CO/OA/PI is the provider's loss, which someone should see.
 * An unknown CARC is a denial, so that nothing unfamiliar is silently written off.
 */
export function triageAdjustment(groupCode: string, reasonCode: string): TriageHint {
  if (groupCode === 'PR') return 'patient-responsibility';
  if (groupCode === 'CR') return 'contractual';
  const hint = lookupCarc(reasonCode)?.triage ?? 'denial';
  return hint === 'patient-responsibility' ? 'denial' : hint;
}
