import { z } from 'zod';
import { assertOrganizationExists } from '../../organizations/queries.ts';
import type { Actor } from '../../platform/actor.ts';
import { defineCommand } from '../../platform/commands.ts';
import { badRequest } from '../../platform/errors.ts';
import { concernsRecorded } from '../events.ts';
import { concernsPolicy } from '../policy.ts';
import { organizationContactPeople } from '../queries.ts';
import { sponsorConcerns } from '../schema.ts';
import { concernsInputSchema } from '../concernsInput.ts';

/** A sponsor's concerns, replaced as a whole: the form on "Our concerns" sends all of it. */
export const recordConcerns = defineCommand({
  name: 'concerns.recordConcerns',
  input: concernsInputSchema.extend({ organizationId: z.uuid() }),
  policy: (actor: Actor, input: { organizationId: string }) =>
    concernsPolicy.edit(actor, input.organizationId),
  denied: 'Sponsor representatives keep only their own organization’s concerns.',
  events: [concernsRecorded],
  async run(tx, input, ctx) {
    await assertOrganizationExists(tx, ctx.coopId, input.organizationId);
    const contacts = new Set(
      (await organizationContactPeople(tx, ctx.coopId, input.organizationId)).map(
        (c) => c.personId,
      ),
    );
    const strangers = input.contactIds.flatMap((id, i) => (contacts.has(id) ? [] : [i]));
    if (strangers.length > 0)
      throw badRequest(
        'Whom to ask must be among the organization’s contacts.',
        strangers.map((i) => ({ pointer: `/contactIds/${i}`, message: 'not a contact' })),
      ).because('concerns.not-a-contact');
    const values = {
      topics: input.topics,
      systems: input.systems,
      constraints: input.constraints,
      contactIds: [...new Set(input.contactIds)],
      updatedAt: ctx.clock.now(),
    };
    await tx
      .insert(sponsorConcerns)
      .values({ coopId: ctx.coopId, organizationId: input.organizationId, ...values })
      .onConflictDoUpdate({
        target: [sponsorConcerns.coopId, sponsorConcerns.organizationId],
        set: values,
      });
    await ctx.emit(concernsRecorded, input.organizationId, {
      topics: input.topics,
      contacts: values.contactIds.length,
    });
  },
});
