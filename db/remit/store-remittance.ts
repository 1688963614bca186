/**
 * Writes parsed 835 events into the remit_* tables (migrations 0040 and 0070) as they stream by: a transaction
 * row at its header; claims are queued and written 64 at a time (their lines' charges
 * looked up in two queries per batch, rows several per statement: row-inserter.ts); at a transaction's
 * trailer the queued claims, then its PLB pairs and totals. A claim's and a line's adjustments and
 * remark codes go into its own row as JSON. The caller owns the SQL transaction and calls `finish()`
 * after the last event.
 */
import type { Database as Db, Statement } from 'better-sqlite3-multiple-ciphers';
import { triageAdjustment } from '../../shared/remit/codes.ts';
import { MAX_REPORTED_IMBALANCES } from '../../shared/remit/import-result.ts';
import { signedPaymentCents } from '../../shared/x12/balance.ts';
import type { Adjustment835, Claim835, Imbalance835, Person835, Remark835, Remit835Event, TransactionHeader835, TransactionTrailer835 } from '../../shared/x12/model.ts';
import { BatchChargeLinker, type LineLinkKey, lineLinkFields, lineLinkKey } from './link-charges.ts';
import { type InsertColumn, RowInserter } from './row-inserter.ts';

export interface RemitWriteTotals {
  transactions: number;
  claims: number;
  lines: number;
  totalPaidCents: number;
  claimPaidCents: number;
  imbalances: number;
  linkedLines: number;
}

/**
 * Claims queued before they are written: enough to share the look-up queries, few enough to die young
 * (500 queued claims outlived scavenges and were promoted: peak RSS 250-320 MB instead of ~200 MB).
 */
const CLAIMS_PER_BATCH = 64;

const json = (value: unknown): string => JSON.stringify(value);
const EMPTY = '[]';
const person = (claim: Claim835, entity: string): Person835 | null => claim.people.find((p) => p.entityCode === entity) ?? null;

// The positional layouts of the JSON columns (migration 0070).
const pairs = <T>(items: readonly T[], tuple: (item: T) => unknown[]): string => (items.length === 0 ? EMPTY : json(items.map(tuple)));
const peopleJson = (people: readonly Person835[]): string =>
  pairs(people, (p) => [p.entityCode, p.entityType, p.lastName, p.firstName, p.middleName, p.suffix, p.idQualifier, p.id]);
const adjustmentsJson = (adjustments: readonly Adjustment835[]): string =>
  pairs(adjustments, (a) => [a.segmentNumber, a.groupCode, a.reasonCode, a.amountCents, a.quantity]);
const remarksJson = (remarks: readonly Remark835[]): string => pairs(remarks, (r) => [r.source, r.code]);
const refsJson = (refs: readonly { qualifier: string; value: string }[]): string => pairs(refs, (r) => [r.qualifier, r.value]);
const amountsJson = (amounts: readonly { qualifier: string; cents: number }[]): string => pairs(amounts, (a) => [a.qualifier, a.cents]);

/** 1 when an adjustment reads as a denial with a positive amount: what triage looks for (denial-candidates.ts). */
export function hasDenial(adjustments: readonly Adjustment835[]): 0 | 1 {
  for (const a of adjustments) if (a.amountCents > 0 && triageAdjustment(a.groupCode, a.reasonCode) === 'denial') return 1;
  return 0;
}

const column = (name: string, omitWhen?: null | string | number): InsertColumn => (omitWhen === undefined ? { name } : { name, omitWhen });
const CLAIM_COLUMNS: readonly InsertColumn[] = [
  ...['id', 'transaction_id', 'seq', 'clp_segment', 'patient_control_number', 'status_code', 'total_charge_cents', 'paid_cents'].map((n) => column(n)),
  ...['patient_responsibility_cents', 'filing_indicator', 'payer_claim_control_number', 'facility_type', 'frequency_code', 'drg_code', 'patient_last_name',
    'patient_first_name', 'patient_id_qualifier', 'patient_member_id', 'insured_member_id', 'rendering_provider_id', 'statement_from', 'statement_to',
    'received_date'].map((n) => column(n, null)),
  // Columns of migration 0040 have no default and are always bound; those of 0070 default to '[]'.
  ...['people_json', 'refs_json', 'dates_json', 'amounts_json'].map((n) => column(n)),
  ...['adjustments_json', 'remarks_json'].map((n) => column(n, EMPTY)),
  column('has_denial', 0),
];
const LINE_COLUMNS: readonly InsertColumn[] = [
  ...['id', 'claim_id', 'seq', 'svc_segment', 'procedure_qualifier', 'procedure_code', 'modifiers', 'charge_cents', 'paid_cents', 'link_method'].map((n) => column(n)),
  ...['revenue_code', 'units', 'original_procedure_code', 'original_modifiers', 'original_units', 'service_date', 'period_start', 'period_end',
    'line_control_number', 'allowed_cents', 'charge_id'].map((n) => column(n, null)),
  ...['refs_json', 'amounts_json'].map((n) => column(n)),
  ...['adjustments_json', 'remarks_json'].map((n) => column(n, EMPTY)),
  column('has_denial', 0),
];

interface QueuedClaim {
  readonly txId: number;
  readonly claim: Claim835;
  readonly imbalances: readonly Imbalance835[];
}

