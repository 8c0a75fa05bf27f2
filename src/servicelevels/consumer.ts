import { systemActor } from '../platform/actor.ts';
import { runCommand } from '../platform/commands.ts';
import type { Consumer } from '../platform/dispatcher.ts';
import {
  sponsorRequestOpened,
  sponsorRequestReopened,
  sponsorRequestReplied,
  sponsorRequestResolved,
  sponsorRequestWaiting,
} from '../requests/events.ts';
import { alertOfficers } from './commands/alertOfficers.ts';
import { followRequestEvent } from './commands/followRequestEvent.ts';
import { followVulnerabilityEvent } from './commands/followVulnerabilityEvent.ts';
import {
  vulnerabilityDisclosed,
  vulnerabilityImpactNoteRecorded,
} from '../vulnerabilities/index.ts';
import { serviceClockBreached, serviceClockWarned } from './events.ts';

/**
 * The clocks following the requests' events (the requests domain never calls the clocks), and
 * the officers' mail following the clocks' own warnings and breaches. Both commands note each
 * event they followed, so a redelivered event changes nothing.
 */
export function serviceLevelsConsumer(publicUrl: string): Consumer {
  const requestEvents = new Set([
    sponsorRequestOpened.name,
    sponsorRequestReplied.name,
    sponsorRequestWaiting.name,
    sponsorRequestResolved.name,
    sponsorRequestReopened.name,
  ]);
  const vulnerabilityEvents = new Set([
    vulnerabilityDisclosed.name,
    vulnerabilityImpactNoteRecorded.name,
  ]);
  const alerts = new Set([serviceClockWarned.name, serviceClockBreached.name]);
  return {
    name: 'servicelevels.clocks',
    wants: (type) => requestEvents.has(type) || vulnerabilityEvents.has(type) || alerts.has(type),
    async handle(db, event) {
      const ctx = { db, actor: systemActor(event.coopId), publicUrl };
      if (vulnerabilityEvents.has(event.type)) {
        await runCommand(
          followVulnerabilityEvent,
          {
            seq: event.seq,
            type: event.type,
            vulnerabilityId: event.subjectId,
            actorId: event.actorId,
            data: event.data,
          },
          ctx,
        );
        return true;
      }
      if (requestEvents.has(event.type)) {
        await runCommand(
          followRequestEvent,
          {
            seq: event.seq,
            type: event.type,
            requestId: event.subjectId,
            actorId: event.actorId,
            data: event.data,
            occurredAt: event.occurredAt,
          },
          ctx,
        );
        return true;
      }
      const data = (
        event.type === serviceClockWarned.name ? serviceClockWarned : serviceClockBreached
      ).data.parse(event.data);
      await runCommand(
        alertOfficers,
        {
          eventSeq: event.seq,
          alert: event.type === serviceClockWarned.name ? 'warned' : 'breached',
          organizationId: data.organizationId,
          kind: data.kind,
          deadlineAt: data.deadlineAt,
        },
        ctx,
      );
      return true;
    },
  };
}
