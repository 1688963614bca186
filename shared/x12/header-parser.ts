/**
 * The 835 header: BPR (payment), TRN (trace), REF/DTM, then loop 1000A payer (N1*PR, N3, N4, REF,
 * PER) and loop 1000B payee (N1*PE with FI/XV/XX id, N3, N4, REF TJ/PQ/0B/D3, RDM) [BRIEF 4.1].
 */
import { quoteIdentifier, X12SyntaxError } from './errors.ts';
import type { SegmentReader } from './elements.ts';
import type { Address835, Contact835, Group835, Interchange835, Party835, Payment835, Ref835, Trace835, TransactionHeader835 } from './model.ts';

interface PartyDraft {
  name: string;
  idQualifier: string | null;
  id: string | null;
  address: { lines: string[]; city: string | null; state: string | null; postalCode: string | null; country: string | null } | null;
  refs: Ref835[];
  contacts: Contact835[];
}

export interface TransactionStart {
  readonly index: number;
  readonly stSegmentNumber: number;
  readonly controlNumber: string;
  readonly implementationReference: string | null;
  readonly interchange: Interchange835 | null;
  readonly group: Group835 | null;
}

export function readRef(r: SegmentReader): Ref835 {
  return { qualifier: r.required(1), value: r.required(2) };
}

export class HeaderBuilder {
  #payment: Payment835 | null = null;
  #trace: Trace835 | null = null;
  #refs: Ref835[] = [];
  #productionDate: string | null = null;
  #payer: PartyDraft | null = null;
  #payee: PartyDraft | null = null;
  /** The N1 loop that N3/N4/REF/PER belong to; null before the first N1 (header REF/DTM). */
  #current: PartyDraft | null = null;
  #inParty = false;

  /** Takes one header segment; unknown segments (CUR, RDM...) are skipped. */
  accept(r: SegmentReader): void {
    switch (r.id) {
      case 'BPR': {
        const creditDebit = r.required(3);
        if (creditDebit !== 'C' && creditDebit !== 'D') r.fail('BPR03 must be C (credit) or D (debit)');
        this.#payment = {
          segmentNumber: r.segment.number,
          handlingCode: r.required(1),
          totalPaymentCents: r.cents(2),
          creditDebit,
          method: r.text(4),
          format: r.text(5),
          paymentDate: r.date(16),
        };
        return;
      }
      case 'TRN':
        this.#trace = { traceType: r.required(1), traceNumber: r.required(2), originatorId: r.text(3), originatorSupplemental: r.text(4) };
        return;
      case 'DTM':
        if (!this.#inParty && r.text(1) === '405') this.#productionDate = r.date(2);
        return;
      case 'N1':
        this.#n1(r);
        return;
      case 'N3':
        if (this.#current) this.#address(this.#current).lines.push(...[r.text(1), r.text(2)].filter((line): line is string => line !== null));
        return;
      case 'N4':
        if (this.#current) Object.assign(this.#address(this.#current), { city: r.text(1), state: r.text(2), postalCode: r.text(3), country: r.text(4) });
        return;
      case 'REF':
        (this.#inParty ? (this.#current?.refs ?? []) : this.#refs).push(readRef(r));
        return;
      case 'PER':
        this.#current?.contacts.push({ functionCode: r.required(1), name: r.text(2), channels: readChannels(r) });
        return;
      default:
        return;
    }
  }

  #n1(r: SegmentReader): void {
    const draft: PartyDraft = { name: r.text(2) ?? '', idQualifier: r.text(3), id: r.text(4), address: null, refs: [], contacts: [] };
    this.#inParty = true;
    const role = r.required(1);
    if (role === 'PR') this.#payer = draft;
    else if (role === 'PE') this.#payee = draft;
    this.#current = role === 'PR' || role === 'PE' ? draft : null;
  }

  #address(draft: PartyDraft): NonNullable<PartyDraft['address']> {
    draft.address ??= { lines: [], city: null, state: null, postalCode: null, country: null };
    return draft.address;
  }

  /**
   * Finishes the header when the first LX/CLP/PLB/SE arrives. BPR, TRN and both N1 loops are
   * required by the TR3; without them a payment cannot be traced or attributed, so the file is refused.
   */
  build(start: TransactionStart, atSegment: number, atId: string): TransactionHeader835 {
    const missing = (what: string): never => {
      throw new X12SyntaxError('STRUCTURE', atSegment, atId, `transaction ${quoteIdentifier(start.controlNumber)} (ST at segment ${start.stSegmentNumber}) has no ${what} before this segment`);
    };
    const payment = this.#payment ?? missing('BPR (financial information) segment');
    const trace = this.#trace ?? missing('TRN (reassociation trace number) segment');
    const payer = this.#payer ?? missing('payer identification (N1*PR)');
    const payee = this.#payee ?? missing('payee identification (N1*PE)');
    return {
      ...start,
      payment,
      trace,
      refs: this.#refs,
      productionDate: this.#productionDate,
      payer: freezeParty(payer),
      payee: freezeParty(payee),
    };
  }
}

function freezeParty(draft: PartyDraft): Party835 {
  const address: Address835 | null = draft.address;
  return { name: draft.name, idQualifier: draft.idQualifier, id: draft.id, address, refs: draft.refs, contacts: draft.contacts };
}

function readChannels(r: SegmentReader): Contact835['channels'] {
  const channels: { qualifier: string; value: string }[] = [];
  for (let i = 3; i <= 7; i += 2) {
    const qualifier = r.text(i);
    const value = r.text(i + 1);
    if (qualifier && value) channels.push({ qualifier, value });
  }
  return channels;
}
