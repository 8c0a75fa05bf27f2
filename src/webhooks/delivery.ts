import http from 'node:http';
import https from 'node:https';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { systemActor } from '../platform/actor.ts';
import { systemClock, type Clock } from '../platform/clock.ts';
import { runCommand } from '../platform/commands.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { events } from '../platform/db/schema.ts';
import type { Consumer } from '../platform/dispatcher.ts';
import { webhookPayload } from '../platform/events/catalogue.ts';
import type { JobHandler } from '../platform/jobs.ts';
import { guardedLookup, literalHost, refusedAddress, type AddressPolicy } from './addresses.ts';
import {
  disableAfterFailedDeliveries,
  enqueueAttempt,
  maxAttempts,
  retryDelaysSeconds,
} from './attempts.ts';
import { disableEndpoint } from './commands/disableEndpoint.ts';
import { isDeliverable } from './eventTypes.ts';
import { webhookDeliveries, webhookEndpoints } from './schema.ts';
import { signedHeaders } from './signing.ts';

/**
 * The dispatcher's `webhooks` consumer: fans each public event out into one delivery row (and
 * one job) per enabled endpoint subscribed to its type and registered before it occurred. The
 * sending happens in the jobs, so a slow or failing receiver never holds up the log or the
 * other endpoints. The unique (endpoint, event) index makes a second pass over an event a no-op.
 * Delivery rows are this domain's bookkeeping (like the outbox's status), not a change members
 * make, so the consumer writes them without a command or an event.
 */
export function webhooksConsumer(clock: Clock = systemClock): Consumer {
  return {
    name: 'webhooks',
    wants: isDeliverable,
    async handle(db, event) {
      // Most events reach no endpoint: one read, and no transaction, decides that.
      const endpoints = await db
        .select({ id: webhookEndpoints.id })
        .from(webhookEndpoints)
        .where(
          and(
            eq(webhookEndpoints.coopId, event.coopId),
            isNull(webhookEndpoints.disabledAt),
            lt(webhookEndpoints.createdAt, event.occurredAt),
            or(
              isNull(webhookEndpoints.eventTypes),
              sql`${event.type} = any(${webhookEndpoints.eventTypes})`,
            ),
          ),
        );
      if (endpoints.length === 0) return false;
      await db.transaction(async (tx) => {
        const now = clock.now();
        const created = await tx
          .insert(webhookDeliveries)
          .values(
            endpoints.map((e) => ({
              coopId: event.coopId,
              endpointId: e.id,
              eventSeq: event.seq,
              eventType: event.type,
              nextAttemptAt: now,
              createdAt: now,
              updatedAt: now,
            })),
          )
          .onConflictDoNothing()
          .returning({ id: webhookDeliveries.id });
        for (const delivery of created)
          await enqueueAttempt(tx, { coopId: event.coopId, id: delivery.id }, 1, now);
      });
      return true;
    },
  };
}

const timeoutMs = 10_000;

interface Answer {
  status?: number;
  error?: string;
}

/**
 * One POST. node:http rather than fetch, for its `lookup` hook: the addresses the socket
 * connects to are the ones the guard checked. Redirects are not followed (a 3xx is a failure).
 */
function post(
  url: URL,
  body: string,
  headers: Record<string, string>,
  policy: AddressPolicy,
): Promise<Answer> {
  const literal = literalHost(url);
  const refused = literal ? refusedAddress(literal, policy) : undefined;
  if (refused) return Promise.resolve({ error: refused });
  return new Promise((resolve) => {
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'POST',
      agent: false,
      lookup: guardedLookup(policy),
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        ...headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'HackersCoop-Webhooks/1',
      },
    });
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        if (text.length < 500) text += chunk;
      });
      response.on('error', (error) => resolve({ error: error.message }));
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        resolve(
          status >= 200 && status < 300
            ? { status }
            : { status, error: `HTTP ${status}${text ? `: ${text.slice(0, 200)}` : ''}` },
        );
      });
    });
    request.on('error', (error: NodeJS.ErrnoException) =>
      resolve({
        error:
          error.name === 'TimeoutError' || error.name === 'AbortError'
            ? `no answer within ${timeoutMs / 1000} s`
            : error.message || String(error.code),
      }),
    );
    request.end(body);
  });
}

/**
 * The `webhook.deliver` job: one attempt of one delivery, recorded on its row (status code,
 * response time, error), then the next attempt scheduled, or the delivery settled. A delivery
 * that failed for good counts against its endpoint, which is disabled at the limit.
 */
