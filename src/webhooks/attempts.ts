import type { Executor } from '../platform/db/database.ts';
import { enqueueJob } from '../platform/jobs.ts';

export const deliverJobKind = 'webhook.deliver';

/**
 * Waits before each retry, after the first attempt fails (Standard Webhooks' suggested
 * schedule): 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. Eight attempts spanning about 28 hours,
 * so a receiver down for a day still gets everything; after the last the delivery has failed.
 */
export const retryDelaysSeconds = [5, 300, 1800, 7200, 18000, 36000, 36000];
export const maxAttempts = retryDelaysSeconds.length + 1;

/**
 * Deliveries in a row that failed for good (all eight attempts) after which the endpoint is
 * disabled: with the schedule above, at least a day and a half of every attempt failing, and
 * five events lost to it, before the co-op stops trying and tells the officers.
 */
export const disableAfterFailedDeliveries = 5;

/**
 * One job per attempt, rather than the job queue's own retries: the schedule above is the
 * webhook's, and the attempt number in the payload lets a stale job (run twice after a lease
 * expired) see that its attempt was made already.
 */
export const enqueueAttempt = (
  tx: Executor,
  delivery: { coopId: string; id: string },
  attempt: number,
  runAt: Date,
) =>
  enqueueJob(tx, {
    coopId: delivery.coopId,
    kind: deliverJobKind,
    payload: { deliveryId: delivery.id, attempt },
    runAt,
    dedupeKey: `${delivery.id}:${attempt}`,
  });
