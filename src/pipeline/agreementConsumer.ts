import {
  agreementCancelled,
  agreementCreated,
  agreementRenewalTermDue,
  agreementRenewed,
} from '../agreements/index.ts';
import { systemActor } from '../platform/actor.ts';
import { manualClock } from '../platform/clock.ts';
import { runCommand } from '../platform/commands.ts';
import type { Consumer } from '../platform/dispatcher.ts';
import {
  closeRenewalOpportunities,
  markOpportunityWon,
  openRenewalOpportunity,
} from './commands/followAgreements.ts';

/**
 * The pipeline following the agreements, so that agreements never write the pipeline: an
 * agreement made (recorded, or from an accepted quote, whose acceptance creates it in the same
 * transaction) wins the organization's open opportunity; a term coming due opens its renewal;
 * a renewal or a cancellation closes that. Each command is idempotent (at-least-once delivery).
 */
export function pipelineAgreementsConsumer(): Consumer {
  const wanted = new Set([
    agreementCreated.name,
    agreementRenewalTermDue.name,
    agreementRenewed.name,
    agreementCancelled.name,
  ]);
  return {
    name: 'pipeline.agreements',
    wants: (type) => wanted.has(type),
    async handle(db, event) {
      // The event's own moment: what the pipeline records does not depend on when it is read.
      const ctx = {
        db,
        actor: systemActor(event.coopId),
        publicUrl: '',
        clock: manualClock(event.occurredAt),
      };
      if (event.type === agreementCreated.name) {
        const data = agreementCreated.data.parse(event.data);
        await runCommand(
          markOpportunityWon,
          { organizationId: data.organizationId, agreementId: event.subjectId },
          ctx,
        );
      } else if (event.type === agreementRenewalTermDue.name) {
        const data = agreementRenewalTermDue.data.parse(event.data);
        await runCommand(
          openRenewalOpportunity,
          {
            agreementId: event.subjectId,
            organizationId: data.organizationId,
            number: data.number,
            termEndsOn: data.currentTermEndsOn,
            noticeDeadline: data.noticeDeadline,
          },
          ctx,
        );
      } else if (event.type === agreementRenewed.name) {
        await runCommand(
          closeRenewalOpportunities,
          { agreementId: event.subjectId, outcome: 'won', reason: null },
          ctx,
        );
      } else {
        const data = agreementCancelled.data.parse(event.data);
        await runCommand(
          closeRenewalOpportunities,
          { agreementId: event.subjectId, outcome: 'lost', reason: data.reason },
          ctx,
        );
      }
      return true;
    },
  };
}
