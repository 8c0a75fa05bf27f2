import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { defaultBylaws } from '../../bylaws/document.ts';
import { adoptBylawsVersion } from '../../bylaws/commands/adoptBylawsVersion.ts';
import { insertChart } from '../../finance/repository.ts';
import { addMember } from '../../members/commands/addMember.ts';
import { loadActor } from '../../members/repository.ts';
import { systemActor } from '../../platform/actor.ts';
import { runCommand } from '../../platform/commands.ts';
import type { Db } from '../../platform/db/database.ts';
import { coops } from '../../platform/db/schema.ts';
import { conflict } from '../../platform/errors.ts';
import { appendTypedEvent } from '../../platform/events/append.ts';
import { systemClock, type Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { coopCreated } from '../events.ts';
import { coopByHostName, coopBySlug } from '../queries.ts';
import { setupInputSchema } from '../setupInput.ts';
import { slugFromName } from '../slug.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { parseInput } from '../../platform/validation.ts';

export { setupInputSchema };
export type SetupInput = z.input<typeof setupInputSchema>;

/**
 * The first-run wizard, `coop init` and `coop create`: the co-op, its first bylaws and first
 * administrator. Not a `defineCommand`: there is no co-op, hence no actor, before it runs.
 * The wizard and `init` set up a deployment's only co-op (`alone`); `create` adds another.
 */
export async function setupCoop(
  db: Db,
  input: SetupInput,
  options: { alone: boolean; clock?: Clock } = { alone: true },
) {
  const parsed = parseInput(setupInputSchema, input);
  const clock = options.clock ?? systemClock;
  const passwordHash = await hashPassword(parsed.admin.password);
  return db.transaction(async (tx) => {
    // Two browsers finishing the wizard at once: the second waits here, then finds the co-op.
    await tx.execute(sql`select pg_advisory_xact_lock(7201)`);
    const [existing] = await tx.select({ id: coops.id }).from(coops).limit(1);
    if (existing && options.alone)
      throw conflict('This co-op is already set up. Sign in instead.').because('coop.set-up');
    const slug = parsed.slug ?? (await freeSlug(tx, slugFromName(parsed.name)));
    if (parsed.hostName && (await coopByHostName(tx, parsed.hostName)))
      throw conflict(`A co-op is reached at ${parsed.hostName} already.`, [
        { pointer: '/hostName', message: 'already taken' },
      ]).because('coop.host-name-taken', { hostName: parsed.hostName });
    if (parsed.slug && (await coopBySlug(tx, parsed.slug)))
      throw conflict(`A co-op named ${parsed.slug} exists already.`, [
        { pointer: '/slug', message: 'already taken' },
      ]).because('coop.slug-taken', { slug: parsed.slug });
    const [coop] = await tx
      .insert(coops)
      .values({
        name: parsed.name,
        slug,
        hostName: parsed.hostName ?? null,
        currency: parsed.currency,
        createdAt: clock.now(),
      })
      .returning();
    const coopId = coop!.id;
    // The co-op takes in its first administrator, who then adopts the founding bylaws.
    const ctx = { db, tx, actor: systemActor(coopId), publicUrl: '', clock };
    const { personId: adminId } = await runCommand(
      addMember,
      {
        displayName: parsed.admin.displayName,
        email: parsed.admin.email,
        emailVerified: true,
        passwordHash,
        memberClass: parsed.admin.memberClass,
        status: 'active',
        organizationId: null,
        isAdmin: true,
        ...(parsed.admin.locale ? { locale: parsed.admin.locale } : {}),
        via: 'setup',
      },
      ctx,
    );
    await appendTypedEvent(tx, coopCreated, {
      coopId,
      actorId: adminId,
      subjectId: coopId,
      data: { name: parsed.name, currency: parsed.currency, slug },
      occurredAt: clock.now(),
    });
    const bylaws = defaultBylaws({ fiscalYearStartMonth: parsed.fiscalYearStartMonth });
    if (parsed.pie) bylaws.pie = parsed.pie;
    await runCommand(
      adoptBylawsVersion,
      { document: bylaws, summary: 'Founding bylaws', effectiveOn: clock.today() },
      { ...ctx, actor: (await loadActor(tx, coopId, adminId, clock.today()))! },
    );
    await insertChart(tx, coopId);
    return { coop: coop!, adminId };
  });
}

/** `acme`, else `acme-2`, `acme-3`...: the first slug no co-op holds. */
async function freeSlug(tx: Executor, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await coopBySlug(tx, slug))) return slug;
  }
}
