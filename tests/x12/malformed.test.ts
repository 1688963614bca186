/**
 * Malformed input: every kind of damage ends in one X12SyntaxError naming the segment number (and its
 * id when it could be read), and nothing else is ever thrown, wherever the file is cut.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { X12SyntaxError } from '../../shared/x12/errors.ts';
import { parse835Text } from '../../shared/x12/parse-835.ts';
import { fixturePath, readFixture, readSample } from './sample-files.ts';

function errorOf(text: string): X12SyntaxError {
  try {
    parse835Text(text);
  } catch (error) {
    if (error instanceof X12SyntaxError) return error;
    throw error;
  }
  throw new Error('expected an X12SyntaxError');
}

describe('malformed fixtures', () => {
  it.each([
    ['malformed-truncated.835', 'TRUNCATED', 15, 'CLP', 'segment 15 (CLP): the file ends inside this segment'],
    ['malformed-missing-iea.835', 'TRUNCATED', 26, 'IEA', 'segment 26 (IEA): the file ends without the IEA trailer of interchange 000000103'],
    ['malformed-wrong-separators.835', 'BAD_SEGMENT', 2, null, 'segment 2: no segment identifier'],
    ['malformed-empty.835', 'EMPTY', 1, null, 'segment 1: the file is empty'],
    ['malformed-short-isa.835', 'BAD_ISA', 1, 'ISA', 'segment 1 (ISA): the interchange header is 95 characters long'],
    ['malformed-se-count.835', 'SEGMENT_COUNT', 24, 'SE', 'segment 24 (SE): SE01 says 21 segments but transaction 0001 has 22'],
  ])('%s: %s at segment %i', (name, code, segmentNumber, segmentId, message) => {
    const error = errorOf(readFixture(name));
    expect(error).toMatchObject({ code, segmentNumber, segmentId });
    expect(error.message.startsWith(message)).toBe(true);
  });

  it("malformed-image.png: a PNG's bytes are not X12", () => {
    const text = new TextDecoder('utf-8').decode(readFileSync(fixturePath('malformed-image.png')));
    expect(errorOf(text)).toMatchObject({ code: 'NOT_X12', segmentNumber: 1, segmentId: null });
  });
});

describe('envelope and structure checks', () => {
  const good = readFixture('imbalance-transaction.835');

  it.each([
    ['a wrong SE02', good.replace('SE*22*0001', 'SE*22*0002'), 'CONTROL_NUMBER', 24, 'SE'],
    ['a wrong GE01', good.replace('GE*1*103', 'GE*2*103'), 'SEGMENT_COUNT', 25, 'GE'],
    ['a wrong GE02', good.replace('GE*1*103', 'GE*1*104'), 'CONTROL_NUMBER', 25, 'GE'],
    ['a wrong IEA02', good.replace('IEA*1*000000103', 'IEA*1*000000104'), 'CONTROL_NUMBER', 26, 'IEA'],
    ['an 837 instead of an 835', good.replace('ST*835*', 'ST*837*'), 'NOT_835', 3, 'ST'],
    ['a service line before any claim', good.replace('LX*1~', 'LX*1~\nSVC*HC:99213*1*1~').replace('SE*22', 'SE*23'), 'STRUCTURE', 15, 'SVC'],
    ['no BPR', good.replace(/BPR\*[^~]*~\n/, '').replace('SE*22', 'SE*21'), 'STRUCTURE', 13, 'LX'],
    ['an amount that is not a number', good.replace('CAS*CO*45*20.00', 'CAS*CO*45*20,00'), 'BAD_ELEMENT', 21, 'CAS'],
    ['an unknown CAS group', good.replace('CAS*CO*45', 'CAS*XX*45'), 'BAD_ELEMENT', 21, 'CAS'],
    ['BPR03 neither C nor D', good.replace('BPR*I*90.00*C*', 'BPR*I*90.00*X*'), 'BAD_ELEMENT', 4, 'BPR'],
    ['a segment after SE', good.replace('GE*1*103', 'DTM*405*20240101~\nGE*1*103'), 'ENVELOPE', 25, 'DTM'],
    ['an ISA before IEA', good.replace(/IEA[^~]*~\n$/, good.slice(0, 107)), 'ENVELOPE', 26, 'ISA'],
    ['no transaction at all', good.slice(0, good.indexOf('ST*')) + 'GE*0*103~\nIEA*1*000000103~\n', 'STRUCTURE', 5, 'ST'],
  ])('%s', (_label, text, code, segmentNumber, segmentId) => {
    expect(errorOf(text)).toMatchObject({ code, segmentNumber, segmentId });
  });
});

describe('robustness', () => {
  const sample = readSample('pyx12/835_mult_loops.835');

  it('cut at every offset, a file parses or fails with X12SyntaxError, never anything else', () => {
    const parsedAt: number[] = [];
    for (let end = 0; end <= sample.length; end++) {
      try {
        parse835Text(sample.slice(0, end));
        parsedAt.push(end);
      } catch (error) {
        expect(error).toBeInstanceOf(X12SyntaxError);
        expect((error as X12SyntaxError).code).not.toBe('INTERNAL');
        expect((error as X12SyntaxError).segmentNumber).toBeGreaterThan(0);
      }
    }
    // Only the whole file, with or without its last newline and final '~' of the IEA, parses.
    expect(parsedAt).toEqual([sample.length - 2, sample.length - 1, sample.length]);
  });

  it('random damage (a byte replaced by a separator, letter or control character) never throws anything else', () => {
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const replacements = ['*', '~', ':', '>', '\n', 'A', '9', '\u0000', '-', '.', ''];
    for (let i = 0; i < 3_000; i++) {
      const at = random(sample.length);
      const text = sample.slice(0, at) + (replacements[random(replacements.length)] ?? '') + sample.slice(at + 1);
      try {
        parse835Text(text);
      } catch (error) {
        expect(error).toBeInstanceOf(X12SyntaxError);
        expect((error as X12SyntaxError).code).not.toBe('INTERNAL');
      }
    }
  });
});

describe('messages never repeat what may be PHI', () => {
  const good = readFixture('imbalance-transaction.835');
  const PHI = 'DOE JOHN 123456789A';

  it.each([
    ['a name in ST01', good.replace('ST*835*0001', `ST*${PHI}*0001`), 'NOT_835'],
    ['a name in ST02 (and so in SE02)', good.replace('ST*835*0001', `ST*835*${PHI}`), 'CONTROL_NUMBER'],
    ['a name in SE02', good.replace('SE*22*0001', `SE*22*${PHI}`), 'CONTROL_NUMBER'],
    ['a name in SE01', good.replace('SE*22*0001', `SE*${PHI}*0001`), 'SEGMENT_COUNT'],
    ['a name in CAS01', good.replace('CAS*CO*45', `CAS*${PHI}*45`), 'BAD_ELEMENT'],
    ['a name in GE02', good.replace('GE*1*103', `GE*1*${PHI}`), 'CONTROL_NUMBER'],
  ])('%s', (_label, text, code) => {
    const error = errorOf(text);
    expect(error.code).toBe(code);
    expect(error.message).not.toMatch(/DOE|JOHN|123456789A/);
    expect(error.message).toMatch(/not shown/);
  });

  it('still quotes a real control number', () => {
    expect(errorOf(good.replace('SE*22*0001', 'SE*22*0002')).message).toContain('SE02 (0002) does not repeat the control number of its ST (0001)');
  });

  it('an SVC05 of 400 digits is refused, not stored as Infinity', () => {
    const text = good.replace(/SVC\*([^~]*)~/, (segment: string) => {
      const parts = segment.slice(0, -1).split('*');
      parts[5] = '9'.repeat(400);
      return `${parts.join('*')}~`;
    });
    expect(errorOf(text)).toMatchObject({ code: 'BAD_ELEMENT', segmentId: 'SVC' });
    expect(errorOf(text).message).toMatch(/SVC05 is not a decimal number of at most 15 digits/);
  });
});
