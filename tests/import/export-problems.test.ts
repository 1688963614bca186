/** The problems of a refused import as a CSV file for the coordinator. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvCell, problemsToCsv, writeProblemsCsv } from '../../db/import/export-problems.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe('the problems CSV', () => {
  it('has a header and one quoted line per problem', () => {
    const csv = problemsToCsv([
      { file: 'calendar.csv', line: 12, column: 5, columnName: 'sponsor_price', reason: "'12,5' is not an amount" },
      { file: 'studies.csv', line: 0, column: 0, reason: 'the file is "empty"' },
    ]);
    expect(csv).toBe(`file,line,column,column_name,reason\r\ncalendar.csv,12,5,sponsor_price,"'12,5' is not an amount"\r\nstudies.csv,0,0,,"the file is ""empty"""\r\n`);
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-5 is outside 0..365')).toBe("'-5 is outside 0..365");
    expect(csvCell(7)).toBe('7');
  });

  it('writes a dated file into the outbox', () => {
    const dir = tempDir();
    const name = writeProblemsCsv(dir, [{ file: 'a.csv', line: 2, column: 1, reason: 'bad' }], new Date('2026-01-15T10:20:30.000Z'));
    expect(name).toBe('import-problems-2026-01-15_10-20-30.csv');
    expect(readFileSync(join(dir, name), 'utf8')).toContain('a.csv,2,1,,bad');
  });
});
