import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CommandContext } from '../../platform/commands.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events.ts';
import { authorize } from '../../platform/policy.ts';
import { parseInput } from '../../platform/validation.ts';
import { organizationPatchSchema } from '../input.ts';
import { organizationsPolicy } from '../policy.ts';
import { organizations } from '../schema.ts';

export async function updateOrganization(
  ctx: CommandContext,
  organizationId: string,
  input: z.input<typeof organizationPatchSchema>,
): Promise<void> {
  authorize(ctx.actor, organizationsPolicy.manage, undefined);
  const patch = parseInput(organizationPatchSchema, input);
  await ctx.db.transaction(async (tx) => {
    let updated;
    try {
      updated = await tx
        .update(organizations)
        .set(patch)
        .where(
          and(eq(organizations.coopId, ctx.actor.coopId), eq(organizations.id, organizationId)),
        )
        .returning({ id: organizations.id });
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict('Another organization has this legal name.', [
          { pointer: '/legalName', message: 'already exists' },
        ]);
      throw error;
    }
    if (updated.length === 0) throw notFound('This organization');
    await appendEvent(tx, {
      coopId: ctx.actor.coopId,
      type: 'organization.updated',
      actorId: ctx.actor.personId,
      subjectType: 'organization',
      subjectId: organizationId,
      data: { fields: Object.keys(patch) },
    });
  });
}
