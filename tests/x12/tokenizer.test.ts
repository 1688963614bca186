/** The incremental tokenizer: delimiters, layouts, chunk boundaries, and what it refuses. */
import { describe, expect, it } from 'vitest';
import { X12SyntaxError } from '../../shared/x12/errors.ts';
import { parse835Text } from '../../shared/x12/parse-835.ts';
import { MAX_SEGMENT_CHARS, tokenizeX12, X12Tokenizer, type X12Segment } from '../../shared/x12/tokenizer.ts';
import { readFixture, readSample } from './sample-files.ts';

const PROFEE = readSample('tastypackets/profee-one-line.835');
const strip = (segments: X12Segment[]) => segments.map((s) => [s.number, ...s.elements]);

function feedInPieces(text: string, size: number): X12Segment[] {
  const tokenizer = new X12Tokenizer();
  const out: X12Segment[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...tokenizer.feed(text.slice(i, i + size)));
  return [...out, ...tokenizer.end()];
}

function errorOf(work: () => unknown): X12SyntaxError {
  try {
    work();
  } catch (error) {
    if (error instanceof X12SyntaxError) return error;
    throw error;
  }
  throw new Error('expected an X12SyntaxError');
}

describe('X12Tokenizer', () => {
  it('takes the delimiters from the ISA: element = char 4, component = ISA16, terminator = char 106, repetition = ISA11', () => {
    const [isa, gs] = tokenizeX12(readSample('linuxforhealth/cob-contractural-adjustment.835'));
    expect(isa?.delimiters).toEqual({ element: '*', component: ':', segment: '~', repetition: '^' });
    expect(isa?.elements).toHaveLength(17);
    expect(isa?.elements[13]).toBe('000000907');
    expect(gs?.id).toBe('GS');
  });

  it('reads a newline as the terminator when the character after ISA16 is one', () => {
    const segments = tokenizeX12(readSample('tastypackets/multi-line-not-delimited.835'));
    expect(segments[0]?.delimiters.segment).toBe('\n');
    expect(segments).toHaveLength(69);
    expect(segments.at(-1)?.elements).toEqual(['IEA', '1', '006000600']);
  });

  it('reads a bare transaction (no ISA/GS) with CRLF line ends, detecting * and the terminator from the ST segment', () => {
    const segments = tokenizeX12(readFixture('balanced-bare.835'));
    expect(segments[0]?.elements).toEqual(['ST', '835', '0001']);
    expect(segments[0]?.delimiters).toEqual({ element: '*', component: null, segment: '\r', repetition: null });
    const parsed = parse835Text(readFixture('balanced-bare.835'));
    expect(parsed.transactions[0]?.header.interchange).toBeNull();
    expect(parsed.transactions[0]?.claims[0]?.lines[0]?.procedure.code).toBe('99213');
  });

  it('gives the same segments for any chunk size, even one character at a time', () => {
    const whole = strip(tokenizeX12(PROFEE));
    for (const size of [1, 2, 3, 7, 105, 106, 107, 4096]) expect(strip(feedInPieces(PROFEE, size))).toEqual(whole);
  });

  it('ignores blank lines, indentation and CRLF between segments', () => {
    const messy = '\uFEFF\r\n  ' + PROFEE.replaceAll('~', '~\r\n\t  \n');
    expect(strip(tokenizeX12(messy))).toEqual(strip(tokenizeX12(PROFEE)));
  });

  it('joins segments wrapped at a fixed width when ~ is the terminator', () => {
    const header = PROFEE.slice(0, 106);
    const body = PROFEE.slice(106);
    const wrapped = header + '\n' + (body.match(/.{1,80}/g) ?? []).join('\n');
    expect(strip(tokenizeX12(wrapped))).toEqual(strip(tokenizeX12(PROFEE)));
  });

  it('reads several interchanges one after another, each with its own delimiters', () => {
    const second = PROFEE.replaceAll('*', '|').replaceAll('~', '\n').replace('|:\n', '|>\n');
    const segments = tokenizeX12(PROFEE + '\n' + second);
    expect(segments).toHaveLength(138);
    expect(segments[69]?.delimiters).toEqual({ element: '|', component: '>', segment: '\n', repetition: '^' });
    expect(segments[70]?.elements.slice(0, 2)).toEqual(['GS', 'HP']);
  });

  it('reads several transactions (ST...SE) in one functional group', () => {
    const text = readFixture('imbalance-line.835');
    const st = text.slice(text.indexOf('ST*835'), text.indexOf('GE*'));
    const twice = text.replace(st, st + st.replaceAll('0001', '0002')).replace('GE*1*101', 'GE*2*101');
    const parsed = parse835Text(twice);
    expect(parsed.transactions.map((t) => [t.header.index, t.header.controlNumber, t.header.stSegmentNumber, t.claims.length])).toEqual([
      [1, '0001', 3, 1],
      [2, '0002', 25, 1],
    ]);
    expect(parsed.transactions.map((t) => t.header.group?.controlNumber)).toEqual(['101', '101']);
    expect(parsed.transactions.map((t) => t.imbalances.map((i) => [i.level, i.transactionControlNumber]))).toEqual([[['line', '0001']], [['line', '0002']]]);
  });

  it('accepts a last segment without terminator only when newlines terminate, or when it is the IEA', () => {
    expect(tokenizeX12(PROFEE.slice(0, -1)).at(-1)?.id).toBe('IEA');
    const lines = readSample('tastypackets/multi-line-not-delimited.835').trimEnd();
    expect(tokenizeX12(lines)).toHaveLength(69);
    const cut = PROFEE.slice(0, PROFEE.indexOf('~GE*'));
    expect(errorOf(() => tokenizeX12(cut))).toMatchObject({ code: 'TRUNCATED', segmentNumber: 67, segmentId: 'SE' });
  });

  it('refuses a file without terminators before holding more than one segment of text', () => {
    const noTerminator = PROFEE.slice(0, 106) + 'GS*HP*' + 'X'.repeat(MAX_SEGMENT_CHARS + 10);
    const tokenizer = new X12Tokenizer();
    expect(tokenizer.feed(PROFEE.slice(0, 106))).toHaveLength(1);
    expect(errorOf(() => tokenizer.feed(noTerminator.slice(106)))).toMatchObject({ code: 'SEGMENT_TOO_LONG', segmentNumber: 2 });
  });

  it('refuses control characters inside a segment as binary data', () => {
    const withNul = PROFEE.replace('NYSDOH', 'NYS\u0000DOH');
    expect(errorOf(() => tokenizeX12(withNul))).toMatchObject({ code: 'BINARY', segmentNumber: 8 });
  });

  it('refuses separators that are letters, digits or repeated', () => {
    const letterTerminator = PROFEE.slice(0, 105) + 'G' + PROFEE.slice(106);
    expect(errorOf(() => tokenizeX12(letterTerminator))).toMatchObject({ code: 'BAD_SEPARATORS', segmentNumber: 1, segmentId: 'ISA' });
    const sameAsElement = PROFEE.slice(0, 104) + '*' + PROFEE.slice(105);
    expect(errorOf(() => tokenizeX12(sameAsElement))).toMatchObject({ code: 'BAD_SEPARATORS', segmentId: 'ISA' });
  });

  it('refuses text that starts with neither ISA nor ST, and an empty input', () => {
    expect(errorOf(() => tokenizeX12('hello, world'))).toMatchObject({ code: 'NOT_X12', segmentNumber: 1 });
    expect(errorOf(() => tokenizeX12(' \n\r\n '))).toMatchObject({ code: 'EMPTY', segmentNumber: 1 });
    expect(errorOf(() => tokenizeX12('IS'))).toMatchObject({ code: 'BAD_ISA', segmentNumber: 1 });
    expect(errorOf(() => tokenizeX12('ST*835*' + '1'.repeat(300)))).toMatchObject({ code: 'BAD_SEPARATORS', segmentNumber: 1, segmentId: 'ST' });
    expect(errorOf(() => tokenizeX12('ST*835*0001'))).toMatchObject({ code: 'TRUNCATED', segmentNumber: 1, segmentId: 'ST' });
  });

  it('never puts element values in its messages', () => {
    const damaged = PROFEE.replace('NM1*QC*1*SUBMITTED LAST', 'nm1*QC*1*SUBMITTED LAST');
    const error = errorOf(() => tokenizeX12(damaged));
    expect(error).toMatchObject({ code: 'BAD_SEGMENT', segmentNumber: 16 });
    expect(error.message).not.toContain('SUBMITTED');
  });
});
