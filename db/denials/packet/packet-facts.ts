/**
 * Everything an appeal packet (and the default letter) says about one denial, read from the store and
 * reduced to the minimum necessary PHI: the patient's name and Medicare number only for a Medicare or
 * Medicare Advantage appeal, which must contain them [42CFR405.944]; otherwise the member id only.
 * Never the MRN: exhibits name the subject by study subject number.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { DESIGNATION_LABEL, type Designation } from '../../../shared/domain/codes.ts';
import { isMedicareFamily } from '../../../shared/denials/payer-kind.ts';
import type { ClaimCoding, LetterStudy } from '../../../shared/denials/letter.ts';
import type { AppealBasis, DenialAction, DenialCategory, PayerKind } from '../../../shared/denials/vocabulary.ts';
import { adjustmentMeaning, remarkMeaning } from '../../../shared/denials/code-meaning.ts';
import { armRowsForCode, matchDates } from '../../../shared/rules/match-calendar.ts';
import type { Party835 } from '../../../shared/x12/model.ts';
import { UserError } from '../../backend/user-error.ts';
import { TrialFactsLoader } from '../trial-facts.ts';
import { DeadlineCalculator } from '../deadline-calculator.ts';

export interface PacketCode {
  readonly code: string;
  readonly meaning: string;
  readonly amountCents: number | null;
}

export interface CalendarExhibitRow {
  readonly visitCode: string;
  readonly visitName: string;
  readonly visitDay: number;
  readonly window: string;
  readonly cpt: string;
  readonly procedureName: string;
  readonly designation: string;
  readonly justification: string;
  readonly matched: boolean;
}

export interface PacketStudy extends LetterStudy {
  readonly arm: string | null;
  readonly subjectId: string;
  readonly startDate: string | null;
  readonly offStudyDate: string | null;
  readonly subjectStatus: string;
}

export interface PacketFacts {
  readonly denialId: number;
  readonly payer: { readonly name: string; readonly kind: PayerKind; readonly appealLevel: string; readonly addressLines: readonly string[] };
  readonly site: { readonly name: string; readonly npi: string | null; readonly addressLines: readonly string[] };
  readonly claimNumber: string | null;
  readonly patientAccount: string;
  readonly patientLines: readonly string[];
  readonly procedure: string;
  readonly serviceDate: string | null;
  readonly billedCents: number;
  readonly paidCents: number;
  readonly deniedCents: number;
  readonly denialCodes: readonly PacketCode[];
  readonly remarks: readonly PacketCode[];
  readonly category: DenialCategory;
  readonly action: DenialAction;
  readonly basis: AppealBasis;
  readonly appealable: boolean;
  readonly remit: { readonly traceNumber: string; readonly remitDate: string; readonly payerName: string };
  readonly study: PacketStudy | null;
  readonly calendarRows: readonly CalendarExhibitRow[];
  readonly visitWindow: { readonly visitName: string; readonly expectedDate: string; readonly windowFrom: string; readonly windowTo: string; readonly offsetDays: number } | null;
  readonly coding: ClaimCoding | null;
}

interface Row {
  id: number;
  charge_id: number | null;
  payer_kind: PayerKind;
  payer_key: string;
  procedure_code: string | null;
  modifiers: string;
  service_date: string | null;
  billed_cents: number;
  paid_cents: number;
  denied_cents: number;
  adjustments: string;
  remarks: string;
  category: DenialCategory;
  action: DenialAction;
  basis: AppealBasis | null;
  appealable: number;
  denial_date: string;
  patient_control_number: string;
  payer_claim_control_number: string | null;
  patient_last_name: string | null;
  patient_first_name: string | null;
  patient_member_id: string | null;
  insured_member_id: string | null;
  trace_number: string;
  payer_name: string;
  payer_json: string;
  payee_name: string;
  payee_id_qualifier: string | null;
  payee_id: string | null;
  payee_json: string;
}

const addressLines = (party: Party835): string[] => {
  const a = party.address;
  if (a === null) return [];
  const cityLine = [a.city, [a.state, a.postalCode].filter((x) => x !== null).join(' ')].filter((x) => x !== null && x !== '').join(', ');
  return [...a.lines, ...(cityLine === '' ? [] : [cityLine])];
};

/** The identity lines the payer needs, and no more. */
export function patientLinesFor(kind: PayerKind, r: Pick<Row, 'patient_last_name' | 'patient_first_name' | 'patient_member_id' | 'insured_member_id'>): string[] {
  const memberId = r.patient_member_id ?? r.insured_member_id;
  if (isMedicareFamily(kind)) {
    const name = [r.patient_last_name, r.patient_first_name].filter((x) => x !== null && x !== '').join(', ');
    return [`Beneficiary: ${name === '' ? '[beneficiary name]' : name}`, `${kind === 'MEDICARE' ? 'Medicare number' : 'Member ID'}: ${memberId ?? '[number]'}`];
  }
  return [`Member ID: ${r.insured_member_id ?? r.patient_member_id ?? '[member id]'}`];
}

