import { agreementsPolicy } from '../agreements/policy.ts';
import { auditPolicy } from '../audit/policy.ts';
import { bylawsPolicy } from '../bylaws/policy.ts';
import { digestsPolicy } from '../digests/policy.ts';
import { documentsPolicy } from '../documents/policy.ts';
import { contributionsPolicy } from '../contributions/policy.ts';
import { expensePolicy } from '../finance/expenses/policy.ts';
import { payrollPolicy } from '../finance/payroll/policy.ts';
import { financePolicy } from '../finance/policy.ts';
import { governancePolicy } from '../governance/policy.ts';
import { invoicingPolicy } from '../invoicing/policy.ts';
import { organizationsPolicy } from '../organizations/policy.ts';
import type { Actor } from '../platform/actor.ts';
import { pipelinePolicy } from '../pipeline/policy.ts';
import { releasesPolicy } from '../releases/policy.ts';
import { requestsPolicy } from '../requests/policy.ts';
import { ownOrganizationId } from '../platform/policy.ts';
import { webhooksPolicy } from '../webhooks/policy.ts';
import { membersPolicy } from './policy.ts';
import { serviceLevelsPolicy } from '../servicelevels/policy.ts';
import { vulnerabilitiesPolicy } from '../vulnerabilities/policy.ts';

/** No person has the empty id: asking a rule about it asks about "someone else". */
const someoneElse = '';

/**
 * What the actor may do, answered by the domains' own rules, for the web app to show or hide
 * its screens and buttons: it holds no copy of a rule. A rule about a record answers here for
 * the actor's own record (`Own`) or for anyone else's (`Others`); the server still checks each
 * request against the record itself.
 */
