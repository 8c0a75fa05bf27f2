import { z } from 'zod';
import { currentBylaws } from '../bylaws/repository.ts';
import { runCommand } from '../platform/commands.ts';
import { commandContext, type App, type AppDeps } from '../platform/http/context.ts';
import { problemSchema } from '../platform/http/problem.ts';
import { authorize } from '../platform/policy.ts';
import { registerRepository } from './commands/registerRepository.ts';
import { repositoryChangesSchema, repositoryInputSchema } from './repositoryInput.ts';
import { removeRepository } from './commands/removeRepository.ts';
import { requestSync } from './commands/requestSync.ts';
import { updateRepository } from './commands/updateRepository.ts';
import { contributorLinkSchema, setContributorLink } from './commands/setContributorLink.ts';
import { dcoSha256, dcoText, dcoVersion } from './dco/dcoText.ts';
import { contributionsPolicy } from './policy.ts';
import {
  firstTimeContributors,
  getBranchCheck,
  getCommit,
  getRepository,
  listContributors,
  listRepositories,
  memberContributions,
} from './queries.ts';

const tags = ['contributions'];
const idParams = z.object({ id: z.uuid() });

const repositorySummary = z
  .object({
    id: z.uuid(),
    name: z.string(),
    sourceKind: z.enum(['path', 'url']),
    location: z.string(),
    defaultBranch: z.string().nullable(),
    botPatterns: z.array(z.string()),
    lastSyncedAt: z.coerce.date().nullable(),
    lastSyncError: z.string().nullable(),
    commits: z.number().int(),
    failingBranches: z.number().int(),
    rewrites: z.number().int(),
  })
  .meta({ id: 'RepositorySummary' });

const verdict = z
  .object({
    sha: z.string(),
    subject: z.string(),
    ok: z.boolean(),
    skipped: z.string().nullable(),
    reason: z.string().nullable(),
    author: z.string(),
    email: z.string(),
    committer: z.string(),
  })
  .meta({ id: 'DcoVerdict' });

const repositoryDetail = repositorySummary
  .extend({
    branches: z.array(
      z.object({
        ref: z.string(),
        headSha: z.string(),
        commitCount: z.number().int(),
        failureCount: z.number().int(),
        checkedAt: z.coerce.date(),
      }),
    ),
    rewrites: z.array(
      z.object({
        ref: z.string(),
        oldSha: z.string(),
        newSha: z.string(),
        droppedCommits: z.number().int().nullable(),
        detectedAt: z.coerce.date(),
      }),
    ),
    recentCommits: z.array(
      z.object({
        sha: z.string(),
        subject: z.string(),
        authorName: z.string(),
        authoredAt: z.coerce.date(),
        dcoOk: z.boolean(),
        dcoSkipped: z.string().nullable(),
        dcoReason: z.string().nullable(),
        integratedAt: z.coerce.date().nullable(),
      }),
    ),
  })
  .meta({ id: 'Repository' });

const commitDetail = z
  .object({
    sha: z.string(),
    parents: z.array(z.string()),
    authorName: z.string(),
    authorEmail: z.string(),
    authoredAt: z.coerce.date(),
    /** Minutes east of UTC, as git recorded the author's time. */
    authorTz: z.number().int(),
    committerName: z.string(),
    committerEmail: z.string(),
    committedAt: z.coerce.date(),
    committerTz: z.number().int(),
    message: z.string(),
    trailers: z.array(z.tuple([z.string(), z.string()])),
    /** Per file changed; null counts for a binary file; null for a commit stored before paths were kept. */
    changes: z
      .array(
        z.object({
          path: z.string(),
          added: z.number().int().nullable(),
          deleted: z.number().int().nullable(),
        }),
      )
      .nullable(),
    files: z.number().int(),
    insertions: z.number().int(),
    deletions: z.number().int(),
    dcoOk: z.boolean(),
    dcoSkipped: z.string().nullable(),
    dcoReason: z.string().nullable(),
    integratedAt: z.coerce.date().nullable(),
    integratedBy: z.string().nullable(),
  })
  .meta({ id: 'Commit' });

const branchCheck = z
  .object({
    ref: z.string(),
    headSha: z.string(),
    commitCount: z.number().int(),
    failureCount: z.number().int(),
    checkedAt: z.coerce.date(),
    verdicts: z.array(verdict),
    failing: z.array(verdict),
    remediation: z.string(),
  })
  .meta({ id: 'BranchDcoCheck' });

