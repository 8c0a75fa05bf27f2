import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { conflict } from '../../platform/errors.ts';
import { organizationCreated } from '../events.ts';
import { organizationInputSchema } from '../input.ts';
import { organizationsPolicy } from '../policy.ts';
import { organizations } from '../schema.ts';

/** A new organization; the member import runs it too, for a row naming an unknown one. */
export const createOrganization = defineCommand({
  name: 'organizations.createOrganization',
  input: organizationInputSchema,
  policy: organizationsPolicy.manage,
  denied: 'Only administrators and officers add organizations.',
  events: [organizationCreated],
  async run(tx, input, ctx) {
    const [row] = await tx
      .insert(organizations)
      .values({ ...input, coopId: ctx.coopId, displayName: input.displayName ?? input.legalName })
      .onConflictDoNothing()
      .returning({ id: organizations.id });
    if (!row)
      throw conflict(`An organization named ${input.legalName} already exists.`, [
        { pointer: '/legalName', message: 'already exists' },
      ]).because('organization.exists', { legalName: input.legalName });
    await ctx.emit(organizationCreated, row.id, {
      legalName: input.legalName,
      kind: input.kind,
      memberClass: input.memberClass,
    });
    return { id: row.id };
  },
});

export const createdOrganizationSchema = z.object({ id: z.uuid() });
