/**
 * Loop 2100 (claim payment: CLP, CAS, NM1, MIA, MOA, REF, DTM, PER, AMT, QTY) and loop 2110 (service
 * payment: SVC, DTM, CAS, REF, AMT, QTY, LQ) [BRIEF 4.1]. One ClaimBuilder lives from its CLP to the
 * next CLP/LX/PLB/SE, so only one claim is ever held in memory.
 */
import { quoteIdentifier, X12SyntaxError } from './errors.ts';
import type { SegmentReader } from './elements.ts';
import { readRef } from './header-parser.ts';
import type { Adjustment835, Amount835, Claim835, Dated835, Person835, Procedure835, Quantity835, Ref835, Remark835, ServiceLine835 } from './model.ts';

/** CAS01 values: CO, OA, PI, PR in 5010; CR survives from 4010 files [BRIEF 4.1] [WPC-GROUP]. */
const GROUP_CODES = new Set(['CO', 'OA', 'PI', 'PR', 'CR']);
/** MIA05 and MIA20-23 carry claim payment remark codes; MOA03-07 do. */
const MIA_REMARKS = [5, 20, 21, 22, 23];
const MOA_REMARKS = [3, 4, 5, 6, 7];

/** Reads every (reason, amount, quantity) triplet of a CAS: up to six, CAS02-04 ... CAS17-19. */
export function readCas(r: SegmentReader): Adjustment835[] {
  const groupCode = r.required(1);
  if (!GROUP_CODES.has(groupCode)) r.fail(`CAS01 (${quoteIdentifier(groupCode)}) is not a claim adjustment group code (CO, OA, PI, PR)`);
  const found: Adjustment835[] = [];
  // Elements past the end of the segment are empty: the loop stops there instead of reading 18.
  const last = Math.min(17, r.segment.elements.length - 1);
  for (let reasonAt = 2; reasonAt <= last; reasonAt += 3) {
    const reasonCode = r.text(reasonAt);
    if (reasonCode === null) {
      if (r.text(reasonAt + 1) !== null) r.fail(`CAS${String(reasonAt + 1).padStart(2, '0')} has an amount without a reason code`);
      continue;
    }
    found.push({ segmentNumber: r.segment.number, groupCode, reasonCode, amountCents: r.cents(reasonAt + 1), quantity: r.quantity(reasonAt + 2) });
  }
  if (found.length === 0) r.fail('CAS has no adjustment (reason code and amount)');
  return found;
}

function readProcedure(parts: string[]): Procedure835 {
  return {
    qualifier: parts[0] ?? '',
    code: parts[1] ?? '',
    modifiers: parts.slice(2, 6).filter((m) => m !== ''),
    description: parts[6] ? parts[6] : null,
  };
}

function readPerson(r: SegmentReader): Person835 {
  return {
    entityCode: r.required(1),
    entityType: r.text(2),
    lastName: r.text(3),
    firstName: r.text(4),
    middleName: r.text(5),
    suffix: r.text(7),
    idQualifier: r.text(8),
    id: r.text(9),
  };
}

/** A DTM; null when its date is impossible (the reader has reported a notice). */
function readDated(r: SegmentReader): Dated835 | null {
  const qualifier = r.required(1);
  r.required(2);
  const date = r.date(2);
  return date === null ? null : { qualifier, date };
}

interface LineDraft {
  segmentNumber: number;
  seq: number;
  procedure: Procedure835;
  chargeCents: number;
  paidCents: number;
  revenueCode: string | null;
  units: number | null;
  originalProcedure: Procedure835 | null;
  originalUnits: number | null;
  serviceDate: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  lineControlNumber: string | null;
  allowedCents: number | null;
  refs: Ref835[];
  amounts: Amount835[];
  quantities: Quantity835[];
  adjustments: Adjustment835[];
  remarks: Remark835[];
  rejectCodes: string[];
}

export class ClaimBuilder {
  readonly #base: Omit<Claim835, 'people' | 'refs' | 'dates' | 'statementFrom' | 'statementTo' | 'receivedDate' | 'amounts' | 'quantities' | 'adjustments' | 'remarks' | 'lines'>;
  readonly #people: Person835[] = [];
  readonly #refs: Ref835[] = [];
  readonly #dates: Dated835[] = [];
  readonly #amounts: Amount835[] = [];
  readonly #quantities: Quantity835[] = [];
  readonly #adjustments: Adjustment835[] = [];
  readonly #remarks: Remark835[] = [];
  readonly #lines: LineDraft[] = [];
  #line: LineDraft | null = null;

