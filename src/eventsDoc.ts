import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { registeredEventTypes } from './eventCatalogue.ts';
import { eventCatalogueMarkdown } from './platform/events/catalogue.ts';

export const eventsDocPath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../docs/events.md',
);

/** docs/events.md as `npm run docs:events` writes it: generated, then formatted as the repo is. */
export async function eventsDocument(): Promise<string> {
  const options = await resolveConfig(eventsDocPath);
  return format(eventCatalogueMarkdown(registeredEventTypes()), {
    ...options,
    parser: 'markdown',
  });
}
