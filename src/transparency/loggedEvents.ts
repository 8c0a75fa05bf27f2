/**
 * What the transparency log records of each event type, as the bylaws' rule reads: decisions and
 * money movements are logged; what the public may read goes in whole (`public`), what only
 * members may read goes in as the hash of its record (`hashed`: the public learns nothing, the
 * holder of the record can prove it), and machinery and personal matters that decide nothing
 * stay out (`not-logged`). Every event type must appear here: loggedEvents.test.ts fails on a
 * new type nobody decided about, so none is left out silently.
 */
export type LogDecision = 'public' | 'hashed' | 'not-logged';

export const loggedEvents: Record<string, LogDecision> = {
  // Accounts, sessions and mail: security machinery and personal data, no decision.
  'account.email-added': 'not-logged',
  'account.email-released': 'not-logged',
  'account.email-verified': 'not-logged',
  'account.password-reset': 'not-logged',
  'account.password-reset-requested': 'not-logged',
  'account.password-set': 'not-logged',
  'account.sign-in-link-requested': 'not-logged',
  'registration-code.issued': 'not-logged',
  'session.ended': 'not-logged',
  'session.started': 'not-logged',
  'mail.queued': 'not-logged',
  'invitation.accepted': 'not-logged',
  'invitation.revoked': 'not-logged',
  'invitation.sent': 'not-logged',
  'member.profile-updated': 'not-logged',
  // Who holds power, and who is a member: members may know, the public may not.
  'admin.granted': 'hashed',
  'admin.revoked': 'hashed',
  'member.joined': 'hashed',
  'members.imported': 'hashed',
  'membership.status-changed': 'hashed',
  // The co-op's constitution and its officers are public.
  'coop.created': 'public',
  'bylaws.adopted': 'public',
  'officer.appointed': 'public',
  'officer.term-ended': 'public',
  // Democracy: polls, nominations and tallies are public; who voted is for members; the
  // content of a ballot is never in an event.
  'poll.created': 'public',
  'poll.opened': 'public',
  'poll.closed': 'public',
  'poll.paper-ballots-imported': 'public',
  'poll.voted': 'hashed',
  'poll.vote-changed': 'hashed',
  'poll.reminded': 'not-logged',
  'election.nominated': 'public',
  'election.nomination-accepted': 'public',
  'election.nomination-declined': 'public',
  // The pie: the plan and what it was computed from.
  'cycle.created': 'public',
  'cycle.phase-changed': 'public',
  'cycle.plan-published': 'public',
  'cycle.hacker-declared': 'public',
  'cycle.availability-set': 'hashed',
  'cycle.sponsor-voted': 'hashed',
  'cycle.survey-answered': 'hashed',
  'cycle.work-claimed': 'hashed',
  'work-item.proposed': 'public',
  'work-item.merged': 'public',
  'work-item.split': 'public',
  'time.logged': 'hashed',
  'time.imported': 'hashed',
  // Sponsors and their money: for members.
  'organization.created': 'hashed',
  'organization.updated': 'hashed',
  'organization.contact-added': 'not-logged',
  'organization.contact-removed': 'not-logged',
  'funding.recorded': 'hashed',
  'funding.reversed': 'hashed',
  // Sponsors' labour counts as funding once confirmed: the confirmation and reversal are logged.
  'sponsor-labour.logged': 'not-logged',
  'sponsor-labour.confirmed': 'hashed',
  'sponsor-labour.rejected': 'not-logged',
  'sponsor-labour.reversed': 'hashed',
  // The books: every entry, lock and close; budgets adopted are public decisions.
  'ledger.entry-posted': 'hashed',
  'ledger.period-locked': 'hashed',
  'ledger.period-reopened': 'hashed',
  'ledger.year-closed': 'hashed',
  // A member's dividend notice: theirs to prove, one leaf each so no one else's is shown.
  'dividend.declared': 'hashed',
  'ledger.statement-imported': 'hashed',
  'ledger.budget-set': 'public',
  'ledger.budget-removed': 'public',
  // Matching bank lines only finds the entries above, which are logged.
  'ledger.bank-line-booked': 'not-logged',
  'ledger.bank-line-ignored': 'not-logged',
  'ledger.bank-line-matched': 'not-logged',
  'ledger.bank-line-reopened': 'not-logged',
  'ledger.csv-mapping-saved': 'not-logged',
  'payroll.posted': 'hashed',
  // A person's pay is theirs; its total is in the payroll entry.
  'payroll.salary-set': 'not-logged',
  'payroll.salary-ended': 'not-logged',
  // Expenses: the decisions and the payment, not the drafts.
  'expense.claim-approved': 'hashed',
  'expense.claim-rejected': 'hashed',
  'expense.claim-paid': 'hashed',
  'expense.claim-payment-reversed': 'hashed',
  'expense.claim-approval-recorded': 'hashed',
  'expense.claim-created': 'not-logged',
  'expense.claim-edited': 'not-logged',
  'expense.claim-submitted': 'not-logged',
  'expense.receipt-uploaded': 'not-logged',
  // Webhooks are delivery machinery.
  'webhook.deliveries-replayed': 'not-logged',
  'webhook.endpoint-deleted': 'not-logged',
  'webhook.endpoint-disabled': 'not-logged',
  'webhook.endpoint-enabled': 'not-logged',
  'webhook.endpoint-registered': 'not-logged',
  'webhook.endpoint-updated': 'not-logged',
  'webhook.secret-rotated': 'not-logged',
  // Sponsors' paperwork: tiers are published; what a sponsor signed, the purchase orders it
  // gave and what they paid for are theirs and the co-op's (hashed, provable by the holder);
  // drafts, reminders and staffing decide nothing.
  'tier.created': 'public',
  'tier.revised': 'public',
  'tier.listing-changed': 'public',
  'quote.drafted': 'not-logged',
  'quote.updated': 'not-logged',
  'quote.sent': 'hashed',
  'quote.accepted': 'hashed',
  'quote.closed': 'not-logged',
  'agreement.created': 'hashed',
  'agreement.updated': 'hashed',
  'agreement.renewed': 'hashed',
  'agreement.ended': 'hashed',
  'agreement.cancelled': 'hashed',
  'agreement.renewal-term-due': 'not-logged',
  // The pipeline: prospects and what they said in confidence; no decision of the co-op's.
  'opportunity.opened': 'not-logged',
  'opportunity.updated': 'not-logged',
  'opportunity.moved': 'not-logged',
  'purchase-order.recorded': 'hashed',
  'purchase-order.drawn': 'hashed',
  'purchase-order.draw-released': 'hashed',
  'capacity.service-hours-set': 'not-logged',
  'document.rendered': 'not-logged',
  'document.accepted': 'hashed',
  // Invoices: money movements between the co-op and one buyer, provable by either (hashed);
  // drafts, disputes, reminders and settings move no money.
  'invoice.drafted': 'not-logged',
  'invoice.draft-changed': 'not-logged',
  'invoice.finalized': 'hashed',
  'invoice.settled': 'hashed',
  'invoice.dispute-changed': 'not-logged',
  'invoice.reminder-sent': 'not-logged',
  'invoice.renewal-prepared': 'not-logged',
  'invoice.hold-changed': 'not-logged',
  'invoice.sent': 'not-logged',
  'invoicing.settings-changed': 'not-logged',
  // A sponsor's requests: the service they are owed; the clocks' outcomes are what is logged.
  'sponsor-request.opened': 'hashed',
  'sponsor-request.replied': 'not-logged',
  'sponsor-request.waiting-on-sponsor': 'not-logged',
  'sponsor-request.resolved': 'hashed',
  'sponsor-request.reopened': 'not-logged',
  // Service levels: whether a promise to a sponsor was kept is what the sponsor paid for; the
  // outcome is logged (hashed: the sponsor's, and the members'), the machinery between is not.
  'service-calendar.set': 'not-logged',
  'service-clock.started': 'not-logged',
  'service-clock.paused': 'not-logged',
  'service-clock.resumed': 'not-logged',
  'service-clock.warned': 'not-logged',
  'service-clock.met': 'hashed',
  'service-clock.breached': 'hashed',
  // A breach's consequence is money the sponsor is owed: each step of its credit is logged, for
  // the sponsor and the officers only (a credit's amount tells another sponsor the contract).
  'service-credit.proposed': 'hashed',
  'service-credit.confirmed': 'hashed',
  'service-credit.declined': 'hashed',
  'service-credit.issued': 'hashed',
  // Vulnerabilities: recording one under embargo and who was told stay out of a log anyone may
  // read the shape of; the disclosure and each impact note are the evidence the clock rests on.
  'vulnerability.recorded': 'not-logged',
  'vulnerability.prenotified': 'hashed',
  'vulnerability.disclosed': 'hashed',
  'vulnerability.impact-note-recorded': 'hashed',
  // Reciprocal access: what a sponsor depends on and what it answered are its own and the
  // co-op's to read (hashed, holder-only below); an item's topics are as public as the item.
  'concerns.recorded': 'hashed',
  'concerns.item-topics-set': 'public',
  'consultation.opened': 'hashed',
  'consultation.mailed': 'not-logged',
  'consultation.answered': 'hashed',
  // Releases and planned changes: members read them, so what was announced, and when it took
  // effect or was withdrawn, goes in as a hash any member can prove (an edit too: the day moved).
  'release.planned': 'hashed',
  'release.edited': 'hashed',
  'release.published': 'hashed',
  'release.withdrawn': 'hashed',
  // Contributions: git is their own log; a rewritten history is evidence worth keeping.
  'contributions.repository-registered': 'not-logged',
  'contributions.repository-updated': 'not-logged',
  'contributions.repository-removed': 'not-logged',
  'contributions.repository-synced': 'not-logged',
  'contributions.sync-failed': 'not-logged',
  'contributions.history-rewritten': 'hashed',
  'contributions.contributor-linked': 'not-logged',
  'contributions.contributor-unlinked': 'not-logged',
  'contributions.contributor-link-reset': 'not-logged',
  // Sponsor digests: what the co-op reported to a sponsor, once sent, is evidence the sponsor
  // holds; preparing, annotating and mailing it are machinery.
  'sponsor-digest.prepared': 'not-logged',
  'sponsor-digest.note-edited': 'not-logged',
  'sponsor-digest.sent': 'hashed',
  'sponsor-digest.mailed': 'not-logged',
  // Reminders: a member's own preference, and machinery.
  'digest.preference-changed': 'not-logged',
  'digest.sent': 'not-logged',
  // The log's own witnesses: public, like the checkpoints they sign (the cosignatures
  // themselves are on the checkpoints).
  'transparency.witness-registered': 'public',
  'transparency.checkpoint-cosigned': 'not-logged',
};

/**
 * Hashed records that are their holder's and the officers' to read, not every member's (a
 * member's dividend). The log's own routes never hand out these records: the domain that keeps
 * them serves their proof files behind its own rule of who may read them.
 */
export const recordsForHolderOnly: ReadonlySet<string> = new Set([
  'dividend.declared',
  'concerns.recorded',
  'consultation.opened',
  'consultation.answered',
  'service-credit.proposed',
  'service-credit.confirmed',
  'service-credit.declined',
  'service-credit.issued',
  'sponsor-digest.sent',
]);
