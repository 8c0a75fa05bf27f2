import type { CsvMapping } from '../csvMapping.ts';
import { StatementFileError, type ParsedStatement, type StatementFormat } from '../types.ts';
import { parseCamt053 } from './camt053.ts';
import { decodeStatementBytes } from './decode.ts';
import { parseCsvStatement } from './csv.ts';
import { parseMt940 } from './mt940.ts';
import { parseOfx } from './ofx.ts';

export { parseCamt053, parseCsvStatement, parseMt940, parseOfx };

/** The file's format, from its content first and its name second; null when neither tells. */
export function detectFormat(fileName: string, content: string): StatementFormat | null {
  const head = content
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 4000);
  if (/^OFXHEADER:/i.test(head) || /<OFX>/i.test(head)) return 'ofx';
  if (head.startsWith('<')) {
    if (/camt\.05\d|BkToCstmrStmt/.test(head)) return 'camt053';
    if (/<\?OFX|<OFX/i.test(head)) return 'ofx';
  }
  if (/^\{1:/.test(head) || (/(^|\n):20:/.test(head) && /\n:(25|60[FM]|61):/.test(head)))
    return 'mt940';
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'csv' || extension === 'tsv' || extension === 'txt') return 'csv';
  if (extension === 'xml' || extension === 'camt') return 'camt053';
  if (extension === 'sta' || extension === 'mt940' || extension === '940') return 'mt940';
  if (extension === 'ofx' || extension === 'qfx') return 'ofx';
  return null;
}

/** Reads a statement file of any supported format into its statements. */
export function parseStatementFile(
  fileName: string,
  content: string,
  options: { format?: StatementFormat | undefined; mapping?: CsvMapping | undefined } = {},
): { format: StatementFormat; statements: ParsedStatement[] } {
  const format = options.format ?? detectFormat(fileName, content);
  if (!format)
    throw new StatementFileError(
      `Cannot tell the format of ${fileName}: expected CAMT.053 (XML), MT940, OFX or CSV.`,
      [{ pointer: '/fileName', message: 'unknown statement format', code: 'statement.format' }],
    );
  switch (format) {
    case 'camt053':
      return { format, statements: parseCamt053(content) };
    case 'mt940':
      return { format, statements: parseMt940(content) };
    case 'ofx':
      return { format, statements: parseOfx(content) };
    case 'csv':
      if (!options.mapping)
        throw new StatementFileError('A CSV statement needs a saved column mapping: choose it.', [
          {
            pointer: '/mapping',
            message: 'required for a CSV file',
            code: 'statement.needs-mapping',
          },
        ]);
      return { format, statements: parseCsvStatement(content, options.mapping) };
  }
}

/** A statement file's bytes as text, in the character set its bank wrote it in. */
export const decodeStatementFile = (bytes: Uint8Array): string => decodeStatementBytes(bytes).text;
