/**
 * The 835 reader: tokenizer -> envelope -> transaction parser, fed with text chunks, emitting events
 * (`transaction-start`, `claim`, `transaction-end`). Pure: the caller does the I/O (db/remit reads a
 * file in chunks; tests pass strings). The only exception that ever leaves it is X12SyntaxError.
 */
import { EnvelopeTracker } from './envelope.ts';
import { X12SyntaxError } from './errors.ts';
import type { Group835, Imbalance835, Interchange835, Remit835Event, Remittance835, TransactionHeader835 } from './model.ts';
import { X12Tokenizer, type X12Segment } from './tokenizer.ts';
import { TransactionParser } from './transaction-parser.ts';

function copyInterchange(i: Interchange835 | null): Interchange835 | null {
  if (!i) return null;
  const { controlNumber, senderQualifier, senderId, receiverQualifier, receiverId, version, usage } = i;
  return { controlNumber, senderQualifier, senderId, receiverQualifier, receiverId, version, usage };
}

function copyGroup(g: Group835 | null): Group835 | null {
  if (!g) return null;
  const { controlNumber, functionalId, senderCode, receiverCode, date, version } = g;
  return { controlNumber, functionalId, senderCode, receiverCode, date, version };
}

/** Segments in, events out. */
export class Remit835Parser {
  readonly #envelope = new EnvelopeTracker();
  #transaction: TransactionParser | null = null;
  #transactions = 0;
  #lastSegment = 0;

  get transactionCount(): number {
    return this.#transactions;
  }

  /** Takes one segment; the events it completes go to `events`. */
  push(segment: X12Segment, events: Remit835Event[]): void {
    this.#lastSegment = segment.number;
    const role = this.#envelope.accept(segment);
    if (role === 'transaction-start') {
      this.#transactions += 1;
      this.#transaction = new TransactionParser({
        index: this.#transactions,
        stSegmentNumber: segment.number,
        controlNumber: (segment.elements[2] ?? '').trim(),
        implementationReference: segment.elements[3]?.trim() || null,
        interchange: copyInterchange(this.#envelope.interchange),
        group: copyGroup(this.#envelope.group),
      });
      return;
    }
    const transaction = this.#transaction;
    if (role === 'body' && transaction) transaction.accept(segment, events);
    else if (role === 'transaction-end' && transaction) {
      this.#transaction = null;
      transaction.end(segment, events);
    }
  }

  finish(): void {
    this.#envelope.finish();
    if (this.#transactions === 0) {
      throw new X12SyntaxError('STRUCTURE', this.#lastSegment + 1, 'ST', 'the file holds no 835 transaction (no ST segment)');
    }
  }
}

/** Text chunks in, events out: the streaming entry point. */
export class Remit835Reader {
  readonly #tokenizer = new X12Tokenizer();
  readonly #parser = new Remit835Parser();

  get segmentCount(): number {
    return this.#tokenizer.segmentCount;
  }

  feed(chunk: string): Remit835Event[] {
    return this.#guard(() => this.#parse(this.#tokenizer.feed(chunk)));
  }

  end(): Remit835Event[] {
    return this.#guard(() => {
      const events = this.#parse(this.#tokenizer.end());
      this.#parser.finish();
      return events;
    });
  }

  #parse(segments: X12Segment[]): Remit835Event[] {
    const events: Remit835Event[] = [];
    for (const segment of segments) this.#parser.push(segment, events);
    return events;
  }

  /** Keeps the promise that only X12SyntaxError leaves the reader, even on a bug in this code. */
  #guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof X12SyntaxError) throw error;
      throw new X12SyntaxError('INTERNAL', this.#tokenizer.segmentCount, null, 'the file could not be read (unexpected content)');
    }
  }
}

export interface Parsed835 {
  readonly transactions: readonly Remittance835[];
  readonly segmentCount: number;
}

/** Collects the events of a whole text into transactions (tests, small inputs). */
export function collect835Events(events: Iterable<Remit835Event>): Remittance835[] {
  const out: Remittance835[] = [];
  let current: { header: TransactionHeader835; claims: Remittance835['claims'][number][]; imbalances: Imbalance835[] } | null = null;
  for (const event of events) {
    if (event.kind === 'transaction-start') current = { header: event.header, claims: [], imbalances: [] };
    else if (event.kind === 'claim' && current) {
      current.claims.push(event.claim);
      current.imbalances.push(...event.imbalances);
    } else if (event.kind === 'transaction-end' && current) {
      if (event.trailer.imbalance) current.imbalances.push(event.trailer.imbalance);
      out.push({ ...current, trailer: event.trailer });
      current = null;
    }
  }
  return out;
}

/** Parses a whole 835 text. Throws X12SyntaxError on malformed input. */
export function parse835Text(text: string): Parsed835 {
  const reader = new Remit835Reader();
  const events = [...reader.feed(text), ...reader.end()];
  return { transactions: collect835Events(events), segmentCount: reader.segmentCount };
}
