/**
 * Writes parsed 835 events into the remit_* tables (migration 0040) as they stream by: a transaction
 * row at its header, each claim with its lines, adjustments, remarks, charge links and imbalances as
 * it completes, then the PLB pairs and totals at its trailer. The caller owns the SQL transaction.
 */
import type { Database as Db, Statement } from 'better-sqlite3-multiple-ciphers';
import { MAX_REPORTED_IMBALANCES } from '../../shared/remit/import-result.ts';
import { signedPaymentCents } from '../../shared/x12/balance.ts';
import type { Claim835, Imbalance835, Person835, Remit835Event, TransactionHeader835, TransactionTrailer835 } from '../../shared/x12/model.ts';
import { ChargeLinker, lineLinkFields, lineLinkKey } from './link-charges.ts';

export interface RemitWriteTotals {
  transactions: number;
  claims: number;
  lines: number;
  totalPaidCents: number;
  claimPaidCents: number;
  imbalances: number;
  linkedLines: number;
}

const json = (value: unknown): string => JSON.stringify(value);
const person = (claim: Claim835, entity: string): Person835 | null => claim.people.find((p) => p.entityCode === entity) ?? null;

export class RemitWriter {
  readonly totals: RemitWriteTotals = { transactions: 0, claims: 0, lines: 0, totalPaidCents: 0, claimPaidCents: 0, imbalances: 0, linkedLines: 0 };
  /** The first imbalances and notices in file order, for the outcome (PHI-free; all are stored). */
  readonly imbalances: Imbalance835[] = [];
  readonly notices: string[] = [];
  readonly #fileId: number;
  readonly #linker: ChargeLinker;
  readonly #transactionIds = new Map<number, number>();
  readonly #insertTransaction: Statement;
  readonly #finishTransaction: Statement;
  readonly #insertClaim: Statement;
  readonly #insertLine: Statement;
  readonly #insertAdjustment: Statement;
  readonly #insertRemark: Statement;
  readonly #insertPlb: Statement;
  readonly #insertImbalance: Statement;

