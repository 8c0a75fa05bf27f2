/**
 * The states of a membership. In a module of its own (no database code) so that shared input
 * schemas, which the web app imports too, can name them.
 */
export const membershipStatuses = ['applicant', 'active', 'suspended', 'left'] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];
