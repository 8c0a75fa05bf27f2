import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';
import { webhookDeliveries, webhookEndpoints, type DeliveryStatus } from './schema.ts';

/** What the API shows of an endpoint: never its secrets. */
const endpointColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  eventTypes: webhookEndpoints.eventTypes,
  enabled: sql<boolean>`${webhookEndpoints.disabledAt} is null`,
  disabledAt: webhookEndpoints.disabledAt,
  disabledReason: webhookEndpoints.disabledReason,
  previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
  consecutiveFailures: webhookEndpoints.consecutiveFailures,
  createdAt: webhookEndpoints.createdAt,
  updatedAt: webhookEndpoints.updatedAt,
};

// Drizzle writes the outer table's columns unqualified in a one-table select, where `"id"`
// inside the subquery would mean the delivery's own id: the endpoint is named in full.
const forEndpoint = (status: string) =>
  sql`from ${webhookDeliveries} d where d.coop_id = "webhook_endpoints"."coop_id"
        and d.endpoint_id = "webhook_endpoints"."id" and d.status = ${status}`;
const deliveryCounts = {
  pending: sql<number>`(select count(*)::int ${forEndpoint('pending')})`,
  failed: sql<number>`(select count(*)::int ${forEndpoint('failed')})`,
  lastSuccessAt: sql<Date | null>`(select max(d.updated_at) ${forEndpoint('succeeded')})`,
};

export async function listEndpoints(executor: Executor, coopId: string) {
  const rows = await executor
    .select({ ...endpointColumns, ...deliveryCounts })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.coopId, coopId))
    .orderBy(webhookEndpoints.createdAt);
  return rows.map((r) => ({ ...r, lastSuccessAt: r.lastSuccessAt && new Date(r.lastSuccessAt) }));
}

export async function getEndpoint(executor: Executor, coopId: string, id: string) {
  const [row] = await executor
    .select({ ...endpointColumns, ...deliveryCounts })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.coopId, coopId), eq(webhookEndpoints.id, id)));
  if (!row) throw notFound('The webhook endpoint');
  return { ...row, lastSuccessAt: row.lastSuccessAt && new Date(row.lastSuccessAt) };
}

/** The endpoint's row with its secrets, locked for the change a command makes. */
export async function lockEndpoint(executor: Executor, coopId: string, id: string) {
  const [row] = await executor
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.coopId, coopId), eq(webhookEndpoints.id, id)))
    .for('update');
  if (!row) throw notFound('The webhook endpoint');
  return row;
}

export async function listDeliveries(
  executor: Executor,
  coopId: string,
  endpointId: string,
  options: { status?: DeliveryStatus | undefined; limit: number },
) {
  return executor
    .select({
      id: webhookDeliveries.id,
      eventSeq: webhookDeliveries.eventSeq,
      eventType: webhookDeliveries.eventType,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastResponseMs: webhookDeliveries.lastResponseMs,
      lastError: webhookDeliveries.lastError,
      createdAt: webhookDeliveries.createdAt,
      updatedAt: webhookDeliveries.updatedAt,
    })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.coopId, coopId),
        eq(webhookDeliveries.endpointId, endpointId),
        options.status ? eq(webhookDeliveries.status, options.status) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.eventSeq))
    .limit(options.limit);
}
