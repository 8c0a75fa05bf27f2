import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { organizationsPolicy } from '../../organizations/policy.ts';
import { assertOrganizationExists } from '../../organizations/queries.ts';
import { organizationContacts, people } from '../schema.ts';
import { defineCommand } from '../../platform/commands.ts';
import { notFound } from '../../platform/errors.ts';
import { contactRoles } from '../contactRoles.ts';
import { organizationContactAdded, organizationContactRemoved } from '../contactEvents.ts';

export { contactRoles };

export const contactInputSchema = z
  .strictObject({ personId: z.uuid(), role: z.enum(contactRoles) })
  .meta({ id: 'OrganizationContact' });

/**
 * The people of an organization are members' records, so members owns the link, though the
 * organization's page is where it is made.
 */
/** Links a person to an organization in a role (billing, technical, champion...), or unlinks them. */
export const setOrganizationContact = defineCommand({
  name: 'members.setOrganizationContact',
  input: z.strictObject({
    organizationId: z.uuid(),
    contact: contactInputSchema,
    linked: z.boolean(),
  }),
  policy: organizationsPolicy.manage,
  denied: 'Only administrators and officers change organizations.',
  events: [organizationContactAdded, organizationContactRemoved],
  async run(tx, { organizationId, contact, linked }, ctx) {
    const { personId, role } = contact;
    const coopId = ctx.coopId;
    await assertOrganizationExists(tx, coopId, organizationId);
    const [person] = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.coopId, coopId), eq(people.id, personId)));
    if (!person) throw notFound('This person');
    const changed = linked
      ? await tx
          .insert(organizationContacts)
          .values({ coopId, organizationId, personId, role })
          .onConflictDoNothing()
          .returning({ personId: organizationContacts.personId })
      : await tx
          .delete(organizationContacts)
          .where(
            and(
              eq(organizationContacts.coopId, coopId),
              eq(organizationContacts.organizationId, organizationId),
              eq(organizationContacts.personId, personId),
              eq(organizationContacts.role, role),
            ),
          )
          .returning({ personId: organizationContacts.personId });
    if (changed.length === 0) return; // already as asked: idempotent
    await ctx.emit(
      linked ? organizationContactAdded : organizationContactRemoved,
      organizationId,
      contact,
    );
  },
});
