import { z } from 'zod';
import { schemaWords } from '../../platform/http/validationMessages.ts';
import { statementCharsets, statementFormats } from './statementChoices.ts';

// What the route importing a bank statement takes. No database code here: the bank page's import
// form checks its input with this very object; reading the file is the import command's.

const accountName = z.string().trim().min(1).max(200);

export const importStatementInputSchema = z
  .strictObject({
    fileName: z.string().trim().min(1).max(300),
    /** The file's text, already decoded; or send its bytes as `contentBase64`. */
    content: z.string().min(1).optional(),
    /**
     * The file's bytes, as the bank wrote them: decoded here in the character set it declares
     * (XML, OFX) or reads in (UTF-8, ISO 8859-1, Windows-1252, the DOS code pages).
     */
    contentBase64: z.base64().min(1).optional(),
    /** Overrides the character set of `contentBase64`. */
    charset: z.enum(statementCharsets).optional(),
    /**
     * The ledger account (code or path) the statement is for; for a file holding several bank
     * accounts, one per bank account: `{"NL68INGB...": "1110"}`. Optional once a statement of
     * that bank account was imported, and for CSV with a saved mapping.
     */
    account: z.union([accountName, z.record(z.string().min(1).max(100), accountName)]).optional(),
    /** The saved CSV column mapping's name (CSV only). */
    mapping: z.string().trim().min(1).max(100).optional(),
    /** Override the format detection. */
    format: z.enum(statementFormats).optional(),
    /**
     * Import a statement whose own balances do not add up, flagged as a mismatch. Without it
     * such a file is refused, with the figures, and nothing is written.
     */
    acceptMismatch: z.boolean().default(false),
  })
  .refine((i) => (i.content === undefined) !== (i.contentBase64 === undefined), {
    ...schemaWords('fileOnce'),
    path: ['content'],
  })
  .meta({ id: 'StatementImport' });
