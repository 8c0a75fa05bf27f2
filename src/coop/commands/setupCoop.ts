import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defaultBylaws } from '../../bylaws/document.ts';
import { insertBylawsVersion } from '../../bylaws/repository.ts';
import { insertChart } from '../../finance/repository.ts';
import { insertMember } from '../../members/repository.ts';
import { memberClasses } from '../../members/schema.ts';
import type { Db } from '../../platform/db/database.ts';
import { coops } from '../../platform/db/schema.ts';
import { conflict } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events.ts';
import { currencySchema } from '../../platform/money/currency.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { parseInput } from '../../platform/validation.ts';
import { passwordSchema } from '../../members/passwordPolicy.ts';

const percent = z.number().int().min(0).max(100);

export const setupInputSchema = z
  .strictObject({
    name: z.string().trim().min(2).max(200),
    currency: currencySchema.default('EUR'),
    fiscalYearStartMonth: z.number().int().min(1).max(12).default(1),
    pie: z
      .strictObject({ sponsors: percent, community: percent, hackers: percent })
      .refine((p) => p.sponsors + p.community + p.hackers === 100, {
        message: 'the pie shares must sum to 100',
      })
      .optional(),
    admin: z.strictObject({
      displayName: z.string().trim().min(1).max(200),
      email: z.email(),
      password: passwordSchema,
      memberClass: z.enum(memberClasses).default('hacker'),
    }),
  })
  .meta({ id: 'CoopSetup' });
export type SetupInput = z.input<typeof setupInputSchema>;

/** The first-run wizard and `coop init`: the co-op, its first bylaws and first administrator. */
export async function setupCoop(db: Db, input: SetupInput) {
  const parsed = parseInput(setupInputSchema, input);
  const passwordHash = await hashPassword(parsed.admin.password);
  return db.transaction(async (tx) => {
    // Two browsers finishing the wizard at once: the second waits here, then finds the co-op.
    await tx.execute(sql`select pg_advisory_xact_lock(7201)`);
    const [existing] = await tx.select({ id: coops.id }).from(coops).limit(1);
    if (existing) throw conflict('This co-op is already set up. Sign in instead.');
    const [coop] = await tx
      .insert(coops)
      .values({ name: parsed.name, currency: parsed.currency })
      .returning();
    const coopId = coop!.id;
    const adminId = await insertMember(tx, {
      coopId,
      displayName: parsed.admin.displayName,
      email: parsed.admin.email,
      emailVerified: true,
      passwordHash,
      memberClass: parsed.admin.memberClass,
      status: 'active',
      organizationId: null,
      isAdmin: true,
      actorId: null,
      via: 'setup',
    });
    await appendEvent(tx, {
      coopId,
      type: 'coop.created',
      actorId: adminId,
      subjectType: 'coop',
      subjectId: coopId,
      data: { name: parsed.name, currency: parsed.currency },
    });
    const bylaws = defaultBylaws({ fiscalYearStartMonth: parsed.fiscalYearStartMonth });
    if (parsed.pie) bylaws.pie = parsed.pie;
    await insertBylawsVersion(tx, coopId, bylaws, 'Founding bylaws', adminId);
    await insertChart(tx, coopId);
    return { coop: coop!, adminId };
  });
}