export class RemitWriter {
  readonly totals: RemitWriteTotals = { transactions: 0, claims: 0, lines: 0, totalPaidCents: 0, claimPaidCents: 0, imbalances: 0, linkedLines: 0 };
  /** The first imbalances and notices in file order, for the outcome (PHI-free; all are stored). */
  readonly imbalances: Imbalance835[] = [];
  readonly notices: string[] = [];
  readonly #fileId: number;
  readonly #linker: BatchChargeLinker;
  readonly #transactionIds = new Map<number, number>();
  readonly #insertTransaction: Statement;
  readonly #finishTransaction: Statement;
  readonly #claims: RowInserter;
  readonly #lines: RowInserter;
  readonly #insertPlb: Statement;
  readonly #insertImbalance: Statement;
  #queue: QueuedClaim[] = [];
  // Ids are given here, not by SQLite, so that lines can name their claim before it is written. Inside
  // the import's write transaction nothing else inserts, and max(id) + 1 is what SQLite would give.
  #lastClaimId: number;
  #lastLineId: number;

  constructor(db: Db, fileId: number) {
    this.#fileId = fileId;
    this.#linker = new BatchChargeLinker(db);
    this.#lastClaimId = db.prepare('SELECT coalesce(max(id), 0) FROM remit_claims').pluck().get() as number;
    this.#lastLineId = db.prepare('SELECT coalesce(max(id), 0) FROM remit_service_lines').pluck().get() as number;
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
    this.#claims = new RowInserter(db, 'remit_claims', CLAIM_COLUMNS);
    this.#lines = new RowInserter(db, 'remit_service_lines', LINE_COLUMNS);
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
    else if (event.kind === 'claim') {
      this.#queue.push({ txId: this.#txId(event.transactionIndex), claim: event.claim, imbalances: event.imbalances });
      if (this.#queue.length >= CLAIMS_PER_BATCH) this.#writeClaims();
    } else {
      this.#writeClaims();
      this.#trailer(this.#txId(event.transactionIndex), event.trailer);
    }
  }

  /** Writes what is still queued; call after the last event. */
  finish(): void {
    this.#writeClaims();
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

  /** Links and writes the queued claims: claim rows first, then their lines (which reference them), then imbalances. */
  #writeClaims(): void {
    const queue = this.#queue;
    if (queue.length === 0) return;
    this.#queue = [];
    const keys = queue.flatMap(({ claim }) => claim.lines.map((line) => lineLinkKey(claim, lineLinkFields(line))));
    this.#linker.load(keys);
    const claimIds: number[] = [];
    for (const { txId, claim } of queue) {
      const claimId = ++this.#lastClaimId;
      claimIds.push(claimId);
      const patient = person(claim, 'QC');
      this.#claims.add([
        claimId, txId, claim.seq, claim.segmentNumber, claim.patientControlNumber, claim.statusCode, claim.totalChargeCents, claim.paidCents,
        claim.patientResponsibilityCents, claim.filingIndicator, claim.payerClaimControlNumber, claim.facilityType, claim.frequencyCode, claim.drgCode,
        patient?.lastName ?? null, patient?.firstName ?? null, patient?.idQualifier ?? null, patient?.id ?? null,
        person(claim, 'IL')?.id ?? null, person(claim, '82')?.id ?? null, claim.statementFrom, claim.statementTo, claim.receivedDate,
        peopleJson(claim.people), refsJson(claim.refs), pairs(claim.dates, (d) => [d.qualifier, d.date]), amountsJson(claim.amounts),
        adjustmentsJson(claim.adjustments), remarksJson(claim.remarks), hasDenial(claim.adjustments),
      ]);
    }
    this.#claims.flush();
    const lineIds = new Map<number, number>();
    const imbalances: { txId: number; claimId: number; lineId: number | null; imbalance: Imbalance835 }[] = [];
    let k = 0;
    queue.forEach(({ txId, claim, imbalances: found }, i) => {
      const claimId = claimIds[i] as number;
      const taken = new Set<number>();
      lineIds.clear();
      for (const line of claim.lines) {
        const link = this.#linker.link(keys[k++] as LineLinkKey, taken);
        if (link.chargeId !== null) {
          taken.add(link.chargeId);
          this.totals.linkedLines += 1;
        }
        const lineId = ++this.#lastLineId;
        lineIds.set(line.seq, lineId);
        this.#lines.add([
          lineId, claimId, line.seq, line.segmentNumber, line.procedure.qualifier, line.procedure.code, line.procedure.modifiers.join(';'),
          line.chargeCents, line.paidCents, link.method, line.revenueCode, line.units,
          line.originalProcedure?.code ?? null, line.originalProcedure ? line.originalProcedure.modifiers.join(';') : null, line.originalUnits,
          line.serviceDate, line.periodStart, line.periodEnd, line.lineControlNumber, line.allowedCents, link.chargeId,
          refsJson(line.refs), amountsJson(line.amounts), adjustmentsJson(line.adjustments), remarksJson(line.remarks), hasDenial(line.adjustments),
        ]);
      }
      // Imbalances name line ids, which exist once the lines are flushed below: keep them for then.
      for (const imbalance of found) imbalances.push({ txId, claimId, lineId: imbalance.lineSeq === null ? null : (lineIds.get(imbalance.lineSeq) ?? null), imbalance });
      this.totals.claims += 1;
      this.totals.lines += claim.lines.length;
      this.totals.claimPaidCents += claim.paidCents;
    });
    this.#lines.flush();
    for (const { txId, claimId, lineId, imbalance } of imbalances) this.#imbalance(txId, claimId, lineId, imbalance);
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
