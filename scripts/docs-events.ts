// Writes docs/events.md from the event registry: `npm run docs:events`.
import { writeFile } from 'node:fs/promises';
import { eventsDocPath, eventsDocument } from '../src/eventsDoc.ts';

await writeFile(eventsDocPath, await eventsDocument());
console.log(`wrote ${eventsDocPath}`);
