import { systemActor } from '../platform/actor.ts';
import { runCommand } from '../platform/commands.ts';
import { dayOf } from '../platform/dates.ts';
import type { Consumer } from '../platform/dispatcher.ts';
import { notifyAboutRequest } from './commands/notifyAboutRequest.ts';
import {
  sponsorRequestOpened,
  sponsorRequestReplied,
  sponsorRequestResolved,
  sponsorRequestWaiting,
} from './events.ts';

const kinds = new Map([
  [sponsorRequestOpened.name, 'opened'],
  [sponsorRequestReplied.name, 'replied'],
  [sponsorRequestWaiting.name, 'waiting'],
  [sponsorRequestResolved.name, 'resolved'],
] as const);

/**
 * Mail following the requests' events, so that no command sends mail about a request itself:
 * the notice table makes a second delivery of the same event a no-op.
 */
export function requestMailConsumer(publicUrl: string): Consumer {
  return {
    name: 'requests.mail',
    wants: (type) => kinds.has(type as never),
    async handle(db, event) {
      const kind = kinds.get(event.type as never)!;
      const side =
        event.type === sponsorRequestReplied.name
          ? sponsorRequestReplied.data.parse(event.data).side
          : undefined;
      await runCommand(
        notifyAboutRequest,
        {
          eventSeq: event.seq,
          requestId: event.subjectId,
          kind,
          actorId: event.actorId,
          ...(side ? { side } : {}),
        },
        {
          db,
          actor: systemActor(event.coopId),
          publicUrl,
          // Judged as of the event (the agreement in force then), however late it is delivered.
          clock: { now: () => event.occurredAt, today: () => dayOf(event.occurredAt) },
        },
      );
      return true;
    },
  };
}
