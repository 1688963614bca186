/**
 * The default text of an appeal letter, from a template per denial category (opening and request)
 * and the argument of the appeal basis (letter-arguments.ts). The coordinator edits it before export;
 * bracketed text marks what only they can supply. Contents follow BRIEF 5 (packet contents 1-2) and
 * 42 CFR 405.944(b) for a Medicare redetermination [42CFR405.944] [URMC-LETTER].
 *
 * Minimum necessary PHI: the patient line is whatever the caller decided the payer needs (Medicare:
 * beneficiary name and Medicare number; others: member id); never an MRN.
 */
import { formatCents } from '../domain/money.ts';
import { argumentParagraphs, type ClaimCoding, type LetterStudy } from './letter-arguments.ts';
import type { AppealBasis, DenialCategory } from './vocabulary.ts';

export type { ClaimCoding, LetterStudy } from './letter-arguments.ts';

export interface LetterFacts {
  readonly today: string;
  readonly payerName: string;
  /** e.g. 'Redetermination by the MAC'. */
  readonly appealLevel: string;
  readonly siteName: string;
  readonly claimNumber: string | null;
  readonly patientAccount: string;
  /** The identity lines the payer requires (already minimised by the caller), e.g. ['Beneficiary: ...', 'Medicare number: ...']. */
  readonly patientLines: readonly string[];
  readonly serviceDate: string | null;
  /** Code and modifiers as billed, e.g. '71260-Q1'. */
  readonly procedure: string;
  readonly billedCents: number;
  readonly paidCents: number;
  readonly deniedCents: number;
  /** 'CO-50: meaning' lines. */
  readonly denialCodes: readonly string[];
  readonly remarkCodes: readonly string[];
  readonly category: DenialCategory;
  readonly basis: AppealBasis;
  readonly study: LetterStudy | null;
  readonly coding: ClaimCoding | null;
}

interface CategoryTemplate {
  readonly opening: (f: LetterFacts, service: string) => string;
  readonly request: (f: LetterFacts) => string;
}

const levelName = (f: LetterFacts): string => f.appealLevel.toLowerCase().replace(/ by .*$/, '');
const payRequest = (f: LetterFacts): string => `We ask that you reverse the denial and pay the ${formatCents(f.deniedCents)} denied on this line under the terms of the patient's coverage.`;

const TEMPLATES: Record<DenialCategory, CategoryTemplate> = {
  protocol: {
    opening: (f, service) => `We request a ${levelName(f)} of your denial of ${service}. The denial treats a service of a clinical trial as if it were not covered; the study facts below show that it is.`,
    request: payRequest,
  },
  'coverage-eligibility': {
    opening: (f, service) => `We request a ${levelName(f)} of your denial of ${service}, which the remittance gives as not covered.`,
    request: payRequest,
  },
  authorization: {
    opening: (f, service) => `We request a ${levelName(f)} of your denial of ${service} for missing or exceeded authorization.`,
    request: payRequest,
  },
  documentation: {
    opening: (f, service) => `We request a ${levelName(f)} of your denial of ${service}. The information the remittance says was missing is enclosed.`,
    request: (f) => `We ask that you process the line with the enclosed information and pay the ${formatCents(f.deniedCents)} denied.`,
  },
  'timely-filing': {
    opening: (f, service) => `We request a ${levelName(f)} of your denial of ${service} as filed late. The claim was submitted within your time limit: [state the original submission date and the proof enclosed, e.g. the clearinghouse acceptance report].`,
    request: payRequest,
  },
  'coordination-of-benefits': {
    opening: (f, service) => `We request a ${levelName(f)} of your denial of ${service}, which the remittance attributes to another payer.`,
    request: (f) => `We ask that you process the line as the responsible payer and pay the ${formatCents(f.deniedCents)} denied.`,
  },
  'sponsor-vs-insurance': {
    opening: (f, service) => `We request a ${levelName(f)} of your denial of ${service}. [The coverage analysis makes this a sponsor-paid item: confirm it is billable to insurance before sending this appeal.]`,
    request: payRequest,
  },
};

/** The default letter for a denial, as plain text: paragraphs separated by blank lines. */
export function draftLetter(f: LetterFacts): string {
  const service = `${f.procedure}${f.study?.procedureName ? ` (${f.study.procedureName})` : ''}${f.serviceDate ? ` provided on ${f.serviceDate}` : ''}`;
  const template = TEMPLATES[f.category];
  const reference = [
    `Claim number: ${f.claimNumber ?? '[payer claim number]'}`,
    `Patient account: ${f.patientAccount}`,
    ...f.patientLines,
    `Date of service: ${f.serviceDate ?? '[date of service]'}`,
    `Service: ${f.procedure}`,
    `Billed ${formatCents(f.billedCents)}, paid ${formatCents(f.paidCents)}, denied ${formatCents(f.deniedCents)}`,
    `Denial codes: ${f.denialCodes.join('; ')}`,
    ...(f.remarkCodes.length > 0 ? [`Remark codes: ${f.remarkCodes.join('; ')}`] : []),
  ].join('\n');
  const paragraphs = [
    f.today,
    `${f.payerName}\nAttention: ${f.appealLevel}`,
    `Re: ${reference}`,
    'Dear Appeals Reviewer:',
    template.opening(f, service),
    ...argumentParagraphs(f.basis, f.study, f.procedure, f.coding),
    template.request(f),
    'The enclosed exhibits, listed in the exhibit index, support this request.',
    `Sincerely,\n\n[Name]\nResearch Billing Coordinator, ${f.siteName}\n[Telephone]`,
  ];
  return paragraphs.join('\n\n');
}

/** Splits letter text into paragraphs (blank-line separated), keeping single line breaks inside. */
export function letterParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** Longest letter accepted (about 30 pages). */
export const MAX_LETTER_CHARS = 60_000;
