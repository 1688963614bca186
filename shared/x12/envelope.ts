/**
 * The envelope around 835 transactions: ISA/IEA (interchange), GS/GE (functional group), ST/SE
 * (transaction set) [BRIEF 4.1]. Checks nesting, the trailer counts (SE01 segments, GE01
 * transactions, IEA01 groups) and that every trailer repeats its header's control number: a mismatch
 * means the file was cut, spliced or edited, so it is refused rather than half-trusted.
 */
import { quoteIdentifier, X12SyntaxError } from './errors.ts';
import type { Group835, Interchange835 } from './model.ts';
import type { X12Segment } from './tokenizer.ts';
import { parseX12Date } from './elements.ts';

export type EnvelopeRole = 'envelope' | 'transaction-start' | 'transaction-end' | 'body';

interface OpenInterchange extends Interchange835 {
  readonly segmentNumber: number;
  groups: number;
}

interface OpenGroup extends Group835 {
  readonly segmentNumber: number;
  transactions: number;
}

interface OpenTransaction {
  readonly controlNumber: string;
  readonly segmentNumber: number;
  segments: number;
}

const el = (segment: X12Segment, index: number): string => (segment.elements[index] ?? '').trim();

export class EnvelopeTracker {
  #interchange: OpenInterchange | null = null;
  #group: OpenGroup | null = null;
  #transaction: OpenTransaction | null = null;
  #lastNumber = 0;

  get interchange(): Interchange835 | null {
    return this.#interchange;
  }

  get group(): Group835 | null {
    return this.#group;
  }

  /** The open transaction's control number and ST position. */
  get transaction(): { readonly controlNumber: string; readonly segmentNumber: number } | null {
    return this.#transaction;
  }

