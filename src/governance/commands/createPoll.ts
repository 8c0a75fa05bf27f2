import { entrenchedChanges } from '../../bylaws/decisionRules.ts';
import type { QuestionKind } from '../../bylaws/document.ts';
import { checkEffectiveDay, checkFiscalYearStart } from '../../bylaws/effectiveDate.ts';
import { bylawsInForce } from '../../bylaws/repository.ts';
import { checkBudgetLines } from '../../finance/reports/budgets.ts';
import { defineCommand } from '../../platform/commands.ts';
import type { Tx } from '../../platform/db/database.ts';
import { badRequest } from '../../platform/errors.ts';
import { enqueueJob } from '../../platform/jobs.ts';
import { pollCreated } from '../events.ts';
import { bindingRules, checkAgainstRules, questionLabel } from '../polls/pollRules.ts';
import { governancePolicy } from '../policy.ts';
import { electionInputSchema, proposalInputSchema } from '../pollInput.ts';
import { pollOptions, polls } from '../schema.ts';

/** The jobs that open, remind and close a poll at its times. */
export async function schedulePoll(
  tx: Tx,
  coopId: string,
  pollId: string,
  opensAt: Date,
  closesAt: Date,
) {
  await enqueueJob(tx, {
    coopId,
    kind: 'poll.open',
    payload: { pollId },
    runAt: opensAt,
    dedupeKey: `${pollId}:open`,
  });
  const remindAt = new Date(closesAt.getTime() - 24 * 3600_000);
  if (remindAt > opensAt)
    await enqueueJob(tx, {
      coopId,
      kind: 'poll.remind',
      payload: { pollId },
      runAt: remindAt,
      dedupeKey: `${pollId}:remind`,
    });
  await enqueueJob(tx, {
    coopId,
    kind: 'poll.close',
    payload: { pollId },
    runAt: closesAt,
    dedupeKey: `${pollId}:close`,
  });
}

export const createProposal = defineCommand({
  name: 'governance.createProposal',
  input: proposalInputSchema,
  policy: governancePolicy.callVotes,
  denied: 'Administrators and officers put proposals to a vote.',
  events: [pollCreated],
  async run(tx, p, ctx) {
    const coopId = ctx.coopId;
    const bylaws = await bylawsInForce(tx, coopId, ctx.clock.today());
    if (p.bylawsEffectiveOn)
      await checkEffectiveDay(
        tx,
        coopId,
        p.bylawsEffectiveOn,
        '/body/bylawsEffectiveOn',
        ctx.clock,
      );
    if (p.bylawsDocument)
      await checkFiscalYearStart(
        tx,
        coopId,
        p.bylawsDocument.fiscalYear.startMonth,
        bylaws.document.fiscalYear.startMonth,
        '/body/bylawsDocument/fiscalYear/startMonth',
      );
    // A budget is checked against the chart now, so members vote on lines that can be adopted.
    const budget = p.budget
      ? (await checkBudgetLines(tx, coopId, p.budget, (i) => `/body/budget/${i}`, 'proposal')).map(
          ({ account, fromDay, toDay, amount }) => ({ account, fromDay, toDay, amount }),
        )
      : null;
    const kind: QuestionKind = p.bylawsDocument ? 'amendment' : p.budget ? 'budget' : 'general';
    const rules = bindingRules(
      bylaws.document,
      kind,
      p.bylawsDocument ? entrenchedChanges(bylaws.document, p.bylawsDocument) : [],
    );
    const binding = checkAgainstRules(rules, kind, p);
    if (binding.classBalanced && !['yes-no', 'approval', 'score'].includes(p.method))
      throw badRequest(
        `The bylaws count a ${questionLabel[kind]} by class; it needs yes/no, approval or score.`,
        [{ pointer: '/method', message: 'a class-balanced count needs yes/no, approval or score' }],
      ).because('poll.class-balanced-method');
    const threshold = binding.threshold;
    const [poll] = await tx
      .insert(polls)
      .values({
        coopId,
        kind: 'proposal',
        title: p.title,
        body: p.body,
        method: p.method,
        threshold,
        seats: p.seats,
        electorate: binding.electorate,
        quorumPercent: binding.quorumPercent,
        classBalanced: binding.classBalanced ? 1 : 0,
        inEachClass: binding.inEachClass ? 1 : 0,
        secret: p.secret ? 1 : 0,
        opensAt: p.opensAt,
        closesAt: p.closesAt,
        status: 'scheduled',
        bylawsDocument: p.bylawsDocument ?? null,
        bylawsEffectiveOn: p.bylawsEffectiveOn ?? null,
        budgetLines: budget,
        bylawsVersion: bylaws.version,
        createdBy: ctx.actor.personId,
      })
      .returning();
    const labels = p.method === 'yes-no' ? ['Yes'] : p.options;
    await tx
      .insert(pollOptions)
      .values(labels.map((label, i) => ({ coopId, pollId: poll!.id, number: i + 1, label })));
    await schedulePoll(tx, coopId, poll!.id, p.opensAt, p.closesAt);
    await ctx.emit(pollCreated, poll!.id, {
      kind: 'proposal',
      title: p.title,
      method: p.method,
      threshold,
      bylawAmendment: Boolean(p.bylawsDocument),
      budgetLines: budget?.length ?? 0,
    });
    return poll!;
  },
});

/** An election opens for nominations at once; the ballot opens with the accepted nominees. */
export const createElection = defineCommand({
  name: 'governance.createElection',
  input: electionInputSchema,
  policy: governancePolicy.callVotes,
  denied: 'Administrators and officers call elections.',
  events: [pollCreated],
  async run(tx, e, ctx) {
    const coopId = ctx.coopId;
    const bylaws = await bylawsInForce(tx, coopId, ctx.clock.today());
    const office = bylaws.document.officers.find((o) => o.role === e.officeRole);
    if (!office)
      throw badRequest(`The bylaws define no office ${e.officeRole}.`, [
        {
          pointer: '/officeRole',
          message: `one of ${bylaws.document.officers.map((o) => o.role).join(', ')}`,
        },
      ]).because('office.undefined', {
        role: e.officeRole,
        roles: bylaws.document.officers.map((o) => o.role).join(', '),
      });
    const rules = bindingRules(bylaws.document, 'election', []);
    const checked = checkAgainstRules(rules, 'election', e);
    const secretByLaw = bylaws.document.decisions.secretBallotsForElections;
    if (secretByLaw && e.secret === false)
      throw badRequest('The bylaws make elections secret.', [
        { pointer: '/secret', message: 'the bylaws make elections secret' },
      ]).because('election.secret-by-bylaws');
    const [poll] = await tx
      .insert(polls)
      .values({
        coopId,
        kind: 'election',
        title: `Election: ${office.title}`,
        method: e.method,
        seats: e.seats,
        electorate: checked.electorate,
        quorumPercent: checked.quorumPercent,
        secret: (e.secret ?? secretByLaw) ? 1 : 0,
        opensAt: e.opensAt,
        closesAt: e.closesAt,
        status: 'nominating',
        officeRole: e.officeRole,
        bylawsVersion: bylaws.version,
        createdBy: ctx.actor.personId,
      })
      .returning();
    await schedulePoll(tx, coopId, poll!.id, e.opensAt, e.closesAt);
    await ctx.emit(pollCreated, poll!.id, {
      kind: 'election',
      officeRole: e.officeRole,
      method: e.method,
      seats: e.seats,
    });
    return poll!;
  },
});
