import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { conflict } from '../../platform/errors.ts';
import { agreementUpdated } from '../events.ts';
import { agreementsPolicy } from '../policy.ts';
import { loadAgreement } from '../repository.ts';
import { agreements } from '../schema.ts';
import { agreementPatchSchema } from '../agreementChangesInput.ts';

/**
 * The administrative side of an agreement: the buyer's reference, billing contacts, renewal and
 * notice, who serves it. Its lines, prices and term are what was signed and never change here.
 */
export const updateAgreement = defineCommand({
  name: 'agreements.updateAgreement',
  input: z.strictObject({ agreementId: z.uuid(), patch: agreementPatchSchema }),
  policy: agreementsPolicy.manage,
  denied: 'Only officers and administrators change agreements.',
  events: [agreementUpdated],
  async run(tx, { agreementId, patch }, ctx) {
    const agreement = await loadAgreement(tx, ctx.coopId, agreementId, { forUpdate: true });
    if (agreement.status !== 'active')
      throw conflict(`Agreement ${agreement.number} is ${agreement.status}.`).because(
        'agreement.not-active',
        { number: agreement.number, agreementStatus: agreement.status },
      );
    const fields = Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined);
    if (fields.length === 0) return;
    const set = { ...patch };
    if (set.renewalNoticeDays)
      set.renewalNoticeDays = [...new Set(set.renewalNoticeDays)].sort((x, y) => y - x);
    await tx
      .update(agreements)
      .set(set)
      .where(and(eq(agreements.coopId, ctx.coopId), eq(agreements.id, agreementId)));
    await ctx.emit(agreementUpdated, agreementId, { fields });
  },
});