  /** Classifies a segment, updating the counts; throws X12SyntaxError on a broken envelope. */
  accept(segment: X12Segment): EnvelopeRole {
    this.#lastNumber = segment.number;
    const fail = (code: 'ENVELOPE' | 'CONTROL_NUMBER' | 'SEGMENT_COUNT' | 'NOT_835', detail: string): never => {
      throw new X12SyntaxError(code, segment.number, segment.id, detail);
    };
    const tx = this.#transaction;
    if (tx && segment.id !== 'SE') {
      if (segment.id === 'ISA' || segment.id === 'GS' || segment.id === 'ST' || segment.id === 'GE' || segment.id === 'IEA') {
        fail('ENVELOPE', `transaction ${quoteIdentifier(tx.controlNumber)} (ST at segment ${tx.segmentNumber}) has no SE trailer before this segment`);
      }
      tx.segments += 1;
      return 'body';
    }
    switch (segment.id) {
      case 'ISA': {
        if (this.#interchange) fail('ENVELOPE', `a new interchange starts before the IEA of the one opened at segment ${this.#interchange.segmentNumber}`);
        this.#interchange = {
          segmentNumber: segment.number,
          controlNumber: el(segment, 13),
          senderQualifier: el(segment, 5),
          senderId: el(segment, 6),
          receiverQualifier: el(segment, 7),
          receiverId: el(segment, 8),
          version: el(segment, 12),
          usage: el(segment, 15),
          groups: 0,
        };
        return 'envelope';
      }
      case 'GS': {
        if (!this.#interchange) fail('ENVELOPE', 'a functional group (GS) outside an interchange (ISA)');
        if (this.#group) fail('ENVELOPE', `a new functional group starts before the GE of the one opened at segment ${this.#group.segmentNumber}`);
        this.#group = {
          segmentNumber: segment.number,
          functionalId: el(segment, 1),
          senderCode: el(segment, 2),
          receiverCode: el(segment, 3),
          date: parseX12Date(el(segment, 4)),
          controlNumber: el(segment, 6),
          version: el(segment, 8),
          transactions: 0,
        };
        return 'envelope';
      }
      case 'ST': {
        if (this.#interchange && !this.#group) fail('ENVELOPE', 'a transaction (ST) inside an interchange but outside a functional group (GS)');
        if (el(segment, 1) !== '835') fail('NOT_835', `this is transaction set ${quoteIdentifier(el(segment, 1))}, not an 835 claim payment/advice`);
        const controlNumber = el(segment, 2);
        if (!controlNumber) fail('ENVELOPE', 'ST02 (transaction control number) is missing');
        this.#transaction = { controlNumber, segmentNumber: segment.number, segments: 1 };
        if (this.#group) this.#group.transactions += 1;
        return 'transaction-start';
      }
      case 'SE': {
        if (!tx) fail('ENVELOPE', 'an SE trailer without a transaction (ST) to close');
        const open = tx as OpenTransaction;
        open.segments += 1;
        const declared = el(segment, 1);
        if (!/^\d+$/.test(declared) || Number(declared) !== open.segments) {
          fail('SEGMENT_COUNT', `SE01 says ${quoteIdentifier(declared)} segments but transaction ${quoteIdentifier(open.controlNumber)} has ${open.segments} (ST to SE inclusive)`);
        }
        if (el(segment, 2) !== open.controlNumber) {
          fail('CONTROL_NUMBER', `SE02 (${quoteIdentifier(el(segment, 2))}) does not repeat the control number of its ST (${quoteIdentifier(open.controlNumber)})`);
        }
        this.#transaction = null;
        return 'transaction-end';
      }
      case 'GE': {
        const group = this.#group;
        if (!group) fail('ENVELOPE', 'a GE trailer without a functional group (GS) to close');
        const open = group as OpenGroup;
        if (el(segment, 1) !== String(open.transactions)) {
          fail('SEGMENT_COUNT', `GE01 says ${quoteIdentifier(el(segment, 1))} transactions but the group has ${open.transactions}`);
        }
        if (el(segment, 2) !== open.controlNumber) fail('CONTROL_NUMBER', `GE02 (${quoteIdentifier(el(segment, 2))}) does not repeat GS06 (${quoteIdentifier(open.controlNumber)})`);
        this.#group = null;
        if (this.#interchange) this.#interchange.groups += 1;
        return 'envelope';
      }
      case 'IEA': {
        const interchange = this.#interchange;
        if (!interchange) fail('ENVELOPE', 'an IEA trailer without an interchange (ISA) to close');
        const open = interchange as OpenInterchange;
        if (this.#group) fail('ENVELOPE', `the functional group opened at segment ${this.#group.segmentNumber} has no GE trailer`);
        if (el(segment, 1) !== String(open.groups)) fail('SEGMENT_COUNT', `IEA01 says ${quoteIdentifier(el(segment, 1))} groups but the interchange has ${open.groups}`);
        if (el(segment, 2) !== open.controlNumber) fail('CONTROL_NUMBER', `IEA02 (${quoteIdentifier(el(segment, 2))}) does not repeat ISA13 (${quoteIdentifier(open.controlNumber)})`);
        this.#interchange = null;
        return 'envelope';
      }
      default:
        return fail('ENVELOPE', 'this segment is outside any transaction (it must come between an ST and its SE)');
    }
  }

  /** Called at the end of the input: anything still open means the file was cut off. */
  finish(): void {
    const next = this.#lastNumber + 1;
    if (this.#transaction) {
      const tx = this.#transaction;
      throw new X12SyntaxError('TRUNCATED', next, 'SE', `the file ends inside transaction ${quoteIdentifier(tx.controlNumber)} (ST at segment ${tx.segmentNumber}): its SE trailer is missing`);
    }
    if (this.#group) {
      throw new X12SyntaxError('TRUNCATED', next, 'GE', `the file ends without the GE trailer of the functional group opened at segment ${this.#group.segmentNumber}`);
    }
    if (this.#interchange) {
      const isa = this.#interchange;
      throw new X12SyntaxError('TRUNCATED', next, 'IEA', `the file ends without the IEA trailer of interchange ${quoteIdentifier(isa.controlNumber)} (ISA at segment ${isa.segmentNumber})`);
    }
  }
}
