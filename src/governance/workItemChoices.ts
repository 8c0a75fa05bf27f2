/**
 * The classes whose slices a cycle's budget is cut into, and the kinds of work items. In a
 * module of their own (no database code) so that shared input schemas, which the web app
 * imports too, can name them.
 */
export const sliceClasses = ['sponsors', 'community', 'hackers'] as const;
export type SliceClass = (typeof sliceClasses)[number];

export const workItemKinds = [
  'feature',
  'bug',
  'patch-integration',
  'infrastructure',
  'research',
  'hackers-own',
] as const;
