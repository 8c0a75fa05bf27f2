/**
 * What a planned change announces: a release, or a change that takes something away. In a
 * module of its own (no database code) so that the release form's input schema, which the web
 * app imports too, can name them.
 */
export const releaseKinds = [
  'release',
  'deprecation',
  'end-of-support',
  'breaking-change',
] as const;
export type ReleaseKind = (typeof releaseKinds)[number];
