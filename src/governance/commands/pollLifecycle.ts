import { and, asc, eq, inArray, isNotNull, notExists } from 'drizzle-orm';
import { z } from 'zod';
import { bylawsDocumentSchema } from '../../bylaws/document.ts';
import { effectiveDayAtClose } from '../../bylaws/effectiveDate.ts';
import { adoptBylawsVersion } from '../../bylaws/commands/adoptBylawsVersion.ts';
import { bylawsVersion } from '../../bylaws/repository.ts';
import { adoptBudget, budgetLineSchema } from '../../finance/reports/budgets.ts';
import { startElectedTerms } from '../../members/commands/startElectedTerms.ts';
import { memberships, people, personEmails } from '../../members/schema.ts';
import { systemActor } from '../../platform/actor.ts';
import { defineCommand, runCommand } from '../../platform/commands.ts';
import { dayOf } from '../../platform/dates.ts';
import { conflict } from '../../platform/errors.ts';
import { asLocale } from '../../platform/i18n/locales.ts';
import { pollClosed, pollOpened, pollReminded } from '../events.ts';
import { displayMomentUtc, governanceMail } from '../mailMessages.ts';
import { governancePolicy } from '../policy.ts';
import {
  countableBallots,
  countPublished,
  listPublishedBallots,
  publishedBallotsSha256,
  publishSecretBallots,
  type CountedAs,
} from '../polls/publishBallots.ts';
import { outcomeSettled } from '../polls/earlyClose.ts';
import {
  electorateByClass,
  electorateClasses,
  keepsClasses,
  loadOptions,
  loadPoll,
} from '../polls/pollRepository.ts';
import { nominations, pollBallots, pollOptions, pollParticipation, polls } from '../schema.ts';

const pollInput = z.strictObject({ pollId: z.uuid() });

/**
 * Opens the ballot, at its time (the job runs this as the system actor) or by an officer; an
 * election's candidates are its accepted nominees, in name order.
 */
export const openPoll = defineCommand({
  name: 'governance.openPoll',
  input: pollInput,
  policy: governancePolicy.callVotes,
  events: [pollOpened],
  async run(tx, { pollId }, ctx) {
    const coopId = ctx.coopId;
    const poll = await loadPoll(tx, coopId, pollId, true);
    if (poll.status !== 'scheduled' && poll.status !== 'nominating')
      throw conflict(`The poll is already ${poll.status}.`).because('poll.already', {
        pollStatus: poll.status,
      });
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
        ).because('election.too-few-nominees', { nominees: candidates.length, seats: poll.seats });
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
    const now = ctx.clock.now();
    const opensAt = poll.opensAt < now ? poll.opensAt : now;
    await tx.update(polls).set({ status: 'open', opensAt }).where(eq(polls.id, pollId));
    await ctx.emit(pollOpened, pollId, {});
  },
});

/**
 * Closes and counts, at the deadline (the job runs this as the system actor) or by an officer.
 * The ballots (anonymous for a secret poll) become public with the result, so anyone can count
 * again. A passed bylaw amendment becomes the new bylaws, a passed budget the budgets; elected
 * candidates take office for the bylaws' term.
 */
