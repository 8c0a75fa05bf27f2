/**
 * The three classes of membership. In a module of its own (no database code) so that shared
 * input schemas, which the web app imports too, can name them.
 */
export const memberClasses = ['hacker', 'sponsor', 'community'] as const;
export type MemberClass = (typeof memberClasses)[number];
