/**
 * One 835 transaction, ST to SE, turned into events: the header once it is complete, each claim as
 * soon as the next one starts, then the trailer with the provider-level adjustments (PLB) and the
 * transaction balance. Claims are never accumulated, so a transaction of 100k claims costs one claim.
 */
import { checkClaim, checkTransactionBalance, type TransactionRef } from './balance.ts';
import { ClaimBuilder } from './claim-parser.ts';
import { SegmentReader } from './elements.ts';
import { quoteIdentifier, X12SyntaxError } from './errors.ts';
import { HeaderBuilder, type TransactionStart } from './header-parser.ts';
import type { Plb835, PlbAdjustment835, Remit835Event, TransactionHeader835 } from './model.ts';
import type { X12Segment } from './tokenizer.ts';

/** Segments that only make sense inside a claim: meeting one before any CLP is a structural error. */
const CLAIM_ONLY = new Set(['CAS', 'NM1', 'MIA', 'MOA', 'SVC', 'LQ']);
/** Notices kept per transaction; the rest are counted, so a damaged file cannot fill memory. */
const MAX_NOTICES = 100;

/** PLB: provider id, fiscal period date, then up to six (reason:reference, amount) pairs. */
export function readPlb(r: SegmentReader): Plb835 {
  const adjustments: PlbAdjustment835[] = [];
  for (let at = 3; at <= 13; at += 2) {
    const parts = r.composite(at);
    if (parts.length === 0) {
      if (r.text(at + 1) !== null) r.fail(`PLB${String(at + 1).padStart(2, '0')} has an amount without a reason code`);
      continue;
    }
    adjustments.push({ reasonCode: parts[0] ?? '', reference: parts[1] ? parts[1] : null, amountCents: r.cents(at + 1) });
  }
  if (adjustments.length === 0) r.fail('PLB has no adjustment (reason code and amount)');
  return { segmentNumber: r.segment.number, providerId: r.required(1), fiscalPeriodDate: r.date(2), adjustments };
}

export class TransactionParser {
  readonly #start: TransactionStart;
  readonly #ref: TransactionRef;
  readonly #headerBuilder = new HeaderBuilder();
  #header: TransactionHeader835 | null = null;
  #phase: 'header' | 'claims' | 'trailer' = 'header';
  #claim: ClaimBuilder | null = null;
  #claimCount = 0;
  #lineCount = 0;
  #claimPaidCents = 0;
  readonly #plb: Plb835[] = [];
  #plbTotalCents = 0;
  readonly #notices: string[] = [];
  #extraNotices = 0;

  // One callback for the transaction, not a closure per segment (1.5 million segments in a large file).
  readonly #onNotice = (notice: string): void => {
    if (this.#notices.length < MAX_NOTICES) this.#notices.push(notice);
    else this.#extraNotices += 1;
  };

  constructor(start: TransactionStart) {
    this.#start = start;
    this.#ref = { index: start.index, controlNumber: start.controlNumber };
  }

  /** Takes one segment between ST and SE; the events it completes go to `events`. */
  accept(segment: X12Segment, events: Remit835Event[]): void {
    const r = new SegmentReader(segment, this.#onNotice);
    if (this.#phase === 'header') {
      if (segment.id !== 'LX' && segment.id !== 'CLP' && segment.id !== 'PLB') {
        if (CLAIM_ONLY.has(segment.id)) throw this.#misplaced(segment, 'before any claim (CLP)');
        this.#headerBuilder.accept(r);
        return;
      }
      events.push(this.#emitHeader(segment));
      this.#phase = 'claims';
    }
    switch (segment.id) {
      case 'LX':
        if (this.#phase === 'trailer') throw this.#misplaced(segment, 'after the provider adjustments (PLB)');
        this.#closeClaim(events);
        return;
      case 'CLP':
        if (this.#phase === 'trailer') throw this.#misplaced(segment, 'after the provider adjustments (PLB)');
        this.#closeClaim(events);
        this.#claimCount += 1;
        this.#claim = new ClaimBuilder(r, this.#claimCount);
        return;
      case 'PLB': {
        this.#closeClaim(events);
        this.#phase = 'trailer';
        const plb = readPlb(r);
        this.#plb.push(plb);
        this.#plbTotalCents += plb.adjustments.reduce((sum, a) => sum + a.amountCents, 0);
        return;
      }
      default:
        if (this.#phase === 'trailer') {
          if (CLAIM_ONLY.has(segment.id)) throw this.#misplaced(segment, 'after the provider adjustments (PLB)');
        } else if (this.#claim) {
          this.#claim.accept(r);
        } else if (CLAIM_ONLY.has(segment.id)) {
          throw this.#misplaced(segment, 'before any claim (CLP)');
        }
        // TS3/TS2 provider summaries (after LX) are informational and not kept.
        return;
    }
  }

  /** Takes the SE: closes the last claim and emits the trailer with the transaction balance. */
  end(se: X12Segment, events: Remit835Event[]): void {
    if (!this.#header) events.push(this.#emitHeader(se));
    this.#closeClaim(events);
    const header = this.#header as TransactionHeader835;
    const imbalance = checkTransactionBalance(this.#ref, header.payment, this.#claimPaidCents, this.#plbTotalCents, header.payment.segmentNumber);
    events.push({
      kind: 'transaction-end',
      transactionIndex: this.#start.index,
      trailer: {
        seSegmentNumber: se.number,
        plb: this.#plb,
        claimCount: this.#claimCount,
        lineCount: this.#lineCount,
        claimPaidCents: this.#claimPaidCents,
        plbTotalCents: this.#plbTotalCents,
        imbalance,
        notices: this.#extraNotices > 0 ? [...this.#notices, `and ${this.#extraNotices} more notices like these`] : this.#notices,
      },
    });
  }

  #emitHeader(at: X12Segment): Remit835Event {
    this.#header = this.#headerBuilder.build(this.#start, at.number, at.id);
    return { kind: 'transaction-start', header: this.#header };
  }

  #closeClaim(events: Remit835Event[]): void {
    if (!this.#claim) return;
    const claim = this.#claim.build();
    this.#claim = null;
    this.#lineCount += claim.lines.length;
    this.#claimPaidCents += claim.paidCents;
    events.push({ kind: 'claim', transactionIndex: this.#start.index, claim, imbalances: checkClaim(this.#ref, claim) });
  }

  #misplaced(segment: X12Segment, where: string): X12SyntaxError {
    return new X12SyntaxError('STRUCTURE', segment.number, segment.id, `this segment is out of place: it comes ${where} in transaction ${quoteIdentifier(this.#start.controlNumber)}`);
  }
}
