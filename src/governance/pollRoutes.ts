import { z } from 'zod';
import { runCommand } from '../platform/commands.ts';
import { commandContext, type App, type AppDeps } from '../platform/http/context.ts';
import { problemSchema } from '../platform/http/problem.ts';
import { fileContent, storedJson } from '../platform/http/responses.ts';
import { authorize } from '../platform/policy.ts';
import { castVote } from './commands/castVote.ts';
import { importBallots } from './commands/importBallots.ts';
import { createElection, createProposal } from './commands/createPoll.ts';
import { electionInputSchema, proposalInputSchema } from './pollInput.ts';
import { answerNomination, nominate } from './commands/nominate.ts';
import { nominationInputSchema } from './nominationInput.ts';
import { closePoll, openPoll } from './commands/pollLifecycle.ts';
import { governancePolicy } from './policy.ts';
import { listPolls, pollBlt, pollDetail } from './polls/pollQueries.ts';
import { pollKinds, pollMethods, pollStatuses, thresholds } from './schema.ts';
import { voteInputSchema } from './voteInput.ts';

const idParams = z.object({ id: z.uuid() });
/** What a published ballot says, by the poll's method (options numbered from 1). */
const ballotContentSchema = z.union([
  z.object({ choice: z.enum(['yes', 'no', 'abstain']) }),
  z.object({ approve: z.array(z.number().int()) }),
  z.object({ scores: z.record(z.string(), z.number().int()) }),
  z.object({ ranking: z.array(z.number().int()) }),
]);
const problems = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const done = { 204: z.null(), ...problems };

const pollSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(pollKinds),
    title: z.string(),
    body: z.string(),
    method: z.enum(pollMethods),
    threshold: z.enum(thresholds),
    seats: z.number().int(),
    electorate: z.array(z.string()),
    quorumPercent: z.number().int(),
    classBalanced: z.boolean(),
    inEachClass: z
      .boolean()
      .describe('The majority is needed in each member class (an entrenched amendment)'),
    secret: z.boolean(),
    opensAt: z.date(),
    closesAt: z.date(),
    status: z.enum(pollStatuses),
    officeRole: z.string().nullable(),
    amendsBylaws: z.boolean(),
    bylawsEffectiveOn: z.iso
      .date()
      .nullable()
      .describe('When a passed amendment takes effect (at the earliest, the day of the close)'),
    budget: z
      .array(
        z.object({
          account: z.string(),
          fromDay: z.string(),
          toDay: z.string(),
          amount: z.string(),
        }),
      )
      .nullable()
      .describe('A budget proposal’s lines, adopted as budgets if it passes'),
    result: z
      .unknown()
      .describe(
        'At the close: turnout, quorum, totals, the outcome and, for ranked methods, every round of the count',
      ),
    bylawsVersion: z.number().int(),
    createdAt: z.date(),
  })
  .meta({ id: 'Poll' });

