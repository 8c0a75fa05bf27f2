// What other domains (the concerns' subjects, the sponsors' digests) may call.
export { loadRelease } from './repository.ts';
export { releasesInPeriod } from './queries.ts';
