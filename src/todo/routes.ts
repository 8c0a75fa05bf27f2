import { z } from 'zod';
import { localeOfPerson } from '../members/repository.ts';
import { runCommand } from '../platform/commands.ts';
import { commandContext, type App, type AppDeps } from '../platform/http/context.ts';
import { problemSchema } from '../platform/http/problem.ts';
import { authorize } from '../platform/policy.ts';
import { digestIsOn, digestPreferenceSchema, setDigestPreference } from './commands.ts';
import { todoPolicy } from './policy.ts';
import { whatNeeds } from './whatNeedsMe.ts';

const pendingItemSchema = z
  .object({
    kind: z.enum([
      'vote',
      'nomination',
      'sponsor-points',
      'survey',
      'declarations',
      'availability',
      'log-hours',
      'approve-claims',
      'pay-claims',
      'review-bank-lines',
      'overdue-invoices',
      'confirm-labour',
      'answer-requests',
      'reply-to-requests',
      'decide-service-credits',
      'service-credits-held',
      'send-digests',
    ]),
    title: z.string().describe('What to do, in your language'),
    detail: z.string().describe('Why it matters or how much waits, in your language'),
    href: z.string().describe('The page of the web app where it is done'),
    dueAt: z.date().nullable(),
  })
  .meta({ id: 'PendingItem' });

const tags = ['todo'];

export function todoRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;

  app.get(
    '/api/todo',
    {
      schema: {
        operationId: 'listWhatNeedsMe',
        tags,
        summary: 'What the co-op is waiting for from you, deadlines first, and your digest choice',
        response: {
          200: z.object({
            items: z.array(pendingItemSchema),
            weeklyDigest: z.boolean(),
          }),
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => {
      const { actor } = commandContext(deps, request);
      authorize(actor, todoPolicy.readOwn, undefined, 'Sign in to see what waits for you.');
      return {
        items: await whatNeeds(
          db,
          actor,
          deps.clock.today(),
          await localeOfPerson(db, actor.coopId, actor.personId!),
        ),
        weeklyDigest: await digestIsOn(db, actor.coopId, actor.personId!),
      };
    },
  );

  app.post(
    '/api/todo/digest',
    {
      schema: {
        operationId: 'setDigestPreference',
        tags,
        summary: 'Switch your weekly reminder digest on or off',
        body: digestPreferenceSchema,
        response: {
          200: digestPreferenceSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => runCommand(setDigestPreference, request.body, commandContext(deps, request)),
  );
}
