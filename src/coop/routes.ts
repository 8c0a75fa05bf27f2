import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { memberCounts } from '../members/queries.ts';
import { insertSession, mintSession } from '../members/sessions.ts';
import { coops, outbox } from '../platform/db/schema.ts';
import { commandContext, type App, type AppDeps } from '../platform/http/context.ts';
import { problemSchema } from '../platform/http/problem.ts';
import { setSessionCookie } from '../platform/http/sessionCookie.ts';
import { isAdmin } from '../platform/policy.ts';
import { setupCoop } from './commands/setupCoop.ts';
import { setupInputSchema } from './setupInput.ts';
import { findCoop } from './queries.ts';

const coopSchema = z
  .object({ id: z.uuid(), name: z.string(), currency: z.string(), createdAt: z.date() })
  .meta({ id: 'Coop' });

export function coopRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;

  app.get(
    '/api/health',
    {
      schema: {
        operationId: 'getHealth',
        // Open to the public: needs no session.
        security: [],
        summary: 'Is the server up, and on which database',
        tags: ['platform'],
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }),
          500: problemSchema,
        },
      },
    },
    async () => {
      await db.execute(sql`select 1`);
      return { status: 'ok' as const, database: deps.database.kind };
    },
  );

  app.get(
    '/api/setup',
    {
      schema: {
        operationId: 'getSetupStatus',
        // Open to the public: needs no session.
        security: [],
        summary: 'Whether the first-run wizard still has to run',
        tags: ['coop'],
        response: { 200: z.object({ required: z.boolean() }) },
      },
    },
    async () => ({ required: !(await findCoop(db)) }),
  );

  app.post(
    '/api/setup',
    {
      schema: {
        operationId: 'setUpCoop',
        // Open to the public: needs no session.
        security: [],
        tags: ['coop'],
        summary: 'First-run wizard: create the co-op, its bylaws and first administrator',
        body: setupInputSchema,
        response: {
          201: z.object({ coop: coopSchema, adminId: z.uuid(), csrfToken: z.string() }),
          409: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await setupCoop(db, request.body, { alone: true, clock: deps.clock });
      const session = mintSession(deps.clock);
      await db.transaction((tx) =>
        insertSession(tx, result.coop.id, result.adminId, session, {
          ip: request.ip,
          userAgent: request.headers['user-agent'],
        }),
      );
      setSessionCookie(reply, session.token, deps.config.COOP_SECURE_COOKIES);
      return reply.status(201).send({ ...result, csrfToken: session.csrfToken });
    },
  );

  app.get(
    '/api/coop',
    {
      schema: {
        operationId: 'getCoop',
        summary: 'The co-op, its head counts and (for administrators) held mail',
        tags: ['coop'],
        response: {
          200: coopSchema.extend({
            memberCounts: z.array(
              z.object({ memberClass: z.string(), status: z.string(), n: z.number().int() }),
            ),
            /** Administrators only: mail waiting in the outbox because no SMTP server is set. */
            heldMail: z.number().int().nullable(),
          }),
          409: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = commandContext(deps, request);
      const [coop] = await db.select().from(coops).where(eq(coops.id, ctx.actor.coopId));
      // Head counts are public: a co-op says how many members it has, not who they are.
      const heldMail = isAdmin(ctx.actor)
        ? (
            await db
              .select({ n: sql<number>`count(*)::int` })
              .from(outbox)
              .where(and(eq(outbox.coopId, ctx.actor.coopId), eq(outbox.status, 'held')))
          )[0]!.n
        : null;
      return { ...coop!, memberCounts: await memberCounts(db, ctx.actor.coopId), heldMail };
    },
  );
}
