import { systemActor } from '../platform/actor.ts';
import { runCommand } from '../platform/commands.ts';
import type { Consumer } from '../platform/dispatcher.ts';
import { mailConsultation } from './commands/mailConsultation.ts';
import { consultationOpened } from './events.ts';

/**
 * Mails a consultation once it is opened, so opening it never sends mail inside the command.
 * `mailConsultation` skips contacts already mailed: at-least-once delivery mails each once.
 */
export function consultationMailer(publicUrl: string, replyTo?: string): Consumer {
  return {
    name: 'concerns.consultations',
    wants: (type) => type === consultationOpened.name,
    async handle(db, event) {
      await runCommand(
        mailConsultation,
        { consultationId: event.subjectId, ...(replyTo ? { replyTo } : {}) },
        { db, actor: systemActor(event.coopId), publicUrl },
      );
      return true;
    },
  };
}
