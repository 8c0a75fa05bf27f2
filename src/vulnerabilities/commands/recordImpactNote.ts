import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { conflict } from '../../platform/errors.ts';
import { vulnerabilityImpactNoteRecorded } from '../events.ts';
import { impactNoteInputSchema } from '../impactNoteInput.ts';
import { vulnerabilitiesPolicy } from '../policy.ts';
import { lockVulnerability } from '../repository.ts';
import { vulnerabilityImpactNotes } from '../schema.ts';

/** A sponsor's impact note; recording it meets that sponsor's impact-note clock. */
export const recordImpactNote = defineCommand({
  name: 'vulnerabilities.recordImpactNote',
  input: z.strictObject({ vulnerabilityId: z.uuid(), ...impactNoteInputSchema.shape }),
  policy: vulnerabilitiesPolicy.writeImpactNote,
  denied: 'The co-op’s hackers and officers write impact notes.',
  events: [vulnerabilityImpactNoteRecorded],
  async run(tx, input, ctx) {
    const v = await lockVulnerability(tx, ctx.coopId, input.vulnerabilityId);
    if (!v.disclosedAt)
      throw conflict('An impact note follows the disclosure: disclose it first.').because(
        'vulnerability.not-disclosed',
      );
    if (!(v.qualifyingOrganizationIds ?? []).includes(input.organizationId))
      throw conflict('This sponsor is not owed an impact note for this vulnerability.', [
        { pointer: '/organizationId', message: 'not a qualifying sponsor' },
      ]).because('vulnerability.no-impact-note-owed');
    const recordedAt = ctx.clock.now();
    const inserted = await tx
      .insert(vulnerabilityImpactNotes)
      .values({
        coopId: ctx.coopId,
        vulnerabilityId: v.id,
        organizationId: input.organizationId,
        note: input.note,
        recordedAt,
        recordedBy: ctx.actor.personId,
      })
      .onConflictDoNothing()
      .returning({ id: vulnerabilityImpactNotes.id });
    if (inserted.length === 0)
      throw conflict('This sponsor’s impact note is recorded already.', [
        { pointer: '/organizationId', message: 'recorded already' },
      ]).because('vulnerability.impact-note-recorded');
    await ctx.emit(vulnerabilityImpactNoteRecorded, v.id, {
      organizationId: input.organizationId,
      recordedAt: recordedAt.toISOString(),
    });
  },
});
