/**
 * One denial with everything the detail screen shows: the remittance line and its codes (our catalogue
 * descriptions), the triage rule with its sources, the linked charge as billed, the study and subject
 * (by subject number), the calendar rows and visit window, the charge's compliance findings, the
 * resubmission worksheet, and the history.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { DenialDetail } from '../../../shared/contract/denials.ts';
import type { TriageResult } from '../../../shared/denials/triage.ts';
import { triageRuleById, type TriageRuleId } from '../../../shared/denials/triage-rules.ts';
import { nextStatuses, type AppealBasis, type RebillTarget } from '../../../shared/denials/vocabulary.ts';
import { buildWorksheet } from '../../../shared/denials/worksheet.ts';
import { lookupCarc, lookupGroupCode, lookupRarc } from '../../../shared/remit/codes.ts';
import { loadPacketFacts } from '../../denials/packet/packet-facts.ts';
import { DENIAL_FROM, DENIAL_ROW_COLUMNS, toDenialRow, type DenialRowData } from './list-denials.ts';

interface DetailData extends DenialRowData {
  reason: string;
  basis: AppealBasis | null;
  rebill_to: RebillTarget | null;
  appealable: number;
  appeal_date: string | null;
  decided_date: string | null;
  designation: string | null;
  subject_payer_type: string | null;
  charge_id: number | null;
  line_id: number | null;
  patient_control_number: string;
  status_code: string;
  filing_indicator: string | null;
  total_charge_cents: number;
  claim_paid_cents: number;
  file_name: string;
  trace_number: string;
}

interface ChargeData {
  charge_id: string;
  service_date: string;
  cpt_hcpcs: string;
  modifiers: string;
  dx_codes: string;
  charge_amount_cents: number;
  bill_to: string;
  payer_name: string | null;
  payer_type: string;
  claim_type: 'PROFESSIONAL' | 'INSTITUTIONAL';
  setting: 'OUTPATIENT' | 'INPATIENT';
  nct_on_claim: string | null;
  ide_on_claim: string | null;
  condition_codes: string;
}

const split = (text: string): string[] => (text === '' ? [] : text.split(';'));

/** The denial, or null when there is none with this id. */
export function getDenial(db: Db, id: number, today: string): DenialDetail | null {
  const r = db
    .prepare(
      `SELECT ${DENIAL_ROW_COLUMNS}, d.reason, d.basis, d.rebill_to, d.appealable, d.appeal_date, d.decided_date, d.designation, sub.payer_type AS subject_payer_type, d.charge_id, d.line_id,
              c.patient_control_number, c.status_code, c.filing_indicator, c.total_charge_cents, c.paid_cents AS claim_paid_cents, f.file_name, t.trace_number
       ${DENIAL_FROM} JOIN remit_transactions t ON t.id = c.transaction_id JOIN remit_files f ON f.id = t.file_id WHERE d.id = ?`,
    )
    .get(id) as DetailData | undefined;
  if (!r) return null;
  const rule = triageRuleById(r.rule);
  const facts = loadPacketFacts(db, id);
  const charge = r.charge_id === null ? null : (db.prepare('SELECT * FROM charges WHERE id = ?').get(r.charge_id) as ChargeData | undefined) ?? null;
  const linkMethod = r.line_id === null ? 'claim level' : (db.prepare('SELECT link_method FROM remit_service_lines WHERE id = ?').pluck().get(r.line_id) as string);
  const triage: TriageResult = {
    rule: r.rule as TriageRuleId,
    category: r.category,
    action: r.action,
    primaryCarc: r.primary_carc,
    appealable: r.appealable === 1,
    basis: r.basis,
    rebillTo: r.rebill_to,
    reason: r.reason,
  };
  const study = facts.study;
  const findings = r.charge_id === null ? [] : db.prepare('SELECT id, rule, severity, status, message FROM findings WHERE charge_id = ? AND active = 1 ORDER BY severity_rank, id').all(r.charge_id);
  const events = db.prepare('SELECT at, kind, from_status AS fromStatus, to_status AS toStatus, note, actor FROM denial_events WHERE denial_id = ? ORDER BY id').all(id);
  return {
    ...toDenialRow(r, today),
    reason: r.reason,
    ruleTitle: rule.title,
    ruleSources: rule.sources,
    basis: r.basis,
    rebillTo: r.rebill_to,
    appealable: r.appealable === 1,
    nextStatuses: nextStatuses(r.status),
    denialCodes: split(r.adjustments).map((entry) => {
      const [code = '', amount = '0'] = entry.split(':');
      const [group = '', reason = ''] = code.split('-');
      return { code, meaning: `${lookupCarc(reason)?.description ?? 'Not in our catalogue: read the payer\'s remittance.'} (${lookupGroupCode(group)?.description ?? group})`, amountCents: Number(amount) };
    }),
    remarkCodes: split(r.remarks).map((code) => ({ code, meaning: lookupRarc(code)?.description ?? 'Not in our catalogue.', amountCents: null })),
    claim: { patientAccount: r.patient_control_number, statusCode: r.status_code, filingIndicator: r.filing_indicator, totalChargeCents: r.total_charge_cents, paidCents: r.claim_paid_cents },
    remit: { fileName: r.file_name, traceNumber: r.trace_number, remitDate: r.denial_date },
    charge:
      charge === null
        ? null
        : {
            chargeId: charge.charge_id,
            serviceDate: charge.service_date,
            cpt: charge.cpt_hcpcs,
            modifiers: charge.modifiers,
            dxCodes: charge.dx_codes,
            amountCents: charge.charge_amount_cents,
            billTo: charge.bill_to,
            payerName: charge.payer_name,
            payerType: charge.payer_type,
            claimType: charge.claim_type,
            setting: charge.setting,
            nctOnClaim: charge.nct_on_claim,
            ideOnClaim: charge.ide_on_claim,
            linkMethod,
          },
    study:
      study === null
        ? null
        : { studyId: study.studyId, title: study.title, qualifying: study.qualifying, nctNumber: study.nctNumber, ideNumber: study.ideNumber, subjectId: study.subjectId, arm: study.arm, consentDate: study.consentDate, subjectPayerType: r.subject_payer_type ?? '' },
    calendar: { rows: facts.calendarRows, window: facts.visitWindow },
    findings: findings as DenialDetail['findings'],
    worksheet: buildWorksheet(
      triage,
      split(r.remarks),
      charge === null ? null : { procedureCode: charge.cpt_hcpcs, modifiers: split(charge.modifiers), dxCodes: split(charge.dx_codes), nctOnClaim: charge.nct_on_claim, ideOnClaim: charge.ide_on_claim, conditionCodes: split(charge.condition_codes), claimType: charge.claim_type, setting: charge.setting },
      study === null ? null : { studyId: study.studyId, qualifying: study.qualifying, nctNumber: study.nctNumber, ideNumber: study.ideNumber, designation: r.designation },
    ),
    appealDate: r.appeal_date,
    decidedDate: r.decided_date,
    events: events as DenialDetail['events'],
  };
}