export function abilitiesOf(actor: Actor) {
  const self = actor.personId ?? someoneElse;
  return {
    // Books
    readBooks: financePolicy.readBooks(actor, undefined),
    readEntries: financePolicy.readEntries(actor, undefined),
    keepBooks: financePolicy.keepBooks(actor, undefined),
    reopenPeriods: financePolicy.reopenPeriod(actor, undefined),
    claimExpenses: expensePolicy.claim(actor, undefined),
    seeAllClaims: expensePolicy.seeAll(actor, undefined),
    decideClaims: expensePolicy.decide(actor, undefined),
    payClaims: expensePolicy.pay(actor, undefined),
    managePayroll: payrollPolicy.manage(actor, undefined),
    // Invoices: officers read them all, a sponsor's representative its organization's.
    issueInvoices: invoicingPolicy.issue(actor, undefined),
    readInvoices:
      invoicingPolicy.readAll(actor, undefined) ||
      invoicingPolicy.read(actor, { organizationId: ownOrganizationId(actor) }),
    // Governance
    readCycles: governancePolicy.readCycles(actor, undefined),
    manageCycles: governancePolicy.manageCycles(actor, undefined),
    /** Officers assign planned hours to hackers (claimPlanItem for someone else). */
    assignPlanHours: governancePolicy.manageCycles(actor, undefined),
    callVotes: governancePolicy.callVotes(actor, undefined),
    takePart: governancePolicy.takePart(actor, undefined),
    proposeSponsorItems: governancePolicy.proposeItem(actor, 'sponsors'),
    proposeCommunityItems: governancePolicy.proposeItem(actor, 'community'),
    proposeHackerItems: governancePolicy.proposeItem(actor, 'hackers'),
    curateItems: governancePolicy.curateItems(actor, undefined),
    setOwnAvailability: governancePolicy.setAvailability(actor, self),
    setOthersAvailability: governancePolicy.setAvailability(actor, someoneElse),
    recordFunding: governancePolicy.recordFunding(actor, undefined),
    voteAsSponsor: governancePolicy.voteAsSponsor(actor, undefined),
    voteInSurvey: governancePolicy.voteInSurvey(actor, undefined),
    declareHackerWork: governancePolicy.declareHackerWork(actor, undefined),
    logOwnTime: governancePolicy.logTime(actor, self),
    importTimeEntries: governancePolicy.importTimeEntries(actor, undefined),
    /** A sponsor's member logs the hours its engineers gave (for their own organization). */
    logOwnLabour:
      ownOrganizationId(actor) !== null &&
      governancePolicy.logSponsorLabour(actor, ownOrganizationId(actor) ?? someoneElse),
    decideSponsorLabour: governancePolicy.decideSponsorLabour(actor, undefined),
    // Members, organizations, bylaws, audit
    invite: membersPolicy.invite(actor, undefined),
    importMembers: membersPolicy.importMembers(actor, undefined),
    issueRegistrationCodes: membersPolicy.issueRegistrationCode(actor, undefined),
    readOthersPrivateDetails: membersPolicy.readPrivateDetails(actor, someoneElse),
    changeOthersStatus: membersPolicy.changeStatus(actor, someoneElse),
    appointOfficers: membersPolicy.appointOfficer(actor, undefined),
    grantAdmin: membersPolicy.grantAdmin(actor, someoneElse),
    listOrganizations: organizationsPolicy.list(actor, undefined),
    manageOrganizations: organizationsPolicy.manage(actor, undefined),
    amendBylaws: bylawsPolicy.amend(actor, undefined),
    readEvents: auditPolicy.readEvents(actor, undefined),
    readOutbox: auditPolicy.readOutbox(actor, undefined),
    // Webhooks
    manageWebhooks: webhooksPolicy.manage(actor, undefined),
    // Tiers, quotes, agreements, capacity, documents
    readAllTiers: agreementsPolicy.readAllTiers(actor, undefined),
    manageAgreements: agreementsPolicy.manage(actor, undefined),
    readAllAgreements: agreementsPolicy.readAll(actor, undefined),
    /** A sponsor's representative reads their own organization's quotes and agreements. */
    readOwnAgreements: agreementsPolicy.readOrganization(
      actor,
      ownOrganizationId(actor) ?? someoneElse,
    ),
    readCapacity: agreementsPolicy.readCapacity(actor, undefined),
    // The pipeline: never a sponsor's
    readPipeline: pipelinePolicy.read(actor, undefined),
    managePipeline: pipelinePolicy.manage(actor, undefined),
    renderDocuments: documentsPolicy.render(actor, undefined),
    acceptDocuments: documentsPolicy.acceptAsMember(actor, undefined),
    // Service levels
    readAllClocks: serviceLevelsPolicy.listAllClocks(actor, undefined),
    /** A sponsor's representative reads their own organization's clocks. */
    readOwnClocks: serviceLevelsPolicy.readOrganization(
      actor,
      ownOrganizationId(actor) ?? someoneElse,
    ),
    manageServiceLevels: serviceLevelsPolicy.manage(actor, undefined),
    decideServiceCredits: serviceLevelsPolicy.decideCredits(actor, undefined),
    // Requests for expert access
    readAllRequests: requestsPolicy.readAll(actor, undefined),
    /** A sponsor's representative opens and answers their own organization's requests. */
    openRequests: requestsPolicy.open(actor, ownOrganizationId(actor) ?? someoneElse),
    /** Hackers and officers answer with minutes spent, wait on the sponsor, resolve. */
    answerRequests: requestsPolicy.manage(actor, undefined),
    // Vulnerabilities
    manageVulnerabilities: vulnerabilitiesPolicy.manage(actor, undefined),
    readAllVulnerabilities: vulnerabilitiesPolicy.readAll(actor, undefined),
    readVulnerabilities: vulnerabilitiesPolicy.readDisclosed(actor, undefined),
    writeImpactNotes: vulnerabilitiesPolicy.writeImpactNote(actor, undefined),
    // Sponsors' digests: officers prepare and send them; a sponsor reads its own in the portal
    manageSponsorDigests: digestsPolicy.manage(actor, undefined),
    // Releases and planned changes: hackers and officers announce them, every member reads them
    readReleases: releasesPolicy.read(actor, undefined),
    manageReleases: releasesPolicy.manage(actor, undefined),
    // Contributions
    readRepositories: contributionsPolicy.read(actor, undefined),
    manageRepositories: contributionsPolicy.manage(actor, undefined),
  };
}

export type Abilities = ReturnType<typeof abilitiesOf>;
