import {
  agreementCancelled,
  agreementRenewalTermDue,
  purchaseOrderRecorded,
} from '../agreements/index.ts';
import { systemActor } from '../platform/actor.ts';
import { runCommand } from '../platform/commands.ts';
import type { Consumer } from '../platform/dispatcher.ts';
import {
  prepareRenewalDrafts,
  reviewHeldDrafts,
  withdrawRenewalDrafts,
} from './commands/renewalDrafts.ts';

/**
 * Invoicing following the agreements' events, so that agreements never call invoicing inside a
 * command: a term coming due prepares the next term's drafts, a cancellation withdraws those it
 * no longer owes, a purchase order recorded releases the drafts it now covers. Each command is
 * idempotent, as the dispatcher's at-least-once delivery needs.
 */
export function agreementInvoicingConsumer(publicUrl: string): Consumer {
  const wanted = new Set([
    agreementRenewalTermDue.name,
    agreementCancelled.name,
    purchaseOrderRecorded.name,
  ]);
  return {
    name: 'invoicing.agreements',
    wants: (type) => wanted.has(type),
    async handle(db, event) {
      const ctx = { db, actor: systemActor(event.coopId), publicUrl };
      if (event.type === agreementRenewalTermDue.name) {
        const data = agreementRenewalTermDue.data.parse(event.data);
        if (!data.nextTermStartsOn || !data.nextTermEndsOn) return false;
        await runCommand(
          prepareRenewalDrafts,
          {
            agreementId: event.subjectId,
            termStartsOn: data.nextTermStartsOn,
            termEndsOn: data.nextTermEndsOn,
          },
          ctx,
        );
      } else if (event.type === agreementCancelled.name) {
        const data = agreementCancelled.data.parse(event.data);
        await runCommand(
          withdrawRenewalDrafts,
          { agreementId: event.subjectId, servesUntil: data.endsOn },
          ctx,
        );
      } else {
        const data = purchaseOrderRecorded.data.parse(event.data);
        await runCommand(reviewHeldDrafts, { agreementId: data.agreementId }, ctx);
      }
      return true;
    },
  };
}
