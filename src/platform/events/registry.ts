import type { z } from 'zod';

/**
 * An event type: what happened, to which kind of subject, and the shape of its data. Data is
 * checked against the schema when appended, so a consumer (mail, webhooks, the transparency
 * log) can trust it. A change of shape is a new version, and old events keep theirs.
 */
export interface EventType<D extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly version: number;
  /** The kind of record the event is about: `subject_type` in the log. */
  readonly subject: string;
  /** When it happens, in a sentence: shown in the event catalogue and the webhooks page. */
  readonly summary: string;
  readonly data: D;
  /**
   * Machinery rather than something the co-op did (a mail queued, a webhook endpoint changed):
   * listed in the catalogue, but never delivered to webhooks nor published as an OpenAPI webhook.
   */
  readonly internal?: boolean;
}

const registry = new Map<string, EventType>();

export function defineEvent<D extends z.ZodType>(definition: {
  name: string;
  version?: number;
  subject: string;
  summary: string;
  data: D;
  internal?: boolean;
}): EventType<D> {
  if (!/^[a-z][a-z-]*(\.[a-z][a-z-]*)+$/.test(definition.name))
    throw new Error(`event name ${definition.name} is not domain.what-happened`);
  if (registry.has(definition.name)) throw new Error(`event ${definition.name} defined twice`);
  const type: EventType<D> = { version: 1, ...definition };
  registry.set(type.name, type);
  return type;
}

export const findEventType = (name: string): EventType | undefined => registry.get(name);

/** Every registered event type, by name. Import `src/eventCatalogue.ts` to load them all. */
export const registeredEventTypes = (): EventType[] =>
  [...registry.values()].sort((a, b) => a.name.localeCompare(b.name));
