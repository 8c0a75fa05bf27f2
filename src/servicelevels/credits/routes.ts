import { z } from 'zod';
import { runCommand } from '../../platform/commands.ts';
import { commandContext, type App, type AppDeps } from '../../platform/http/context.ts';
import { problemSchema } from '../../platform/http/problem.ts';
import { authorize, ownOrganizationId } from '../../platform/policy.ts';
import { serviceLevelsPolicy } from '../policy.ts';
import { serviceCreditStates } from '../schema.ts';
import { listCredits, sponsorVisibleStates } from './creditQueries.ts';
import { confirmServiceCredit, declineServiceCredit } from './decideServiceCredit.ts';
import { declineCreditInputSchema } from './declineInput.ts';

export const serviceCreditSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    agreementId: z.uuid(),
    clockId: z.uuid(),
    amount: z.string(),
    amountMinor: z.string(),
    issued: z.string(),
    issuedMinor: z.string(),
    currency: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    state: z.enum(serviceCreditStates),
    /** How the amount was reached: the period's fee, the share and cap (basis points), what the period's earlier credits had taken. */
    periodFeeMinor: z.string(),
    perBreachBasisPoints: z.number().int(),
    capBasisPoints: z.number().int(),
    takenMinor: z.string(),
    proposalReason: z.string(),
    declineReason: z.string().nullable(),
    creditNoteId: z.uuid().nullable(),
    issues: z.array(
      z.object({
        invoiceId: z.uuid(),
        invoiceNumber: z.string(),
        creditNoteId: z.uuid(),
        creditNoteNumber: z.string(),
        amountMinor: z.string(),
        amount: z.string(),
      }),
    ),
    proposedAt: z.date(),
    decidedAt: z.date().nullable(),
    issuedAt: z.date().nullable(),
  })
  .meta({ id: 'ServiceCredit' });

const idParams = z.object({ id: z.uuid() });

export function serviceCreditRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;

  app.get(
    '/api/service-credits',
    {
      schema: {
        operationId: 'listServiceCredits',
        summary:
          'Service credits breaches proposed, newest first: every one for officers; the confirmed and issued ones of their own organization for a sponsor',
        tags: ['service levels'],
        querystring: z.object({
          organizationId: z.uuid().optional(),
          state: z.enum(serviceCreditStates).optional(),
        }),
        response: {
          200: z.object({ credits: z.array(serviceCreditSchema) }),
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = commandContext(deps, request);
      const all = serviceLevelsPolicy.listAllClocks(ctx.actor, undefined);
      const organizationId = all
        ? request.query.organizationId
        : (ownOrganizationId(ctx.actor) ?? undefined);
      authorize(ctx.actor, serviceLevelsPolicy.readOrganization, organizationId ?? '');
      const wanted = request.query.state ? [request.query.state] : undefined;
      const states = all
        ? wanted
        : (wanted ?? sponsorVisibleStates).filter((s) => sponsorVisibleStates.includes(s));
      return { credits: await listCredits(db, ctx.actor.coopId, { organizationId, states }) };
    },
  );

  app.post(
    '/api/service-credits/:id/confirm',
    {
      schema: {
        operationId: 'confirmServiceCredit',
        summary:
          'Confirm a proposed service credit (officers): it is issued as a credit note on the sponsor’s next invoice',
        tags: ['service levels'],
        params: idParams,
        response: {
          204: z.null(),
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request, reply) => {
      await runCommand(
        confirmServiceCredit,
        { creditId: request.params.id },
        commandContext(deps, request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/service-credits/:id/decline',
    {
      schema: {
        operationId: 'declineServiceCredit',
        summary: 'Decline a proposed service credit, with the reason (officers)',
        tags: ['service levels'],
        params: idParams,
        body: declineCreditInputSchema,
        response: {
          204: z.null(),
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request, reply) => {
      await runCommand(
        declineServiceCredit,
        { creditId: request.params.id, reason: request.body.reason },
        commandContext(deps, request),
      );
      return reply.status(204).send(null);
    },
  );
}