export const closePoll = defineCommand({
  name: 'governance.closePoll',
  input: pollInput,
  policy: governancePolicy.callVotes,
  events: [pollClosed],
  async run(tx, { pollId }, ctx) {
    const coopId = ctx.coopId;
    const poll = await loadPoll(tx, coopId, pollId, true);
    if (poll.status !== 'open')
      throw conflict(`The poll is ${poll.status}; only an open poll closes.`).because(
        'poll.close-not-open',
        { pollStatus: poll.status },
      );
    const options = await loadOptions(tx, coopId, pollId);
    const byClass = keepsClasses(poll);
    const ballots =
      poll.secret === 1
        ? await publishSecretBallots(tx, coopId, pollId, byClass, ctx.secrets)
        : await tx
            .select({ voterClass: pollBallots.voterClass, content: pollBallots.content })
            .from(pollBallots)
            .where(and(eq(pollBallots.coopId, coopId), eq(pollBallots.pollId, pollId)));
    const counted = countableBallots(byClass, ballots);
    const bylaws = bylawsDocumentSchema.parse(
      (await bylawsVersion(tx, coopId, poll.bylawsVersion))!.document,
    );
    const pie = bylaws.pie;
    const electorate = await electorateByClass(tx, poll);
    // Published with the result, so that `coop count-poll` counts the published ballots again.
    const countedAs: CountedAs = {
      method: poll.method === 'approval' && poll.kind === 'election' ? 'approval' : poll.method,
      threshold: poll.threshold,
      seats: poll.seats,
      options: options.map((o) => o.label),
      quorumPercent: poll.quorumPercent,
      classWeights: poll.classBalanced
        ? { sponsor: pie.sponsors, community: pie.community, hacker: pie.hackers }
        : null,
      electorate: Object.values(electorate).reduce((sum, c) => sum + c.members, 0),
      requiredClasses:
        poll.inEachClass === 1
          ? Object.keys(electorate)
              .filter((c) => electorate[c]!.members > 0)
              .sort()
          : null,
      minimumClassBallots: byClass ? bylaws.transparency.minimumClassBallots : null,
    };
    // Closed by hand before its time, the poll closes now, but only once the votes still to
    // come could no longer change what it decides.
    const now = ctx.clock.now();
    if (now < poll.closesAt) {
      const remaining: Record<string, number> = {};
      for (const [cls, c] of Object.entries(electorate)) {
        const key = byClass ? cls : 'member';
        remaining[key] = (remaining[key] ?? 0) + c.members - c.voted;
      }
      if (!outcomeSettled(countedAs, counted, remaining))
        throw conflict(
          `The votes still to come could change the outcome: the poll closes early only once they cannot. It closes at ${poll.closesAt.toISOString()}.`,
        ).because('poll.early-close-refused', { closesAt: poll.closesAt.toISOString() });
    }
    const result = { ...countPublished(countedAs, counted), countedAs };
    const closedAt = poll.closesAt < now ? poll.closesAt : now;
    const closedDay = dayOf(closedAt);
    await tx
      .update(polls)
      .set({ status: 'closed', result, closesAt: closedAt })
      .where(eq(polls.id, pollId));
    // The members adopted it, so the co-op itself records the version, through bylaws' command.
    let adoptedVersion: number | undefined;
    if (poll.bylawsDocument && result.passed)
      adoptedVersion = (
        await runCommand(
          adoptBylawsVersion,
          {
            document: bylawsDocumentSchema.parse(poll.bylawsDocument),
            summary: `Adopted by vote: ${poll.title}`,
            effectiveOn: await effectiveDayAtClose(tx, coopId, poll.bylawsEffectiveOn, closedDay),
            pollId,
          },
          { ...ctx, tx, actor: systemActor(coopId) },
        )
      ).version;
    let adoptedBudgetLines = 0;
    if (poll.budgetLines && result.passed) {
      const lines = z.array(budgetLineSchema).parse(poll.budgetLines);
      ({ adopted: adoptedBudgetLines } = await runCommand(
        adoptBudget,
        { pollId, lines },
        { ...ctx, tx, actor: systemActor(coopId) },
      ));
    }
    const elected =
      poll.kind === 'election' && poll.officeRole
        ? result.chosen.map((name) => ({
            personId: options.find((o) => o.label === name)!.personId!,
            name,
          }))
        : [];
    if (poll.officeRole && elected.length > 0)
      await runCommand(
        startElectedTerms,
        {
          role: poll.officeRole,
          startsOn: closedDay,
          personIds: elected.map((e) => e.personId),
          pollId,
        },
        { ...ctx, tx, actor: systemActor(coopId) },
      );
    await ctx.emit(pollClosed, pollId, {
      ballots: result.ballots,
      quorumMet: result.quorumMet,
      passed: result.passed ?? null,
      chosen: result.chosen,
      adoptedBylawsVersion: adoptedVersion ?? null,
      adoptedBudgetLines,
      elected,
      // The log commits to the ballots as published and to what they were counted with, so a
      // proof file of this close can carry the ballots and be counted again offline.
      ballotsSha256: publishedBallotsSha256(await listPublishedBallots(tx, coopId, pollId)),
      countedAs,
    });
    return result;
  },
});

/** Mails the members of the electorate who have not voted, a day before the close. */
export const remindNonVoters = defineCommand({
  name: 'governance.remindNonVoters',
  input: pollInput,
  policy: governancePolicy.callVotes,
  events: [pollReminded],
  async run(tx, { pollId }, ctx) {
    const coopId = ctx.coopId;
    const poll = await loadPoll(tx, coopId, pollId);
    if (poll.status !== 'open') return;
    const rows = await tx
      .select({ email: personEmails.email, name: people.displayName, locale: people.locale })
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
    for (const row of rows) {
      // Each member reads the reminder in their own language, whoever called the vote.
      const locale = asLocale(row.locale);
      const vars = {
        name: row.name,
        title: poll.title,
        closesAt: displayMomentUtc(poll.closesAt, locale),
        link: `${ctx.publicUrl}/votes/${pollId}`,
      };
      await ctx.mail({
        to: row.email,
        kind: 'vote-reminder',
        subject: governanceMail(locale, 'voteReminder.subject', vars),
        body: governanceMail(locale, 'voteReminder.body', vars),
      });
    }
    await ctx.emit(pollReminded, pollId, { reminded: rows.length });
  },
});
