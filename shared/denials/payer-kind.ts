/**
 * Which kind of payer sent a remittance: read from the claim filing indicator (CLP06) first, since it
 * is the payer's own statement [BRIEF 4.1]; 16 (HMO Medicare risk) is how Medicare Advantage plans
 * file [SBR09] [LEGALCLARITY-CFI]. Without a telling CLP06, the payer type the hospital billed the
 * charge under decides; failing that, the kind is OTHER.
 * One exception: the private-plan indicators (CI, BL, HM, 12-15) do not overrule a charge billed to a
 * Medicare Advantage plan, because MA PPOs and other MA products often file under them instead of 16
 * [BRIEF 1.4: payer-name lists are needed for MA PPOs]; treating their denials as commercial would
 * send an MA enrollee's routine costs to a PHSA 2709 appeal instead of to Original Medicare.
 */
import type { PayerType } from '../domain/codes.ts';
import type { PayerKind } from './vocabulary.ts';

const BY_FILING_INDICATOR: Readonly<Record<string, PayerKind>> = {
  '16': 'MEDICARE_ADVANTAGE',
  MA: 'MEDICARE',
  MB: 'MEDICARE',
  MC: 'MEDICAID',
  CI: 'COMMERCIAL',
  BL: 'COMMERCIAL',
  HM: 'COMMERCIAL',
  '12': 'COMMERCIAL',
  '13': 'COMMERCIAL',
  '14': 'COMMERCIAL',
  '15': 'COMMERCIAL',
};

/** Indicators that say "a private plan" without saying whether it is a Medicare Advantage product. */
const PRIVATE_PLAN_INDICATORS: ReadonlySet<string> = new Set(['CI', 'BL', 'HM', '12', '13', '14', '15']);

const BY_PAYER_TYPE: Readonly<Record<PayerType, PayerKind | null>> = {
  MEDICARE: 'MEDICARE',
  MEDICARE_ADVANTAGE: 'MEDICARE_ADVANTAGE',
  MEDICAID: 'MEDICAID',
  COMMERCIAL: 'COMMERCIAL',
  SELF_PAY: null,
};

/** The payer kind of a remitted claim: CLP06, else the charge's payer type, else OTHER. */
export function payerKindOf(filingIndicator: string | null, chargePayerType: PayerType | null): PayerKind {
  const fromClaim = filingIndicator === null ? undefined : BY_FILING_INDICATOR[filingIndicator];
  const maPlanUnderPrivateIndicator = chargePayerType === 'MEDICARE_ADVANTAGE' && filingIndicator !== null && PRIVATE_PLAN_INDICATORS.has(filingIndicator);
  if (fromClaim !== undefined && !maPlanUnderPrivateIndicator) return fromClaim;
  const fromCharge = chargePayerType === null ? null : BY_PAYER_TYPE[chargePayerType];
  return fromCharge ?? 'OTHER';
}

/** Whether the payer follows Medicare coverage rules (NCD 310.1 binds MACs; MA plans cover what Original Medicare covers). */
export function isMedicareFamily(kind: PayerKind): boolean {
  return kind === 'MEDICARE' || kind === 'MEDICARE_ADVANTAGE';
}

/**
 * The key that payer settings (deadlines) are stored under: the payer id of the remittance (N1*PR
 * id or REF*2U) when present, else its name in capitals.
 */
export function payerKeyOf(payerId: string | null, payerName: string): string {
  const id = payerId?.trim();
  return id ? `id:${id}` : `name:${payerName.trim().toUpperCase()}`;
}
