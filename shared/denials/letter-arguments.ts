/**
 * The argument paragraphs of an appeal letter, one set per appeal basis, built from what the store
 * knows of the study and the service [BRIEF 5, packet contents 2]. Bracketed text is for the
 * coordinator to complete before export. Statements about the claim's coding are made only when the
 * charge export shows them.
 */
import type { AppealBasis } from './vocabulary.ts';

/** The study side of an appeal (no PHI: subject number, never MRN or name). */
export interface LetterStudy {
  readonly studyId: string;
  readonly title: string;
  readonly protocolNumber: string;
  readonly sponsor: string;
  readonly nctNumber: string | null;
  readonly ideNumber: string | null;
  readonly qualifying: boolean;
  /** e.g. 'Routine care (bill insurance)'; null when the service matched no calendar row. */
  readonly designationLabel: string | null;
  readonly justification: string | null;
  readonly visitName: string | null;
  readonly procedureName: string | null;
  readonly consentDate: string;
}

/** Trial coding the claim carried, read from the charge export. */
export interface ClaimCoding {
  readonly q1: boolean;
  readonly q0: boolean;
  readonly z006: boolean;
  readonly nctOnClaim: boolean;
  readonly ideOnClaim: boolean;
}

const registered = (s: LetterStudy): string => {
  const ids = [s.nctNumber ? `ClinicalTrials.gov ${s.nctNumber}` : null, s.ideNumber ? `IDE ${s.ideNumber}` : null].filter((x) => x !== null);
  return `"${s.title}" (protocol ${s.protocolNumber}${ids.length > 0 ? `, ${ids.join(', ')}` : ''}), sponsored by ${s.sponsor}`;
};

const designation = (s: LetterStudy, service: string): string =>
  s.designationLabel === null
    ? `${service} is standard care for this patient [explain how it relates to the protocol schedule].`
    : `The study's coverage analysis designates ${service}${s.visitName ? ` at visit "${s.visitName}"` : ''} as "${s.designationLabel}"${s.justification ? `: ${s.justification}` : ''}.`;

function codingSentence(coding: ClaimCoding | null, device: boolean): string {
  if (coding === null) return '';
  const carried = [coding.q1 ? 'the Q1 modifier' : null, coding.q0 ? 'the Q0 modifier' : null, coding.z006 ? 'diagnosis Z00.6' : null, coding.nctOnClaim ? 'the study\'s NCT number' : null, device && coding.ideOnClaim ? 'the IDE number' : null].filter((x) => x !== null);
  return carried.length > 0 ? ` The claim identified the service as part of the trial: it carried ${carried.join(', ')}.` : '';
}

/** The argument paragraphs for an appeal basis. */
export function argumentParagraphs(basis: AppealBasis, study: LetterStudy | null, service: string, coding: ClaimCoding | null): string[] {
  if (study === null) return genericArgument(basis, service);
  const device = study.ideNumber !== null;
  switch (basis) {
    case 'NCD_310_1':
      return [
        `The patient takes part in ${registered(study)}, a qualifying clinical trial under Medicare National Coverage Determination 310.1 (Routine Costs in Clinical Trials) [state the deemed status: NIH/cooperative-group funding, IND, or IND exemption], and consented on ${study.consentDate}.`,
        `${designation(study, service)} Under NCD 310.1, Medicare covers the routine costs of a qualifying clinical trial: items and services that are otherwise generally available to Medicare beneficiaries, including conventional care, clinically appropriate monitoring and the diagnosis and treatment of complications. This service is none of the exclusions: it is not the investigational item itself, not an item or service provided solely to satisfy data collection, and not an item the sponsor provides free.${codingSentence(coding, device)}`,
        'NCD 310.1 is binding on Medicare contractors at every level of appeal.',
      ];
    case 'PHSA_2709':
      return [
        `The patient takes part in ${registered(study)}, an approved clinical trial within the meaning of section 2709 of the Public Health Service Act (42 U.S.C. 300gg-8) [state why: federally funded, conducted under an IND, or IND-exempt; phase; life-threatening condition].`,
        `Section 2709 forbids a group health plan or health insurance issuer from denying, limiting or conditioning coverage of routine patient costs for items and services furnished in connection with participation in an approved clinical trial. ${designation(study, service)} It is a routine patient cost: it is not the investigational item, not an item provided solely for data collection, and not a service clearly inconsistent with the standard of care for the patient's diagnosis.${codingSentence(coding, device)}`,
      ];
    case 'INVESTIGATIONAL_ITEM':
      return [
        `The service belongs to ${registered(study)}${device ? `, conducted under FDA investigational device exemption ${study.ideNumber} [state the IDE category and the CMS IDE study approval]` : ''}.`,
        `Since 2007 Medicare's clinical trial policy covers the investigational item or service itself when it is otherwise covered outside the trial.${device ? ' An IDE Category B (non-experimental) device may be covered when CMS has approved the study.' : ''} ${designation(study, service)}${codingSentence(coding, device)}`,
      ];
    case 'MA_IDE':
      return [
        `The patient, a Medicare Advantage enrollee, takes part in ${registered(study)}, an FDA-approved investigational device exemption study (IDE ${study.ideNumber ?? '[IDE number]'}).`,
        `For Medicare Advantage enrollees, the Medicare Advantage organization, not Original Medicare, is responsible for the covered items and services of Category A and B IDE studies (Medicare Managed Care Manual, chapter 4, section 10.7.2). ${designation(study, service)}${codingSentence(coding, device)}`,
      ];
    case 'QUALIFYING_TRIAL':
      return [
        `The patient takes part in ${registered(study)}, a qualifying clinical trial [state the deemed status and the approval the payer questions].`,
        `${designation(study, service)} It is a routine cost of the trial, not the investigational item and not a service provided only for data collection.${codingSentence(coding, device)}`,
      ];
    default:
      return [...genericArgument(basis, service), study.qualifying ? `The patient takes part in ${registered(study)}; ${designation(study, service)}` : `The patient takes part in ${registered(study)}, which is not a qualifying clinical trial: the service is conventional care billed as it would be for any patient.`];
  }
}

function genericArgument(basis: AppealBasis, service: string): string[] {
  if (basis === 'AUTHORIZATION') return [`${service} was authorized [authorization number and date], or is exempt from prior authorization [state why]. The enclosed records show it was provided as authorized.`];
  if (basis === 'MEDICAL_NECESSITY') return [`${service} was medically necessary: [describe the clinical indication, the findings that required it, and the guideline or compendium support]. The enclosed clinical notes document it.`];
  return [`[State why the denial of ${service} should be reversed.]`];
}
