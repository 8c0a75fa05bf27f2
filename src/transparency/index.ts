// What other domains may call: a record's proof file, served behind their own policy when the
// record is for its holder only (a dividend notice).
export { proofBundleSchema, type ProofBundle } from './proofBundle.ts';
export { loggedEventOf, proofOfEvent } from './queries.ts';
