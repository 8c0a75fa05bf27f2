// What other domains (the service-level clocks) may call.
export { openDisclosureWindow } from './queries.ts';
export { vulnerabilityDisclosed, vulnerabilityImpactNoteRecorded } from './events.ts';
