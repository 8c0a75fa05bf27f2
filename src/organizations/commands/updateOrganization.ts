import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { organizationUpdated } from '../events.ts';
import { organizationPatchSchema } from '../input.ts';
import { organizationsPolicy } from '../policy.ts';
import { organizations } from '../schema.ts';

export const updateOrganization = defineCommand({
  name: 'organizations.updateOrganization',
  input: z.strictObject({ organizationId: z.uuid(), patch: organizationPatchSchema }),
  policy: organizationsPolicy.manage,
  denied: 'Only administrators and officers change organizations.',
  events: [organizationUpdated],
  async run(tx, { organizationId, patch }, ctx) {
    const updated = await tx
      .update(organizations)
      .set(patch)
      .where(and(eq(organizations.coopId, ctx.coopId), eq(organizations.id, organizationId)))
      .returning({ id: organizations.id });
    if (updated.length === 0) throw notFound('This organization');
    await ctx.emit(organizationUpdated, organizationId, { fields: Object.keys(patch) });
  },
  mapError: (error) =>
    isUniqueViolation(error)
      ? conflict('Another organization has this legal name.', [
          { pointer: '/legalName', message: 'already exists' },
        ]).because('organization.name-taken')
      : error,
});
