import { systemActor } from '../platform/actor.ts';
import { runCommand } from '../platform/commands.ts';
import type { Consumer } from '../platform/dispatcher.ts';
import { mailSponsorDigest } from './commands/mailSponsorDigest.ts';
import { sponsorDigestSent } from './events.ts';

/** Mails a digest once it is sent, so that sending never mails from inside the command. */
export function sponsorDigestMailer(publicUrl: string): Consumer {
  return {
    name: 'digests.mail',
    wants: (type) => type === sponsorDigestSent.name,
    async handle(db, event) {
      await runCommand(
        mailSponsorDigest,
        { digestId: event.subjectId },
        { db, actor: systemActor(event.coopId), publicUrl },
      );
      return true;
    },
  };
}
