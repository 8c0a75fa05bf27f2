import { z } from 'zod';

// What the route importing members takes: CSV text. Over HTTP the codes are always mailed: they
// never travel back in a response. No database code here: the import form checks its input
// with this very object; the lines themselves are the import command's to check.

export const memberImportInputSchema = z
  .strictObject({ csv: z.string().min(1).max(10_000_000) })
  .meta({ id: 'MemberImport', description: 'CSV with columns email,name,class[,organization]' });
