import type { CommandContext } from '../../platform/commands.ts';
import type { Executor } from '../../platform/db/database.ts';
import { conflict } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events.ts';
import { authorize } from '../../platform/policy.ts';
import { parseInput } from '../../platform/validation.ts';
import { organizationInputSchema, type OrganizationInput } from '../input.ts';
import { organizationsPolicy } from '../policy.ts';
import { organizations } from '../schema.ts';

/** The write itself, also used by the member import when a row names a new organization. */
export async function insertOrganization(
  tx: Executor,
  coopId: string,
  actorId: string | null,
  input: OrganizationInput,
): Promise<string> {
  const parsed = parseInput(organizationInputSchema, input);
  const [row] = await tx
    .insert(organizations)
    .values({ ...parsed, coopId, displayName: parsed.displayName ?? parsed.legalName })
    .onConflictDoNothing()
    .returning({ id: organizations.id });
  if (!row)
    throw conflict(`An organization named ${parsed.legalName} already exists.`, [
      { pointer: '/legalName', message: 'already exists' },
    ]);
  await appendEvent(tx, {
    coopId,
    type: 'organization.created',
    actorId,
    subjectType: 'organization',
    subjectId: row.id,
    data: { legalName: parsed.legalName, kind: parsed.kind, memberClass: parsed.memberClass },
  });
  return row.id;
}

export async function createOrganization(ctx: CommandContext, input: OrganizationInput) {
  authorize(ctx.actor, organizationsPolicy.manage, undefined);
  const id = await ctx.db.transaction((tx) =>
    insertOrganization(tx, ctx.actor.coopId, ctx.actor.personId, input),
  );
  return { id };
}
