import { and, asc, eq, gte, inArray, isNotNull, isNull, notExists } from 'drizzle-orm';
import { bylawsDocumentSchema } from '../../bylaws/document.ts';
import { z } from 'zod';
import { effectiveDayAtClose } from '../../bylaws/effectiveDate.ts';
import { bylawsVersion, insertBylawsVersion } from '../../bylaws/repository.ts';
import {
  budgetLineSchema,
  checkBudgetLines,
  insertBudgetLines,
} from '../../finance/reports/budgets.ts';
import { addMonths } from '../../members/commands/appointOfficer.ts';
import { memberships, officerTerms, people, personEmails } from '../../members/schema.ts';
import type { CommandContext } from '../../platform/commands.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflict } from '../../platform/errors.ts';
import { dayOf } from '../../platform/dates.ts';
import { appendEvent } from '../../platform/events.ts';
import type { JobHandler } from '../../platform/jobs.ts';
import { queueMail } from '../../platform/mail.ts';
import { authorize } from '../../platform/policy.ts';
import { governancePolicy } from '../policy.ts';
import type { BallotContent } from '../polls/ballotContent.ts';
import { countPoll } from '../polls/countPoll.ts';
import {
  electorateClasses,
  electorateSize,
  loadOptions,
  loadPoll,
} from '../polls/pollRepository.ts';
import { nominations, pollBallots, pollOptions, pollParticipation, polls } from '../schema.ts';

/** Opens the ballot; an election's candidates are its accepted nominees, in name order. */
export async function openPoll(db: Db, coopId: string, pollId: string, actorId: string | null) {
  return db.transaction(async (tx) => {
    const poll = await loadPoll(tx, coopId, pollId, true);
    if (poll.status !== 'scheduled' && poll.status !== 'nominating')
      throw conflict(`The poll is already ${poll.status}.`);
    if (poll.kind === 'election') {
      const candidates = await tx
        .select({ personId: nominations.personId, name: people.displayName })
        .from(nominations)
        .innerJoin(
          people,
          and(eq(people.coopId, nominations.coopId), eq(people.id, nominations.personId)),
        )
        .where(
          and(
            eq(nominations.coopId, coopId),
            eq(nominations.pollId, pollId),
            isNotNull(nominations.acceptedAt),
          ),
        )
        .orderBy(asc(people.displayName));
      if (candidates.length < poll.seats)
        throw conflict(
          `${candidates.length} accepted nominee(s) for ${poll.seats} seat(s): the ballot cannot open.`,
        );
      await tx.insert(pollOptions).values(
        candidates.map((c, i) => ({
          coopId,
          pollId,
          number: i + 1,
          label: c.name,
          personId: c.personId,
        })),
      );
    }
    // Opened by hand before its time, the poll opens now.
    const opensAt = poll.opensAt < new Date() ? poll.opensAt : new Date();
    await tx.update(polls).set({ status: 'open', opensAt }).where(eq(polls.id, pollId));
    await appendEvent(tx, {
      coopId,
      type: 'poll.opened',
      actorId,
      subjectType: 'poll',
      subjectId: pollId,
    });
  });
}

/**
 * Closes and counts. The ballots (anonymous for a secret poll) become public with the result,
 * so anyone can count again. A passed bylaw amendment becomes the new bylaws; elected
 * candidates take office for the bylaws' term.
 */
