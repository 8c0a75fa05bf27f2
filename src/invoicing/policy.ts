import {
  holdsOffice,
  isAdmin,
  isOfficer,
  ownOrganizationId,
  type Rule,
} from '../platform/policy.ts';

const treasurer: Rule = (actor) => isAdmin(actor) || holdsOffice(actor, 'chief-economist');

/**
 * Invoices. The chief economist (and administrators) issue, finalise and settle them; the
 * officers read them all; a sponsor's representative reads its own organization's, nothing else.
 */
export const invoicingPolicy = {
  issue: treasurer,
  settle: treasurer,
  configure: treasurer,
  readAll: ((actor) => isAdmin(actor) || isOfficer(actor)) as Rule,
  read: ((actor, invoice) =>
    isAdmin(actor) ||
    isOfficer(actor) ||
    (invoice.organizationId !== null &&
      ownOrganizationId(actor) === invoice.organizationId)) as Rule<{
    organizationId: string | null;
  }>,
};
