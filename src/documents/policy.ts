import { loadTemplate, type TemplateKey } from './templates.ts';
import {
  isActiveMember,
  isAdmin,
  isOfficer,
  ownOrganizationId,
  type Rule,
} from '../platform/policy.ts';

export interface DocumentOwner {
  organizationId: string | null;
  personId: string | null;
}

/**
 * Documents. Officers and administrators render and read every one; a member reads their own
 * papers and their organization's; papers of nobody in particular (the co-op's rules, the DCO)
 * are read by every active member.
 */
export const documentsPolicy = {
  render: ((actor) => isAdmin(actor) || isOfficer(actor)) as Rule,
  readAll: ((actor) => isAdmin(actor) || isOfficer(actor)) as Rule,
  read: ((actor, owner) =>
    isAdmin(actor) ||
    isOfficer(actor) ||
    (isActiveMember(actor) &&
      ((owner.personId !== null && owner.personId === actor.personId) ||
        (owner.organizationId !== null && owner.organizationId === ownOrganizationId(actor)) ||
        (owner.personId === null && owner.organizationId === null)))) as Rule<DocumentOwner>,
  /** A member accepts a paper in their own name (the membership agreement, the DCO). */
  acceptAsMember: ((actor) => actor.personId !== null && isActiveMember(actor)) as Rule,
  /** Officers render any paper; a member renders a member's paper for themselves alone. */
  renderFor: ((actor, request) =>
    isAdmin(actor) ||
    isOfficer(actor) ||
    (actor.personId !== null &&
      isActiveMember(actor) &&
      request.organizationId === undefined &&
      request.personId === actor.personId &&
      loadTemplate(request.templateKey).acceptedBy === 'member')) as Rule<{
    templateKey: TemplateKey;
    organizationId?: string | undefined;
    personId?: string | undefined;
  }>,
  /**
   * Storing a rendering or an acceptance runs only inside another domain's command, which has
   * already authorized the act (an officer sending a quote, a buyer holding its link).
   */
  recordFromCommand: (() => true) as Rule,
};
