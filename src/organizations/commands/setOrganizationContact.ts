import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { organizationContacts, people } from '../../members/schema.ts';
import type { CommandContext } from '../../platform/commands.ts';
import { notFound } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events.ts';
import { authorize } from '../../platform/policy.ts';
import { parseInput } from '../../platform/validation.ts';
import { organizationsPolicy } from '../policy.ts';
import { assertOrganizationExists } from '../queries.ts';

export const contactRoles = ['representative', 'billing', 'technical', 'champion'] as const;

export const contactInputSchema = z
  .strictObject({ personId: z.uuid(), role: z.enum(contactRoles) })
  .meta({ id: 'OrganizationContact' });

/** Links a person to an organization in a role (billing, technical, champion...), or unlinks them. */
export async function setOrganizationContact(
  ctx: CommandContext,
  organizationId: string,
  input: z.input<typeof contactInputSchema>,
  linked: boolean,
): Promise<void> {
  authorize(ctx.actor, organizationsPolicy.manage, undefined);
  const { personId, role } = parseInput(contactInputSchema, input);
  const coopId = ctx.actor.coopId;
  await ctx.db.transaction(async (tx) => {
    await assertOrganizationExists(tx, coopId, organizationId);
    const [person] = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.coopId, coopId), eq(people.id, personId)));
    if (!person) throw notFound('This person');
    const where = and(
      eq(organizationContacts.coopId, coopId),
      eq(organizationContacts.organizationId, organizationId),
      eq(organizationContacts.personId, personId),
      eq(organizationContacts.role, role),
    );
    const changed = linked
      ? await tx
          .insert(organizationContacts)
          .values({ coopId, organizationId, personId, role })
          .onConflictDoNothing()
          .returning({ personId: organizationContacts.personId })
      : await tx
          .delete(organizationContacts)
          .where(where)
          .returning({ personId: organizationContacts.personId });
    if (changed.length === 0) return; // already as asked: idempotent
    await appendEvent(tx, {
      coopId,
      type: linked ? 'organization.contact-added' : 'organization.contact-removed',
      actorId: ctx.actor.personId,
      subjectType: 'organization',
      subjectId: organizationId,
      data: { personId, role },
    });
  });
}