const codesOf = (adjustments: string): PacketCode[] =>
  adjustments.split(';').filter((x) => x !== '').map((entry) => {
    const [code = '', amount = '0'] = entry.split(':');
    const [group = '', reason = ''] = code.split('-');
    return { code, meaning: adjustmentMeaning(group, reason), amountCents: Number(amount) };
  });

/** Loads the packet facts of a denial. @throws UserError when the denial does not exist. */
export function loadPacketFacts(db: Db, denialId: number): PacketFacts {
  const r = db
    .prepare(
      `SELECT d.*, c.patient_control_number, c.payer_claim_control_number, c.patient_last_name, c.patient_first_name, c.patient_member_id, c.insured_member_id,
              t.trace_number, t.payer_name AS payer_name, t.payer_json, t.payee_name, t.payee_id_qualifier, t.payee_id, t.payee_json
       FROM denials d JOIN remit_claims c ON c.id = d.claim_id JOIN remit_transactions t ON t.id = c.transaction_id WHERE d.id = ?`,
    )
    .get(denialId) as Row | undefined;
  if (!r) throw new UserError('NO_SUCH_DENIAL', `Denial ${denialId} does not exist.`);
  const link = r.charge_id === null ? null : new TrialFactsLoader(db).load(r.charge_id);
  const enrolment = link?.enrolment ?? null;
  const match = link?.match ?? null;
  const study = enrolment === null ? null : (db.prepare('SELECT title, protocol_number, sponsor FROM studies WHERE id = ?').get(enrolment.study.pk) as { title: string; protocol_number: string; sponsor: string });
  const procedure = [r.procedure_code ?? 'claim', ...(r.modifiers === '' ? [] : r.modifiers.split(';'))].join('-');
  const charge = link?.charge ?? null;
  return {
    denialId,
    payer: { name: r.payer_name, kind: r.payer_kind, appealLevel: new DeadlineCalculator(db).rule(r.payer_kind, r.payer_key).appealLevel, addressLines: addressLines(JSON.parse(r.payer_json) as Party835) },
    site: { name: r.payee_name, npi: r.payee_id_qualifier === 'XX' ? r.payee_id : null, addressLines: addressLines(JSON.parse(r.payee_json) as Party835) },
    claimNumber: r.payer_claim_control_number,
    patientAccount: r.patient_control_number,
    patientLines: patientLinesFor(r.payer_kind, r),
    procedure,
    serviceDate: r.service_date,
    billedCents: r.billed_cents,
    paidCents: r.paid_cents,
    deniedCents: r.denied_cents,
    denialCodes: codesOf(r.adjustments),
    remarks: r.remarks.split(';').filter((x) => x !== '').map((code) => ({ code, meaning: remarkMeaning(code), amountCents: null })),
    category: r.category,
    action: r.action,
    basis: r.basis ?? 'GENERIC',
    appealable: r.appealable === 1,
    remit: { traceNumber: r.trace_number, remitDate: r.denial_date, payerName: r.payer_name },
    study:
      enrolment === null || study === null
        ? null
        : {
            studyId: enrolment.study.studyId,
            title: study.title,
            protocolNumber: study.protocol_number,
            sponsor: study.sponsor,
            nctNumber: enrolment.study.nctNumber,
            ideNumber: enrolment.study.ideNumber,
            qualifying: enrolment.study.qualifying,
            designationLabel: match ? DESIGNATION_LABEL[match.row.designation] : null,
            justification: match?.row.justification ?? null,
            visitName: match?.row.visitName ?? null,
            procedureName: match?.row.procedureName ?? null,
            consentDate: enrolment.consentDate,
            arm: enrolment.arm?.name ?? null,
            subjectId: enrolment.subjectId,
            startDate: enrolment.startDate,
            offStudyDate: enrolment.offStudyDate,
            subjectStatus: enrolment.status,
          },
    calendarRows:
      charge === null || enrolment === null
        ? []
        : armRowsForCode(charge, enrolment).map((row) => ({
            visitCode: row.visitCode,
            visitName: row.visitName,
            visitDay: row.visitDay,
            window: `-${row.windowBefore} / +${row.windowAfter} days`,
            cpt: row.cpt,
            procedureName: row.procedureName,
            designation: DESIGNATION_LABEL[row.designation as Designation],
            justification: row.justification ?? '',
            matched: match?.row.itemPk === row.itemPk,
          })),
    visitWindow: match === null ? null : { visitName: match.row.visitName, ...matchDates(match), offsetDays: match.offsetDays },
    coding:
      charge === null
        ? null
        : {
            q1: charge.modifiers.includes('Q1'),
            q0: charge.modifiers.includes('Q0'),
            z006: charge.dxCodes.includes('Z00.6'),
            // Only the study's own numbers count: a wrong NCT on the claim is no argument.
            nctOnClaim: (enrolment?.study.nctNumber ?? null) !== null && charge.nctOnClaim === enrolment?.study.nctNumber?.replace(/^NCT/i, ''),
            ideOnClaim: (enrolment?.study.ideNumber ?? null) !== null && charge.ideOnClaim === enrolment?.study.ideNumber,
          },
  };
}