export function webhookDeliveryHandler(options: {
  allowPrivate: boolean;
  publicUrl: string;
  clock?: Clock;
}): JobHandler {
  const clock = options.clock ?? systemClock;
  const policy: AddressPolicy = { allowPrivate: options.allowPrivate };
  return async (db, job) => {
    const deliveryId = String(job.payload.deliveryId);
    const attempt = Number(job.payload.attempt);
    const [row] = await db
      .select({
        delivery: webhookDeliveries,
        endpoint: webhookEndpoints,
        event: events,
      })
      .from(webhookDeliveries)
      .innerJoin(
        webhookEndpoints,
        and(
          eq(webhookEndpoints.coopId, webhookDeliveries.coopId),
          eq(webhookEndpoints.id, webhookDeliveries.endpointId),
        ),
      )
      .innerJoin(
        events,
        and(
          eq(events.coopId, webhookDeliveries.coopId),
          eq(events.seq, webhookDeliveries.eventSeq),
        ),
      )
      .where(and(eq(webhookDeliveries.coopId, job.coop_id), eq(webhookDeliveries.id, deliveryId)));
    // Gone (its endpoint deleted), settled, or this attempt made already by an earlier run.
    if (!row || row.delivery.status !== 'pending' || row.delivery.attempts !== attempt - 1) return;
    const { delivery, endpoint, event } = row;

    if (endpoint.disabledAt) {
      await settle(db, delivery, attempt - 1, {
        status: 'failed',
        lastError: 'endpoint disabled',
        nextAttemptAt: null,
        updatedAt: clock.now(),
      });
      return;
    }

    const now = clock.now();
    const body = JSON.stringify(
      webhookPayload({ ...event, data: event.data as Record<string, unknown> }),
    );
    const secrets = [endpoint.secret];
    if (
      endpoint.previousSecret &&
      endpoint.previousSecretExpiresAt &&
      endpoint.previousSecretExpiresAt > now
    )
      secrets.push(endpoint.previousSecret);
    const headers = signedHeaders(secrets, delivery.id, Math.floor(now.getTime() / 1000), body);
    const started = performance.now();
    const answer = await post(new URL(endpoint.url), body, headers, policy);
    const elapsed = Math.round(performance.now() - started);
    const succeeded = answer.error === undefined;
    const final = succeeded || attempt >= maxAttempts;
    const after = clock.now();
    const nextAttemptAt = final
      ? null
      : new Date(after.getTime() + retryDelaysSeconds[attempt - 1]! * 1000);

    await db.transaction(async (tx) => {
      const recorded = await settle(tx, delivery, attempt - 1, {
        attempts: attempt,
        status: succeeded ? 'succeeded' : final ? 'failed' : 'pending',
        lastStatusCode: answer.status ?? null,
        lastResponseMs: answer.status === undefined ? null : elapsed,
        lastError: answer.error ?? null,
        nextAttemptAt,
        updatedAt: after,
      });
      if (!recorded) return;
      if (nextAttemptAt) await enqueueAttempt(tx, delivery, attempt + 1, nextAttemptAt);
      if (!final) return;
      const [counted] = await tx
        .update(webhookEndpoints)
        .set({
          consecutiveFailures: succeeded ? 0 : sql`${webhookEndpoints.consecutiveFailures} + 1`,
        })
        .where(
          and(
            eq(webhookEndpoints.coopId, delivery.coopId),
            eq(webhookEndpoints.id, delivery.endpointId),
          ),
        )
        .returning({ failures: webhookEndpoints.consecutiveFailures });
      if (!succeeded && counted && counted.failures >= disableAfterFailedDeliveries)
        await runCommand(
          disableEndpoint,
          {
            endpointId: delivery.endpointId,
            reason: `${counted.failures} deliveries in a row failed, each after ${maxAttempts} attempts over about a day (the last: ${answer.error})`,
            automatic: true,
          },
          {
            db,
            tx,
            actor: systemActor(delivery.coopId),
            publicUrl: options.publicUrl,
            clock,
          },
        );
    });
  };
}

/** Updates the delivery if no other run recorded this attempt meanwhile; false if one did. */
async function settle(
  executor: Db | Tx,
  delivery: { coopId: string; id: string },
  attemptsBefore: number,
  values: Partial<typeof webhookDeliveries.$inferInsert>,
): Promise<boolean> {
  const updated = await executor
    .update(webhookDeliveries)
    .set(values)
    .where(
      and(
        eq(webhookDeliveries.coopId, delivery.coopId),
        eq(webhookDeliveries.id, delivery.id),
        eq(webhookDeliveries.status, 'pending'),
        eq(webhookDeliveries.attempts, attemptsBefore),
      ),
    )
    .returning({ id: webhookDeliveries.id });
  return updated.length > 0;
}
