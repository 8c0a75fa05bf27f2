import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { hackerServiceHoursSet } from '../events.ts';
import { agreementsPolicy } from '../policy.ts';
import { hackerServiceHours } from '../schema.ts';

/** The hours a hacker gives sponsor service each month; null returns to the bylaws' default. */
export const setServiceHours = defineCommand({
  name: 'agreements.setServiceHours',
  input: z.strictObject({
    personId: z.uuid(),
    hoursPerMonth: z.number().int().min(0).max(300).nullable(),
  }),
  policy: agreementsPolicy.manage,
  denied: 'Only officers and administrators plan capacity.',
  events: [hackerServiceHoursSet],
  async run(tx, input, ctx) {
    if (input.hoursPerMonth === null)
      await tx
        .delete(hackerServiceHours)
        .where(
          and(
            eq(hackerServiceHours.coopId, ctx.coopId),
            eq(hackerServiceHours.personId, input.personId),
          ),
        );
    else
      await tx
        .insert(hackerServiceHours)
        .values({
          coopId: ctx.coopId,
          personId: input.personId,
          hoursPerMonth: input.hoursPerMonth,
          updatedAt: ctx.clock.now(),
        })
        .onConflictDoUpdate({
          target: [hackerServiceHours.coopId, hackerServiceHours.personId],
          set: { hoursPerMonth: input.hoursPerMonth, updatedAt: ctx.clock.now() },
        });
    await ctx.emit(hackerServiceHoursSet, input.personId, { hoursPerMonth: input.hoursPerMonth });
  },
});
