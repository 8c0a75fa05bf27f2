/**
 * What a planned change announces: a release, or a change that takes something away. Apart
 * from the table, so that the web form's schema (input.ts) brings no drizzle into the browser.
 */
export const releaseKinds = [
  'release',
  'deprecation',
  'end-of-support',
  'breaking-change',
] as const;
export type ReleaseKind = (typeof releaseKinds)[number];