  constructor(clp: SegmentReader, seq: number) {
    const statusCode = clp.required(2);
    this.#base = {
      segmentNumber: clp.segment.number,
      seq,
      patientControlNumber: clp.required(1),
      statusCode,
      totalChargeCents: clp.cents(3),
      paidCents: clp.cents(4),
      patientResponsibilityCents: clp.optionalCents(5),
      filingIndicator: clp.text(6),
      payerClaimControlNumber: clp.text(7),
      facilityType: clp.text(8),
      frequencyCode: clp.text(9),
      drgCode: clp.text(11),
    };
  }

  get lineCount(): number {
    return this.#lines.length;
  }

  /** Takes a segment of this claim or of its current service line; others are skipped. */
  accept(r: SegmentReader): void {
    const line = this.#line;
    switch (r.id) {
      case 'SVC':
        this.#startLine(r);
        return;
      case 'CAS':
        (line ? line.adjustments : this.#adjustments).push(...readCas(r));
        return;
      case 'NM1':
        this.#people.push(readPerson(r));
        return;
      case 'MIA':
      case 'MOA':
        for (const index of r.id === 'MIA' ? MIA_REMARKS : MOA_REMARKS) {
          const code = r.text(index);
          if (code) this.#remarks.push({ source: r.id, code });
        }
        return;
      case 'REF': {
        const ref = readRef(r);
        if (!line) this.#refs.push(ref);
        else {
          line.refs.push(ref);
          if (ref.qualifier === '6R' && line.lineControlNumber === null) line.lineControlNumber = ref.value;
        }
        return;
      }
      case 'DTM': {
        const dated = readDated(r);
        if (!dated) return;
        if (!line) this.#dates.push(dated);
        else if (dated.qualifier === '472') line.serviceDate = dated.date;
        else if (dated.qualifier === '150') line.periodStart = dated.date;
        else if (dated.qualifier === '151') line.periodEnd = dated.date;
        return;
      }
      case 'AMT': {
        const amount = { qualifier: r.required(1), cents: r.cents(2) };
        if (!line) this.#amounts.push(amount);
        else {
          line.amounts.push(amount);
          if (amount.qualifier === 'B6') line.allowedCents = amount.cents;
        }
        return;
      }
      case 'QTY': {
        const quantity = r.quantity(2);
        if (quantity === null) r.fail('QTY02 (the quantity) is missing');
        (line ? line.quantities : this.#quantities).push({ qualifier: r.required(1), quantity });
        return;
      }
      case 'LQ': {
        if (!line) throw new X12SyntaxError('STRUCTURE', r.segment.number, 'LQ', 'a remark (LQ) before any service line (SVC) of its claim');
        const qualifier = r.required(1);
        if (qualifier === 'HE') line.remarks.push({ source: 'LQ', code: r.required(2) });
        else line.rejectCodes.push(r.required(2));
        return;
      }
      default:
        return;
    }
  }

  #startLine(r: SegmentReader): void {
    const procedure = readProcedure(r.composite(1));
    if (procedure.qualifier === '') r.fail('SVC01 (the procedure composite) is missing');
    // SVC06 without a code (a qualifier alone) identifies nothing: treat it as absent.
    const original = r.composite(6);
    const line: LineDraft = {
      segmentNumber: r.segment.number,
      seq: this.#lines.length + 1,
      procedure,
      chargeCents: r.cents(2),
      paidCents: r.cents(3),
      revenueCode: r.text(4),
      units: r.quantity(5),
      originalProcedure: original[1] ? readProcedure(original) : null,
      originalUnits: r.quantity(7),
      serviceDate: null,
      periodStart: null,
      periodEnd: null,
      lineControlNumber: null,
      allowedCents: null,
      refs: [],
      amounts: [],
      quantities: [],
      adjustments: [],
      remarks: [],
      rejectCodes: [],
    };
    this.#lines.push(line);
    this.#line = line;
  }

  build(): Claim835 {
    const dateOf = (qualifier: string): string | null => this.#dates.find((d) => d.qualifier === qualifier)?.date ?? null;
    const lines: ServiceLine835[] = this.#lines;
    return {
      ...this.#base,
      people: this.#people,
      refs: this.#refs,
      dates: this.#dates,
      statementFrom: dateOf('232'),
      statementTo: dateOf('233'),
      receivedDate: dateOf('050'),
      amounts: this.#amounts,
      quantities: this.#quantities,
      adjustments: this.#adjustments,
      remarks: this.#remarks,
      lines,
    };
  }
}