export function pollRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const tags = ['governance'];
  const ctxOf = (request: Parameters<typeof commandContext>[1]) => commandContext(deps, request);
  const created = z.object({ id: z.uuid() });

  app.get(
    '/api/polls',
    {
      schema: {
        operationId: 'listPolls',
        tags,
        summary: 'Proposals and elections',
        response: {
          200: z.object({
            polls: z.array(
              pollSchema
                .pick({
                  id: true,
                  kind: true,
                  title: true,
                  method: true,
                  status: true,
                  opensAt: true,
                  closesAt: true,
                  officeRole: true,
                })
                .extend({ youVoted: z.boolean().describe('Whether you have voted in it') }),
            ),
          }),
          401: problemSchema,
          403: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(ctx.actor, governancePolicy.takePart, undefined);
      return { polls: await listPolls(db, ctx.actor.coopId, ctx.actor.personId) };
    },
  );

  app.get(
    '/api/polls/:id',
    {
      schema: {
        operationId: 'getPoll',
        summary: 'A proposal or election: options, your ballot, and the result once counted',
        tags,
        params: idParams,
        response: {
          200: z.object({
            poll: pollSchema,
            proposedBylaws: z.unknown(),
            options: z.array(
              z.object({
                number: z.number().int(),
                label: z.string(),
                personId: z.uuid().nullable(),
              }),
            ),
            nominations: z.array(
              z.object({
                personId: z.uuid(),
                displayName: z.string(),
                statement: z.string(),
                acceptedAt: z.date().nullable(),
                declinedAt: z.date().nullable(),
              }),
            ),
            votedAt: z.date().nullable(),
            ballots: z
              .array(
                z.object({
                  receiptHash: z.string(),
                  /** Open polls, and class-balanced counts; null otherwise. */
                  voterClass: z.string().nullable(),
                  content: storedJson(ballotContentSchema),
                  personId: z.uuid().nullable(),
                }),
              )
              .nullable(),
          }),
          404: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(ctx.actor, governancePolicy.takePart, undefined);
      return pollDetail(db, ctx.actor, request.params.id);
    },
  );

  app.get(
    '/api/polls/:id/ballots.blt',
    {
      schema: {
        operationId: 'getPollBallotsBlt',
        tags,
        summary: 'The published ballots of a closed ranked poll, in BLT format',
        params: idParams,
        response: {
          200: { description: 'The ballots in BLT format', content: fileContent('text/plain') },
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      authorize(ctx.actor, governancePolicy.takePart, undefined);
      const text = await pollBlt(db, ctx.actor.coopId, request.params.id);
      return reply
        .type('text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="poll-${request.params.id}.blt"`)
        .send(text);
    },
  );

  app.post(
    '/api/polls/:id/paper-ballots',
    {
      schema: {
        operationId: 'importPaperBallots',
        tags,
        summary:
          'Add paper ballots to an open ranked poll from a BLT file (candidates by the options’ names)',
        params: idParams,
        body: z.strictObject({ blt: z.string().min(1).max(50_000_000) }),
        response: { 200: z.object({ imported: z.number().int() }), ...problems },
      },
    },
    async (request) =>
      runCommand(
        importBallots,
        { pollId: request.params.id, blt: request.body.blt },
        ctxOf(request),
      ),
  );

  app.post(
    '/api/proposals',
    {
      schema: {
        operationId: 'createProposal',
        tags,
        summary: 'Put a proposal to the members',
        body: proposalInputSchema,
        response: { 201: created, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await runCommand(createProposal, request.body, ctxOf(request))),
  );

  app.post(
    '/api/elections',
    {
      schema: {
        operationId: 'callElection',
        tags,
        summary: 'Call an election of officers; nominations open at once',
        body: electionInputSchema,
        response: { 201: created, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await runCommand(createElection, request.body, ctxOf(request))),
  );

  app.post(
    '/api/polls/:id/nominations',
    {
      schema: {
        operationId: 'nominate',
        summary: 'Nominate a member for the office',
        tags,
        params: idParams,
        body: nominationInputSchema,
        response: done,
      },
    },
    async (request, reply) => {
      await runCommand(nominate, { pollId: request.params.id, ...request.body }, ctxOf(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/polls/:id/nomination/answer',
    {
      schema: {
        operationId: 'answerNomination',
        tags,
        summary: 'Accept or decline your nomination',
        params: idParams,
        body: z.strictObject({ accept: z.boolean() }),
        response: done,
      },
    },
    async (request, reply) => {
      await runCommand(
        answerNomination,
        { pollId: request.params.id, accept: request.body.accept },
        ctxOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/polls/:id/votes',
    {
      schema: {
        operationId: 'castVote',
        tags,
        summary: 'Cast or change your ballot; keep the receipt',
        description:
          'content by method: yes-no {"choice":"yes"|"no"|"abstain"}; approval {"approve":[n]}; score {"scores":{"n":0-5}}; ranked methods {"ranking":[n, best first]}; options are numbered from 1.',
        params: idParams,
        body: voteInputSchema,
        response: {
          200: z.object({ receipt: z.string().nullable(), changed: z.boolean() }),
          ...problems,
        },
      },
    },
    async (request) =>
      runCommand(castVote, { pollId: request.params.id, ...request.body }, ctxOf(request)),
  );

  for (const to of ['open', 'close'] as const)
    app.post(
      `/api/polls/:id/${to}`,
      {
        schema: {
          operationId: `${to}Poll`,
          tags,
          summary: `${to === 'open' ? 'Open' : 'Close and count'} the poll now`,
          params: idParams,
          response: done,
        },
      },
      async (request, reply) => {
        const pollId = request.params.id;
        if (to === 'open') await runCommand(openPoll, { pollId }, ctxOf(request));
        else await runCommand(closePoll, { pollId }, ctxOf(request));
        return reply.status(204).send(null);
      },
    );
}
