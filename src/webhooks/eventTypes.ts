// Loads every domain's event types into the registry.
import '../eventCatalogue.ts';
import { findEventType } from '../platform/events/registry.ts';
import { badRequest } from '../platform/errors.ts';
import { schemaWords } from '../platform/http/validationMessages.ts';

/** Whether an event type goes to webhooks: registered (so documented) and not internal. */
export function isDeliverable(type: string): boolean {
  // Asked for every event the dispatcher passes to webhooks: one lookup, no sorted list.
  const known = findEventType(type);
  return known !== undefined && !known.internal;
}

/** An endpoint subscribes to documented, deliverable types only; null means all of them. */
export function checkSubscribedTypes(types: string[] | null): void {
  if (types === null) return;
  const unknown = types.filter((t) => !isDeliverable(t));
  if (unknown.length > 0)
    throw badRequest(`Not an event type webhooks receive: ${unknown.join(', ')}.`, [
      ...unknown.map((t) => ({
        pointer: `/eventTypes/${types.indexOf(t)}`,
        message: schemaWords('notPublicEventType').message,
      })),
    ]).because('webhook.unknown-event-types', { types: unknown.join(', ') });
}