const contributor = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    personId: z.uuid().nullable(),
    personName: z.string().nullable(),
    link: z.enum(['manual', 'email', 'unlinked']).nullable(),
    firstSeenAt: z.coerce.date(),
    commits: z.number().int(),
  })
  .meta({ id: 'Contributor' });

const memberRecord = z
  .object({
    personId: z.uuid(),
    displayName: z.string(),
    commits: z.number().int(),
    signoffs: z.number().int(),
    coAuthorships: z.number().int(),
    reviews: z.number().int(),
    linesAdded: z.number().int(),
    linesDeleted: z.number().int(),
    changesIntegrated: z.number().int(),
    medianLatencyHours: z.number().nullable(),
  })
  .meta({ id: 'MemberContribution' });

const day = z.iso.date();
const periodQuery = z.object({ from: day.optional(), to: day.optional() });

/** [from, to) as days: by default the calendar year so far, to the end of today. */
function periodOf(query: { from?: string | undefined; to?: string | undefined }, today: string) {
  const to =
    query.to ?? new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { from: query.from ?? `${today.slice(0, 4)}-01-01`, to };
}

export function contributionsRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;

  app.get(
    '/api/contributions/repositories',
    {
      schema: {
        operationId: 'listRepositories',
        summary: 'The co-op’s git repositories, with their commits, failing branches and rewrites',
        tags,
        response: {
          200: z.object({ repositories: z.array(repositorySummary) }),
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = commandContext(deps, request);
      authorize(ctx.actor, contributionsPolicy.read, undefined);
      return { repositories: await listRepositories(db, ctx.actor.coopId) };
    },
  );

  app.post(
    '/api/contributions/repositories',
    {
      schema: {
        operationId: 'registerRepository',
        summary:
          'Register a repository (a path on the server or a URL it mirrors) and queue its first sync',
        tags,
        body: repositoryInputSchema,
        response: {
          201: z.object({ id: z.uuid() }),
          400: problemSchema,
          403: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await runCommand(registerRepository, request.body, commandContext(deps, request))),
  );

  app.get(
    '/api/contributions/repositories/:id',
    {
      schema: {
        operationId: 'getRepository',
        summary: 'A repository: its branches’ DCO checks, rewritten histories and latest commits',
        tags,
        params: idParams,
        response: { 200: repositoryDetail, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const ctx = commandContext(deps, request);
      authorize(ctx.actor, contributionsPolicy.read, undefined);
      return getRepository(db, ctx.actor.coopId, request.params.id);
    },
  );

  app.patch(
    '/api/contributions/repositories/:id',
    {
      schema: {
        operationId: 'updateRepository',
        summary: 'Change a repository’s name, location, default branch or bot patterns',
        tags,
        params: idParams,
        body: repositoryChangesSchema,
        response: {
          200: z.object({ changed: z.boolean() }),
          400: problemSchema,
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request) =>
      runCommand(
        updateRepository,
        { ...request.body, repositoryId: request.params.id },
        commandContext(deps, request),
      ),
  );

  app.delete(
    '/api/contributions/repositories/:id',
    {
      schema: {
        operationId: 'removeRepository',
        summary:
          'Remove (deregister) a repository: no longer synced or listed; its commits stay on record',
        tags,
        params: idParams,
        response: { 204: z.null(), 403: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      await runCommand(
        removeRepository,
        { repositoryId: request.params.id },
        commandContext(deps, request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/contributions/repositories/:id/sync',
    {
      schema: {
        operationId: 'syncRepository',
        summary: 'Queue a sync of the repository now',
        tags,
        params: idParams,
        response: {
          202: z.object({ queued: z.literal(true) }),
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      await runCommand(
        requestSync,
        { repositoryId: request.params.id },
        commandContext(deps, request),
      );
      return reply.status(202).send({ queued: true as const });
    },
  );

  app.get(
    '/api/contributions/repositories/:id/dco',
    {
      schema: {
        operationId: 'getBranchDcoCheck',
        summary:
          'A branch’s DCO check: every commit’s verdict, the failing ones, and the remediation text',
        tags,
        params: idParams,
        querystring: z.object({ ref: z.string().min(1).max(500) }),
        response: { 200: branchCheck, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const ctx = commandContext(deps, request);
      authorize(ctx.actor, contributionsPolicy.read, undefined);
      return getBranchCheck(db, ctx.actor.coopId, request.params.id, request.query.ref);
    },
  );

  app.get(
    '/api/contributions/repositories/:id/commits/:sha',
    {
      schema: {
        operationId: 'getCommit',
        summary:
          'A commit: author and committer with their offsets, message, trailers, the files and lines it changed, its DCO verdict',
        tags,
        params: z.object({ id: z.uuid(), sha: z.string().regex(/^[0-9a-f]{40,64}$/) }),
        response: { 200: commitDetail, 400: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const ctx = commandContext(deps, request);
      authorize(ctx.actor, contributionsPolicy.read, undefined);
      return getCommit(db, ctx.actor.coopId, request.params.id, request.params.sha);
    },
  );

  app.get(
    '/api/contributions/dco',
    {
      schema: {
        operationId: 'getDcoText',
        summary: 'The Developer Certificate of Origin, verbatim, with its SHA-256',
        // Open to the public: contributors read it before they sign off.
        security: [],
        tags,
        response: { 200: z.object({ version: z.string(), sha256: z.string(), text: z.string() }) },
      },
    },
    async () => ({ version: dcoVersion, sha256: dcoSha256, text: dcoText }),
  );

  app.get(
    '/api/contributions/contributors',
    {
      schema: {
        operationId: 'listContributors',
        summary: 'Identities seen in commits and trailers, and the member each is linked to',
        tags,
        response: {
          200: z.object({ contributors: z.array(contributor) }),
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = commandContext(deps, request);
      authorize(
        ctx.actor,
        contributionsPolicy.manage,
        undefined,
        'Only administrators and officers see the contributors’ links.',
      );
      return { contributors: await listContributors(db, ctx.actor.coopId) };
    },
  );

  app.post(
    '/api/contributions/contributors/:id/link',
    {
      schema: {
        operationId: 'setContributorLink',
        summary:
          'Link a contributor to a member by hand, keep it unlinked, or return it to the link by verified email',
        tags,
        params: idParams,
        body: contributorLinkSchema,
        response: { 204: z.null(), 400: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      await runCommand(
        setContributorLink,
        { contributorId: request.params.id, change: request.body },
        commandContext(deps, request),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/contributions/stats',
    {
      schema: {
        operationId: 'getContributionStats',
        summary:
          'Per member over a period: commits, sign-offs, co-authorships, reviews, lines, integration latency; first-time contributors',
        tags,
        querystring: periodQuery,
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            members: z.array(memberRecord),
            firstTimeContributors: z.array(
              z.object({
                email: z.string(),
                name: z.string(),
                personId: z.uuid().nullable(),
                firstCommitAt: z.coerce.date(),
              }),
            ),
          }),
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = commandContext(deps, request);
      const coopId = ctx.actor.coopId;
      const published = (await currentBylaws(db, coopId, deps.clock)).document.transparency
        .publishContributions;
      authorize(
        ctx.actor,
        contributionsPolicy.readAllRecords,
        { published },
        'The bylaws do not publish members’ contributions: officers see them, and each member their own.',
      );
      const period = periodOf(request.query, deps.clock.today());
      return {
        ...period,
        members: await memberContributions(db, coopId, period),
        firstTimeContributors: await firstTimeContributors(db, coopId, period),
      };
    },
  );

  app.get(
    '/api/contributions/members/:id',
    {
      schema: {
        operationId: 'getMemberContributions',
        summary:
          'One member’s contribution record over a period (the member, officers, or all when the bylaws publish it)',
        tags,
        params: idParams,
        querystring: periodQuery,
        response: {
          200: z.object({ from: z.string(), to: z.string(), record: memberRecord.nullable() }),
          403: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = commandContext(deps, request);
      const coopId = ctx.actor.coopId;
      const published = (await currentBylaws(db, coopId, deps.clock)).document.transparency
        .publishContributions;
      authorize(
        ctx.actor,
        contributionsPolicy.readMemberRecord,
        { personId: request.params.id, published },
        'Members see their own contribution record; the bylaws do not publish others’.',
      );
      const period = periodOf(request.query, deps.clock.today());
      const [record] = await memberContributions(db, coopId, period, request.params.id);
      return { ...period, record: record ?? null };
    },
  );
}
