import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { officerAndAdminAddresses } from '../../members/officerAddresses.ts';
import { organizations } from '../../organizations/schema.ts';
import { defineCommand } from '../../platform/commands.ts';
import { serviceLevelsMail } from '../mailMessages.ts';
import { serviceLevelsPolicy } from '../policy.ts';
import { serviceLevelFollowedEvents } from '../schema.ts';
import { clockKinds } from '../schema.ts';

/** Mails officers and administrators that a clock is at 80% or breached, once per event. */
export const alertOfficers = defineCommand({
  name: 'servicelevels.alertOfficers',
  input: z.strictObject({
    eventSeq: z.number().int(),
    alert: z.enum(['warned', 'breached']),
    organizationId: z.uuid(),
    kind: z.enum(clockKinds),
    deadlineAt: z.iso.datetime(),
    targetMinutes: z.number().int().optional(),
  }),
  policy: serviceLevelsPolicy.automatic,
  events: [],
  async run(tx, input, ctx) {
    const fresh = await tx
      .insert(serviceLevelFollowedEvents)
      .values({ coopId: ctx.coopId, eventSeq: input.eventSeq })
      .onConflictDoNothing()
      .returning();
    if (fresh.length === 0) return 0;
    const [org] = await tx
      .select({ name: organizations.displayName })
      .from(organizations)
      .where(and(eq(organizations.coopId, ctx.coopId), eq(organizations.id, input.organizationId)));
    const people = await officerAndAdminAddresses(tx, ctx.coopId, ctx.clock.today());
    for (const person of people) {
      const t = serviceLevelsMail;
      const vars = {
        kind: t(person.locale, `kinds.${input.kind}`),
        organization: org?.name ?? '',
        deadline: input.deadlineAt,
        minutes: input.targetMinutes ?? '',
      };
      await ctx.mail({
        to: person.email,
        kind: `service-clock-${input.alert}`,
        subject: t(person.locale, `alert.${input.alert}Subject`, vars),
        body: [
          t(person.locale, 'alert.greeting', { name: person.name }),
          '',
          t(person.locale, `alert.${input.alert}`, vars),
          '',
          t(person.locale, 'alert.open'),
          `${ctx.publicUrl}/clocks`,
        ].join('\n'),
      });
    }
    return people.length;
  },
});
