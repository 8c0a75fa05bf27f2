/**
 * The formats a bank statement comes in and the character sets its bytes may be read in. In a
 * module of their own (no database code, no decoder) so that the import form's input schema,
 * which the web app imports too, can name them.
 */
export const statementFormats = ['camt053', 'mt940', 'ofx', 'csv'] as const;

/** The character sets banks' exports come in, besides UTF-8. */
export const legacyCharsets = ['windows-1252', 'iso-8859-1', 'cp850', 'cp437'] as const;
export const statementCharsets = ['utf-8', ...legacyCharsets] as const;
export type StatementCharset = (typeof statementCharsets)[number];
