import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { consultationInputSchema } from '../concernsInput.ts';
import { consultationOpened } from '../events.ts';
import { concernsPolicy } from '../policy.ts';
import { itemTopics, sponsorsSharing } from '../queries.ts';
import { consultations } from '../schema.ts';
import { loadSubject, refuseWithdrawn, subjectKindSchema } from '../subjects.ts';

/**
 * Consults the sponsors an item touches: those whose concerns share one of its topics now and
 * whose agreement includes reciprocal access.
 * The mail goes from the dispatcher (`consultationMailer`), never from here.
 */
export const openConsultation = defineCommand({
  name: 'concerns.openConsultation',
  input: consultationInputSchema.extend({ subjectKind: subjectKindSchema, subjectId: z.uuid() }),
  policy: concernsPolicy.consult,
  denied: 'Only hackers and officers consult the sponsors.',
  events: [consultationOpened],
  async run(tx, input, ctx) {
    if (input.answerBy < ctx.clock.today())
      throw badRequest('The day an answer is wanted by has passed.', [
        { pointer: '/answerBy', message: 'in the past' },
      ]).because('consultation.answer-by-past', { answerBy: input.answerBy });
    const subject = await loadSubject(tx, ctx.coopId, input.subjectKind, input.subjectId);
    refuseWithdrawn(subject);
    const topics = await itemTopics(tx, ctx.coopId, input.subjectKind, input.subjectId);
    const sponsors = await sponsorsSharing(tx, ctx.coopId, topics, ctx.clock.today());
    if (sponsors.length === 0)
      throw topics.length === 0
        ? conflict('This item has no topics yet: tag it first.').because('consultation.no-topics')
        : conflict(
            'No sponsor whose agreement includes reciprocal access shares a topic with this item.',
          ).because('consultation.no-sponsors');
    const [row] = await tx
      .insert(consultations)
      .values({
        coopId: ctx.coopId,
        subjectKind: input.subjectKind,
        subjectId: input.subjectId,
        subjectTitle: subject.title,
        whatChanges: input.whatChanges,
        answerBy: input.answerBy,
        organizationIds: sponsors.map((s) => s.organizationId),
        topics,
        openedBy: ctx.actor.personId,
        openedAt: ctx.clock.now(),
      })
      .returning({ id: consultations.id });
    await ctx.emit(consultationOpened, row!.id, {
      subjectKind: input.subjectKind,
      itemId: input.subjectId,
      answerBy: input.answerBy,
      organizationIds: sponsors.map((s) => s.organizationId),
      topics,
    });
    return { id: row!.id, organizations: sponsors.length };
  },
});