export async function closePoll(db: Db, coopId: string, pollId: string, actorId: string | null) {
  return db.transaction(async (tx) => {
    const poll = await loadPoll(tx, coopId, pollId, true);
    if (poll.status !== 'open')
      throw conflict(`The poll is ${poll.status}; only an open poll closes.`);
    const options = await loadOptions(tx, coopId, pollId);
    const ballots = await tx
      .select({ voterClass: pollBallots.voterClass, content: pollBallots.content })
      .from(pollBallots)
      .where(and(eq(pollBallots.coopId, coopId), eq(pollBallots.pollId, pollId)));
    const bylaws = bylawsDocumentSchema.parse(
      (await bylawsVersion(tx, coopId, poll.bylawsVersion))!.document,
    );
    const pie = bylaws.pie;
    const result = countPoll(
      {
        method: poll.method === 'approval' && poll.kind === 'election' ? 'approval' : poll.method,
        threshold: poll.threshold,
        seats: poll.seats,
        options: options.map((o) => o.label),
        quorumPercent: poll.quorumPercent,
        classWeights: poll.classBalanced
          ? { sponsor: pie.sponsors, community: pie.community, hacker: pie.hackers }
          : null,
        electorate: await electorateSize(tx, poll),
      },
      ballots.map((b) => ({ voterClass: b.voterClass, content: b.content as BallotContent })),
    );
    // Closed by hand before its time, the poll closes now: its record and any term say so.
    const closedAt = poll.closesAt < new Date() ? poll.closesAt : new Date();
    const closedDay = dayOf(closedAt);
    await tx
      .update(polls)
      .set({ status: 'closed', result, closesAt: closedAt })
      .where(eq(polls.id, pollId));
    let adoptedVersion: number | undefined;
    if (poll.bylawsDocument && result.passed)
      adoptedVersion = await insertBylawsVersion(
        tx,
        coopId,
        bylawsDocumentSchema.parse(poll.bylawsDocument),
        `Adopted by vote: ${poll.title}`,
        actorId,
        await effectiveDayAtClose(tx, coopId, poll.bylawsEffectiveOn, closedDay),
      );
    let adoptedBudgetLines = 0;
    if (poll.budgetLines && result.passed) {
      const lines = z.array(budgetLineSchema).parse(poll.budgetLines);
      const checked = await checkBudgetLines(tx, coopId, lines, (i) => `/budget/${i}`, 'adoption');
      adoptedBudgetLines = (await insertBudgetLines(tx, coopId, checked, { actorId, pollId }))
        .length;
    }
    const elected: { personId: string; name: string }[] = [];
    if (poll.kind === 'election' && poll.officeRole) {
      const office = bylaws.officers.find((o) => o.role === poll.officeRole)!;
      const startsOn = closedDay;
      // The office changes hands: the terms of those who hold it end as the new ones begin.
      if (result.chosen.length > 0)
        await tx
          .update(officerTerms)
          .set({ endedEarlyOn: startsOn })
          .where(
            and(
              eq(officerTerms.coopId, coopId),
              eq(officerTerms.role, office.role),
              isNull(officerTerms.endedEarlyOn),
              gte(officerTerms.endsOn, startsOn),
            ),
          );
      for (const name of result.chosen) {
        const option = options.find((o) => o.label === name)!;
        await tx.insert(officerTerms).values({
          coopId,
          personId: option.personId!,
          role: office.role,
          startsOn,
          endsOn: addMonths(startsOn, office.termMonths),
        });
        elected.push({ personId: option.personId!, name });
      }
    }
    await appendEvent(tx, {
      coopId,
      type: 'poll.closed',
      actorId,
      subjectType: 'poll',
      subjectId: pollId,
      data: {
        ballots: result.ballots,
        quorumMet: result.quorumMet,
        passed: result.passed ?? null,
        chosen: result.chosen,
        adoptedBylawsVersion: adoptedVersion ?? null,
        adoptedBudgetLines,
        elected,
      },
    });
    return result;
  });
}

/** Mails the members of the electorate who have not voted, a day before the close. */
export async function remindNonVoters(db: Db, coopId: string, pollId: string, publicUrl: string) {
  await db.transaction(async (tx) => {
    const poll = await loadPoll(tx, coopId, pollId);
    if (poll.status !== 'open') return;
    const rows = await tx
      .select({ email: personEmails.email, name: people.displayName })
      .from(memberships)
      .innerJoin(
        people,
        and(eq(people.coopId, memberships.coopId), eq(people.id, memberships.personId)),
      )
      .innerJoin(
        personEmails,
        and(
          eq(personEmails.coopId, memberships.coopId),
          eq(personEmails.personId, memberships.personId),
          eq(personEmails.isPrimary, true),
        ),
      )
      .where(
        and(
          eq(memberships.coopId, coopId),
          eq(memberships.status, 'active'),
          inArray(memberships.memberClass, electorateClasses(poll)),
          notExists(
            tx
              .select()
              .from(pollParticipation)
              .where(
                and(
                  eq(pollParticipation.coopId, coopId),
                  eq(pollParticipation.pollId, pollId),
                  eq(pollParticipation.personId, memberships.personId),
                ),
              ),
          ),
        ),
      );
    for (const row of rows)
      await queueMail(tx, coopId, {
        to: row.email,
        kind: 'vote-reminder',
        subject: `Reminder: vote on “${poll.title}” before ${poll.closesAt.toUTCString()}`,
        body: `Hello ${row.name},\n\nThe vote on “${poll.title}” closes ${poll.closesAt.toUTCString()} and you have not voted yet:\n\n${publicUrl}/votes/${pollId}\n`,
      });
    await appendEvent(tx, {
      coopId,
      type: 'poll.reminded',
      actorId: null,
      subjectType: 'poll',
      subjectId: pollId,
      data: { reminded: rows.length },
    });
  });
}

export async function advancePoll(ctx: CommandContext, pollId: string, to: 'open' | 'closed') {
  authorize(ctx.actor, governancePolicy.callVotes, undefined);
  return to === 'open'
    ? openPoll(ctx.db, ctx.actor.coopId, pollId, ctx.actor.personId)
    : closePoll(ctx.db, ctx.actor.coopId, pollId, ctx.actor.personId);
}

const skipIfMoved =
  (phase: string, run: (db: Db, coopId: string, pollId: string) => Promise<unknown>): JobHandler =>
  async (db, job) => {
    const pollId = String(job.payload.pollId);
    const poll = await loadPoll(db, job.coop_id, pollId);
    if (
      phase === 'open'
        ? poll.status === 'scheduled' || poll.status === 'nominating'
        : poll.status === 'open'
    )
      await run(db, job.coop_id, pollId);
  };

export function pollJobHandlers(publicUrl: string): Record<string, JobHandler> {
  return {
    'poll.open': skipIfMoved('open', (db, coopId, pollId) => openPoll(db, coopId, pollId, null)),
    'poll.close': skipIfMoved('close', (db, coopId, pollId) => closePoll(db, coopId, pollId, null)),
    'poll.remind': async (db, job) =>
      remindNonVoters(db, job.coop_id, String(job.payload.pollId), publicUrl),
  };
}
