import { parse } from 'csv-parse/sync';
import { badRequest } from './errors.ts';

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
    throw badRequest(`The file is not valid CSV: ${(error as Error).message}`, [
      { pointer: '/file', message: (error as Error).message },
    ]);
  }
}
