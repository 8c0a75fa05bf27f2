import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { createOrganization } from '../../organizations/commands/createOrganization.ts';
import { organizationIdsByName } from '../../organizations/queries.ts';
import { defineCommand, runCommand } from '../../platform/commands.ts';
import { parseCsvRecords } from '../../platform/csv.ts';
import {
  AppError,
  badRequest,
  type FieldError,
  type ProblemParams,
} from '../../platform/errors.ts';
import { issueFact } from '../../platform/issueFacts.ts';
import { emailReleased, memberJoined, membersImported } from '../events.ts';
import { membersPolicy } from '../policy.ts';
import { registrationCodeMail, insertRegistrationCode } from '../registrationCodes.ts';
import { insertMember, normalizeEmail, releaseAddressClaim } from '../repository.ts';
import { memberClasses, personEmails } from '../schema.ts';
import { schemaWords } from '../../platform/http/validationMessages.ts';

const rowSchema = z.object({
  email: z.email().transform(normalizeEmail),
  name: z.string().trim().min(1, schemaWords('nameRequired')).max(200),
  class: z.enum(
    memberClasses,
    schemaWords('memberClassOneOf', { values: memberClasses.join(', ') }),
  ),
  organization: z
    .string()
    .trim()
    .max(300)
    .optional()
    .transform((o) => (o ? o : undefined)),
});
type Row = z.infer<typeof rowSchema>;

export interface ImportLineError {
  line: number;
  field: string;
  message: string;
  /** The message as a fact the web words (see ProblemFact); `line` is added to its params. */
  code: string;
  params?: ProblemParams;
}

export interface ImportResult {
  created: { email: string; name: string; code: string }[];
  unchanged: string[];
  organizationsCreated: string[];
  codesMailed: boolean;
}

/** Parses and checks every line; returns all problems rather than stopping at the first. */
export function parseMemberCsv(text: string): {
  rows: (Row & { line: number })[];
  errors: ImportLineError[];
} {
  const errors: ImportLineError[] = [];
  let records: Record<string, string>[];
  try {
    records = parseCsvRecords(text);
  } catch (error) {
    // The refusal's reason (csv-parse's, with its figures), not its whole sentence again.
    if (!(error instanceof AppError) || !error.fact) throw error;
    const params = error.fact.params;
    return {
      rows: [],
      errors: [
        { line: 0, field: 'file', message: String(params.reason), code: 'csv.invalid', params },
      ],
    };
  }
  const first = records[0];
  const header = first ? Object.keys(first) : [];
  for (const required of ['email', 'name', 'class']) {
    if (records.length > 0 && !header.includes(required))
      errors.push({
        line: 1,
        field: required,
        message: `the header has no ${required} column`,
        code: 'import.no-column',
        params: { column: required },
      });
  }
  if (errors.length > 0) return { rows: [], errors };
  const rows: (Row & { line: number })[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    const line = index + 2; // the header is line 1
    const result = rowSchema.safeParse(record);
    if (!result.success) {
      for (const issue of result.error.issues)
        errors.push({
          line,
          field: issue.path.join('.') || 'line',
          message: issue.message,
          ...issueFact(issue),
        });
      return;
    }
    const row = result.data;
    if (row.class === 'sponsor' && !row.organization)
      errors.push({
        line,
        field: 'organization',
        message: 'a sponsor needs an organization',
        code: 'import.sponsor-organization',
      });
    const earlier = seen.get(row.email);
    if (earlier)
      errors.push({
        line,
        field: 'email',
        message: `${row.email} is also on line ${earlier}`,
        code: 'import.email-twice',
        params: { email: row.email, earlier },
      });
    seen.set(row.email, line);
    rows.push({ ...row, line });
  });
  return { rows, errors };
}

/**
 * Pre-provisions accounts with one-time registration codes. Idempotent on email: members who
 * exist are left as they are. A file with any bad line applies nothing.
 */
export const importMembers = defineCommand({
  name: 'members.importMembers',
  input: z.strictObject({ csv: z.string(), mailCodes: z.boolean() }),
  policy: membersPolicy.importMembers,
  denied: 'Only administrators import members.',
  events: [memberJoined, membersImported, emailReleased],
  // Every line is checked before the transaction opens: a bad file costs no lock.
  async prepare({ csv }) {
    const { rows, errors } = parseMemberCsv(csv);
    if (errors.length > 0) {
      const fieldErrors: FieldError[] = errors.map((e) => ({
        pointer: `/lines/${e.line}/${e.field}`,
        message: e.message,
        code: e.code,
        // A reason for the whole file (line 0) keeps the line of the file it names.
        params: { line: e.line, ...e.params },
      }));
      throw badRequest(
        `The file has ${errors.length} problem(s); nothing was imported:\n` +
          errors.map((e) => `  line ${e.line}, ${e.field}: ${e.message}`).join('\n'),
        fieldErrors,
      ).because('import.lines', { count: errors.length });
    }
    return rows;
  },
  async run(tx, { mailCodes }, ctx, rows): Promise<ImportResult> {
    const coopId = ctx.coopId;
    const emails = rows.map((r) => r.email);
    const existing = new Set<string>();
    for (let i = 0; i < emails.length; i += 5000) {
      const found = await tx
        .select({ email: personEmails.email })
        .from(personEmails)
        .where(
          and(
            eq(personEmails.coopId, coopId),
            inArray(personEmails.email, emails.slice(i, i + 5000)),
            // An unverified address someone added is no member: the import's code, mailed
            // there, decides whose it is.
            or(isNotNull(personEmails.verifiedAt), eq(personEmails.isPrimary, true)),
          ),
        );
      for (const f of found) existing.add(f.email);
    }
    const orgIds = await organizationIdsByName(tx, coopId);
    const result: ImportResult = {
      created: [],
      unchanged: [],
      organizationsCreated: [],
      codesMailed: mailCodes,
    };
    for (const row of rows) {
      if (existing.has(row.email)) {
        result.unchanged.push(row.email);
        continue;
      }
      let organizationId: string | null = null;
      if (row.organization) {
        organizationId = orgIds.get(row.organization.toLowerCase()) ?? null;
        if (!organizationId) {
          organizationId = (
            await runCommand(
              createOrganization,
              { legalName: row.organization, memberClass: row.class },
              { ...ctx, tx },
            )
          ).id;
          orgIds.set(row.organization.toLowerCase(), organizationId);
          result.organizationsCreated.push(row.organization);
        }
      }
      await releaseAddressClaim(tx, ctx, row.email);
      const personId = await insertMember(tx, ctx, {
        displayName: row.name,
        email: row.email,
        emailVerified: false,
        passwordHash: null,
        memberClass: row.class,
        status: 'active',
        organizationId,
        via: 'import',
      });
      const code = await insertRegistrationCode(tx, coopId, personId, ctx.clock.now());
      if (mailCodes) await ctx.mail(registrationCodeMail(ctx.publicUrl, row.email, code));
      result.created.push({ email: row.email, name: row.name, code });
    }
    await ctx.emit(membersImported, coopId, {
      created: result.created.length,
      unchanged: result.unchanged.length,
      organizationsCreated: result.organizationsCreated,
      codesMailed: mailCodes,
    });
    return result;
  },
});
