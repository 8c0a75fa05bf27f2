import { invoiceFinalized } from '../../invoicing/events.ts';
import { systemActor } from '../../platform/actor.ts';
import { runCommand } from '../../platform/commands.ts';
import type { Consumer } from '../../platform/dispatcher.ts';
import { serviceClockBreached, serviceClockMet } from '../events.ts';
import { issueServiceCredits } from './issueServiceCredits.ts';
import { proposeServiceCredit, withdrawServiceCredit } from './proposeServiceCredit.ts';

/**
 * Service credits follow events, never a command: a breach proposes one and a withdrawn breach
 * (the clock met after all) withdraws it. Each command is idempotent under redelivery.
 */
export function serviceCreditsConsumer(publicUrl: string): Consumer {
  const wanted = new Set([serviceClockBreached.name, serviceClockMet.name]);
  return {
    name: 'servicelevels.credits',
    wants: (type) => wanted.has(type),
    async handle(db, event) {
      const ctx = { db, actor: systemActor(event.coopId), publicUrl };
      if (event.type === serviceClockBreached.name)
        await runCommand(proposeServiceCredit, { clockId: event.subjectId }, ctx);
      else await runCommand(withdrawServiceCredit, { clockId: event.subjectId }, ctx);
      return true;
    },
  };
}

/** After this many refusals an invoice is passed over: its credits wait for the next one. */
const creditNoteAttempts = 5;

/**
 * A sponsor's finalised invoice carries its confirmed credits as credit notes. A consumer of its
 * own, so that an invoice the invoicing domain refuses to credit never holds up the proposals;
 * after a few refusals it moves on, and the credits, still confirmed, go on the next invoice.
 */
export function serviceCreditNotesConsumer(publicUrl: string): Consumer {
  return {
    name: 'servicelevels.credit-notes',
    wants: (type) => type === invoiceFinalized.name,
    async handle(db, event, attempt) {
      const data = invoiceFinalized.data.parse(event.data);
      // A credit note's own finalisation is not a next invoice.
      if (data.kind !== 'invoice' || attempt > creditNoteAttempts) return false;
      await runCommand(
        issueServiceCredits,
        {
          eventSeq: event.seq,
          invoiceId: event.subjectId,
          invoiceNumber: data.number,
          organizationId: data.organizationId,
          currency: data.currency,
        },
        { db, actor: systemActor(event.coopId), publicUrl },
      );
      return true;
    },
  };
}
