/** Small helpers shared by the invoice and close-out spreadsheets (exceljs). */
import type ExcelJS from 'exceljs';

/** Dollars with thousands separators and cents; negatives in parentheses, as finance offices read them. */
export const MONEY_FORMAT = '#,##0.00;(#,##0.00)';

/**
 * Cents to the number a spreadsheet cell holds. A cell is a binary float, so the exact cents are also
 * kept in the text columns of the documents; two decimals of a value under 2^53 / 100 read back exactly.
 */
export function dollars(cents: number): number {
  return cents / 100;
}

/** Bold header row with a fill and a bottom border, frozen under the title rows. */
export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6EDF5' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8090A0' } } };
  });
}

/** A SUM formula over a column's data rows with its cached result, so readers without recalculation see the total. */
export function sumCell(column: string, first: number, last: number, resultCents: number): ExcelJS.CellFormulaValue {
  return { formula: last >= first ? `SUM(${column}${first}:${column}${last})` : '0', result: dollars(resultCents), date1904: false };
}