  constructor(db: Db, fileId: number) {
    this.#fileId = fileId;
    this.#linker = new ChargeLinker(db);
    this.#insertTransaction = db.prepare(
      `INSERT INTO remit_transactions (file_id, seq, st_segment, control_number, implementation_reference, interchange_control_number,
         interchange_sender_id, interchange_receiver_id, usage_indicator, group_control_number, group_date, group_version, handling_code,
         payment_cents, credit_debit, payment_method, payment_format, payment_date, trace_type, trace_number, trace_originator_id,
         production_date, payer_name, payer_id_qualifier, payer_id, payee_name, payee_id_qualifier, payee_id, payee_tin, payer_json, payee_json, refs_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#finishTransaction = db.prepare(
      'UPDATE remit_transactions SET claim_count = ?, line_count = ?, claim_paid_cents = ?, plb_total_cents = ?, notices_json = ? WHERE id = ?',
    );
    this.#insertClaim = db.prepare(
      `INSERT INTO remit_claims (transaction_id, seq, clp_segment, patient_control_number, status_code, total_charge_cents, paid_cents,
         patient_responsibility_cents, filing_indicator, payer_claim_control_number, facility_type, frequency_code, drg_code,
         patient_last_name, patient_first_name, patient_id_qualifier, patient_member_id, insured_member_id, rendering_provider_id,
         statement_from, statement_to, received_date, people_json, refs_json, dates_json, amounts_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#insertLine = db.prepare(
      `INSERT INTO remit_service_lines (claim_id, seq, svc_segment, procedure_qualifier, procedure_code, modifiers, charge_cents, paid_cents,
         revenue_code, units, original_procedure_code, original_modifiers, original_units, service_date, period_start, period_end,
         line_control_number, allowed_cents, refs_json, amounts_json, charge_id, link_method)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#insertAdjustment = db.prepare(
      `INSERT INTO remit_adjustments (claim_id, line_id, seq, cas_segment, group_code, reason_code, amount_cents, quantity)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#insertRemark = db.prepare('INSERT INTO remit_remarks (claim_id, line_id, source, code) VALUES (?, ?, ?, ?)');
    this.#insertPlb = db.prepare(
      `INSERT INTO remit_plb_adjustments (transaction_id, plb_segment, seq, provider_id, fiscal_period_date, reason_code, reference, amount_cents)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#insertImbalance = db.prepare(
      `INSERT INTO remit_imbalances (file_id, transaction_id, claim_id, line_id, level, segment_number, expected_cents, actual_cents, message)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  write(event: Remit835Event): void {
    if (event.kind === 'transaction-start') this.#transaction(event.header);
    else if (event.kind === 'claim') this.#claim(this.#txId(event.transactionIndex), event.claim, event.imbalances);
    else this.#trailer(this.#txId(event.transactionIndex), event.trailer);
  }

  #txId(index: number): number {
    return this.#transactionIds.get(index) as number;
  }

  #transaction(h: TransactionHeader835): void {
    const tin = h.payee.refs.find((r) => r.qualifier === 'TJ')?.value ?? (h.payee.idQualifier === 'FI' ? h.payee.id : null);
    const id = this.#insertTransaction.run(
      this.#fileId, h.index, h.stSegmentNumber, h.controlNumber, h.implementationReference,
      h.interchange?.controlNumber ?? null, h.interchange?.senderId ?? null, h.interchange?.receiverId ?? null, h.interchange?.usage ?? null,
      h.group?.controlNumber ?? null, h.group?.date ?? null, h.group?.version ?? null,
      h.payment.handlingCode, h.payment.totalPaymentCents, h.payment.creditDebit, h.payment.method, h.payment.format, h.payment.paymentDate,
      h.trace.traceType, h.trace.traceNumber, h.trace.originatorId, h.productionDate,
      h.payer.name, h.payer.idQualifier, h.payer.id ?? h.payer.refs.find((r) => r.qualifier === '2U')?.value ?? null,
      h.payee.name, h.payee.idQualifier, h.payee.id, tin, json(h.payer), json(h.payee), json(h.refs),
    ).lastInsertRowid;
    this.#transactionIds.set(h.index, Number(id));
    this.totals.transactions += 1;
    this.totals.totalPaidCents += signedPaymentCents(h.payment);
  }

  #claim(txId: number, claim: Claim835, imbalances: readonly Imbalance835[]): void {
    const patient = person(claim, 'QC');
    const claimId = Number(
      this.#insertClaim.run(
        txId, claim.seq, claim.segmentNumber, claim.patientControlNumber, claim.statusCode, claim.totalChargeCents, claim.paidCents,
        claim.patientResponsibilityCents, claim.filingIndicator, claim.payerClaimControlNumber, claim.facilityType, claim.frequencyCode, claim.drgCode,
        patient?.lastName ?? null, patient?.firstName ?? null, patient?.idQualifier ?? null, patient?.id ?? null,
        person(claim, 'IL')?.id ?? null, person(claim, '82')?.id ?? null,
        claim.statementFrom, claim.statementTo, claim.receivedDate, json(claim.people), json(claim.refs), json(claim.dates), json(claim.amounts),
      ).lastInsertRowid,
    );
    claim.adjustments.forEach((a, i) => this.#insertAdjustment.run(claimId, null, i + 1, a.segmentNumber, a.groupCode, a.reasonCode, a.amountCents, a.quantity));
    for (const remark of claim.remarks) this.#insertRemark.run(claimId, null, remark.source, remark.code);
    const taken = new Set<number>();
    const lineIds = new Map<number, number>();
    for (const line of claim.lines) {
      const link = this.#linker.link(lineLinkKey(claim, lineLinkFields(line)), taken);
      if (link.chargeId !== null) {
        taken.add(link.chargeId);
        this.totals.linkedLines += 1;
      }
      const lineId = Number(
        this.#insertLine.run(
          claimId, line.seq, line.segmentNumber, line.procedure.qualifier, line.procedure.code, line.procedure.modifiers.join(';'),
          line.chargeCents, line.paidCents, line.revenueCode, line.units,
          line.originalProcedure?.code ?? null, line.originalProcedure ? line.originalProcedure.modifiers.join(';') : null, line.originalUnits,
          line.serviceDate, line.periodStart, line.periodEnd, line.lineControlNumber, line.allowedCents, json(line.refs), json(line.amounts),
          link.chargeId, link.method,
        ).lastInsertRowid,
      );
      lineIds.set(line.seq, lineId);
      line.adjustments.forEach((a, i) => this.#insertAdjustment.run(claimId, lineId, i + 1, a.segmentNumber, a.groupCode, a.reasonCode, a.amountCents, a.quantity));
      for (const remark of line.remarks) this.#insertRemark.run(claimId, lineId, remark.source, remark.code);
    }
    for (const imbalance of imbalances) {
      const lineId = imbalance.lineSeq === null ? null : (lineIds.get(imbalance.lineSeq) ?? null);
      this.#imbalance(txId, claimId, lineId, imbalance);
    }
    this.totals.claims += 1;
    this.totals.lines += claim.lines.length;
    this.totals.claimPaidCents += claim.paidCents;
  }

  #trailer(txId: number, trailer: TransactionTrailer835): void {
    for (const plb of trailer.plb) {
      plb.adjustments.forEach((a, i) =>
        this.#insertPlb.run(txId, plb.segmentNumber, i + 1, plb.providerId, plb.fiscalPeriodDate, a.reasonCode, a.reference, a.amountCents),
      );
    }
    if (trailer.imbalance) this.#imbalance(txId, null, null, trailer.imbalance);
    for (const notice of trailer.notices) if (this.notices.length < MAX_REPORTED_IMBALANCES) this.notices.push(notice);
    this.#finishTransaction.run(trailer.claimCount, trailer.lineCount, trailer.claimPaidCents, trailer.plbTotalCents, json(trailer.notices), txId);
  }

  #imbalance(txId: number, claimId: number | null, lineId: number | null, imbalance: Imbalance835): void {
    this.#insertImbalance.run(
      this.#fileId, txId, claimId, lineId, imbalance.level, imbalance.segmentNumber, imbalance.expectedCents, imbalance.actualCents, imbalance.message,
    );
    if (this.imbalances.length < MAX_REPORTED_IMBALANCES) this.imbalances.push(imbalance);
    this.totals.imbalances += 1;
  }
}
