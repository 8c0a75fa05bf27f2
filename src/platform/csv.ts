import { parse } from 'csv-parse/sync';
import { badRequest } from './errors.ts';
import { csvReason } from './reasons.ts';

/**
 * Every CSV the co-op writes goes through `csvCell`, `csvLine` or `csvTable`: one place that
 * quotes (RFC 4180) and neutralises formulas.
 *
 * A cell a spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return: OWASP's list) is written with a leading single quote, and quoted, so that a
 * member named `=HYPERLINK(...)` shows as text in an officer's spreadsheet instead of running.
 *
 * Except a plain number (`-12.50`, `+3`, `1500`): it cannot be a formula, and ledger exports
 * are full of negative amounts that hledger, Beancount's importers and spreadsheets must read
 * as numbers. The test is on the whole cell, so `-1+2` or `-5,HYPERLINK(...)` are neutralised;
 * a text column holding just `-5` is left as the number it is, which is harmless.
 */
const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^[+-]?\d+(\.\d+)?$/;

export function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined
      ? ''
      : typeof value === 'string'
        ? value
        : typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean'
          ? String(value)
          : value instanceof Date
            ? value.toISOString()
            : JSON.stringify(value);
  const formula = formulaStart.test(text) && !plainNumber.test(text);
  if (formula) text = `'${text}`;
  return formula || /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, with its line end. */
export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\n`;
}

/** A header line and a line per row, the columns being every key the rows hold, in order. */
export function csvTable(rows: readonly Record<string, unknown>[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return csvLine(columns) + rows.map((r) => csvLine(columns.map((c) => r[c]))).join('');
}

/**
 * Parses CSV with a header line into records keyed by lower-cased column names. Every import
 * reads its files through here, so they all accept the same dialect (a BOM, blank lines,
 * quoted fields) and refuse broken CSV the same way.
 */
export function parseCsvRecords(text: string): Record<string, string>[] {
  try {
    return parse(text, {
      columns: (header: string[]) => header.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (error) {
    // csv-parse's own reason, with its line and column as figures where its code is known.
    const reason = csvReason(error);
    throw badRequest(`The file is not valid CSV: ${reason.reason}`, [
      { pointer: '/file', message: reason.reason },
    ]).because('csv.invalid', reason);
  }
}
