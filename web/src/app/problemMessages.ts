import { catalogue, leaves } from '../../../src/platform/i18n/messages.ts';
import type { FieldError, Problem } from './api.ts';
import { classLabel, formatDate, formatDateTime, formatNumber, monthName } from './format.ts';
import { currentLocale, webMessages } from './i18n.ts';
import { formatMoney } from './money.ts';

/**
 * The conflicts a member meets from a form, by the code the server names them with
 * (`src/platform/errors.ts`, `because(code, params)`), in the member's language. A code this
 * catalogue does not know shows the server's English detail.
 */
const en = {
  'work-item': {
    unknown: 'This work item does not exist.',
    'not-in-slice': 'Some of these items are not open items of this slice and cycle.',
    'not-github-export': 'A GitHub issues export is a JSON array of issues.',
    'merge-unknown': 'Some items to merge do not exist.',
    'merge-closed': '“{{title}}” is {{itemStatus}} and cannot be merged.',
    'merge-other-slice': 'Only items of the same slice and cycle merge.',
    'split-closed': '“{{title}}” is {{itemStatus}} and cannot be split.',
  },
  availability: { 'not-active-hacker': 'Only active hackers give hours to a cycle.' },
  funding: {
    'organization-needed': 'Name the organization.',
    nothing: 'Record an amount or labour hours.',
    'coop-amount-needed': 'Give the amount in {{coopCurrency}} on the day it was received.',
    'payment-in-locked-period':
      'The payment of {{organization}} received on {{receivedOn}} lies in the locked period {{fromDay}} to {{toDay}}, where its funding has counted. Reopen the period to reverse it, or book a refund as a new entry.',
  },
  blt: {
    unreadable: 'The BLT file cannot be read: {{reason}}',
    'unknown-candidates':
      'The file’s candidates must be the vote’s options; unknown: {{candidates}}.',
  },
  file: { 'not-json': 'The file is not JSON: {{reason}}' },
  body: {
    'not-json': 'The request’s body is not JSON: {{reason}}',
    'forbidden-key':
      'The request’s body holds a “__proto__” or “constructor.prototype” key, which is refused.',
  },
  csv: { invalid: 'The file is not valid CSV: {{reason}}' },
  /**
   * The reason inside a refusal ("The file is not valid CSV: {{reason}}"), by the `reasonCode`
   * and figures the server sends beside the library’s English `reason` (src/platform/reasons.ts,
   * the BLT reader, the template engine): the web says it in its place. A reason without a code
   * this catalogue knows keeps the English, quoted after the colon.
   */
  reason: {
    csv: {
      'after-quote':
        'line {{line}}, column {{column}}: a quoted field goes on after its closing quote',
      'quote-inside':
        'line {{line}}, column {{column}}: a quote inside a field that does not begin with one',
      'quote-not-closed':
        'a quote is never closed: the file ends at line {{line}} inside a quoted field',
      'field-count':
        'line {{line}} has a different number of fields ({{got}}) from the header ({{expected}})',
    },
    xml: {
      'no-element': 'it holds no element',
      unclosed: 'line {{line}}, column {{column}}: <{{tag}}> is never closed',
      'unclosed-tags': 'the elements {{tags}} are never closed',
      'not-opened':
        'line {{line}}, column {{column}}: </{{tag}}> closes an element that was never opened',
      'wrong-closing':
        'line {{line}}, column {{column}}: </{{found}}> where </{{expected}}> was due (<{{expected}}> opened at line {{openedLine}}, column {{openedColumn}})',
      'closing-tag': 'line {{line}}, column {{column}}: the closing tag </{{tag}}> is malformed',
      'tag-name': 'line {{line}}, column {{column}}: “{{tag}}” is not a valid tag name',
      'space-after-lt': 'line {{line}}, column {{column}}: a space after “<”',
      'several-roots':
        'line {{line}}, column {{column}}: a second root element (a document has only one)',
      'after-end': 'line {{line}}, column {{column}}: text after the root element',
      declaration:
        'line {{line}}, column {{column}}: an XML declaration after the start of the document',
      character: 'line {{line}}, column {{column}}: “{{character}}” is not expected here',
      'attribute-repeated':
        'line {{line}}, column {{column}}: the attribute {{attribute}} is repeated',
      'attribute-no-value':
        'line {{line}}, column {{column}}: the attribute {{attribute}} has no value',
      'attribute-space':
        'line {{line}}, column {{column}}: no space before the attribute {{attribute}}',
      'attribute-name':
        'line {{line}}, column {{column}}: “{{attribute}}” is not a valid attribute name',
      'attribute-quote':
        'line {{line}}, column {{column}}: an attribute of <{{tag}}> opens a quote it never closes',
    },
    ofx: {
      unclosed: '<{{tag}}> is never closed',
    },
    json: {
      'ends-early': 'it ends too early, at line {{line}}, column {{column}}',
      unexpected: 'line {{line}}, column {{column}}: “{{character}}” is not expected there',
      'after-end': 'line {{line}}, column {{column}}: more text follows the JSON value',
    },
    'witness-key': {
      malformed: 'it is not written NAME+HASH+KEY, as “coop log witness-keygen” prints it',
      algorithm: 'the key is of an algorithm the log does not know (Ed25519 or a witness key)',
      hash: 'its hash does not match the key',
    },
    template: {
      'undefined-variable': 'line {{line}}, column {{column}}: the data has no {{variable}}',
      'undefined-filter': 'line {{line}}, column {{column}}: there is no filter {{filter}}',
      'unknown-tag': 'line {{line}}, column {{column}}: there is no tag {{tag}}',
      'not-closed': 'line {{line}}, column {{column}}: {{text}} is not closed',
      'reads-file': 'line {{line}}, column {{column}}: a template cannot read other files',
      syntax: 'line {{line}}, column {{column}}: a syntax error (“{{text}}”)',
      render: 'line {{line}}, column {{column}}: an error in filling it (“{{text}}”)',
    },
    blt: {
      empty:
        'line {{line}}: the file is empty; its first line gives the number of candidates and of seats (“10 4”)',
      header:
        'line {{line}}: expected the number of candidates and of seats (two whole numbers, e.g. “10 4”), found “{{found}}”',
      'no-candidate': 'line {{line}}: there must be at least one candidate',
      'too-many-candidates':
        'line {{line}}: {{candidates}} candidates are more than this reader supports ({{most}})',
      'no-seat': 'line {{line}}: the number of seats must be at least 1',
      'seats-over-candidates':
        'line {{line}}: more seats ({{seats}}) than candidates ({{candidates}})',
      'withdrawn-late':
        'line {{line}}: unexpected “{{found}}”: withdrawn candidates go on one line before the ballots',
      'withdrawn-not-negative':
        'line {{line}}: a withdrawn candidate is written as a negative number, found “{{found}}”',
      'withdrawn-unknown':
        'line {{line}}: withdrawn candidate {{candidate}} is not one of the {{candidates}} candidates',
      'withdrawn-twice': 'line {{line}}: candidate {{candidate}} is withdrawn twice',
      'equal-ranks':
        'line {{line}}: equal rankings (“=”) are not supported: rank the candidates in a strict order',
      'weight-not-whole':
        'line {{line}}: the ballot weight must be a whole number, found “{{found}}”',
      'not-a-ballot':
        'line {{line}}: expected a ballot line “WEIGHT PREFERENCES… 0” or the line “0” that ends the ballots, found “{{found}}”',
      'weight-too-large': 'line {{line}}: the ballot weight {{weight}} is too large',
      'weight-zero':
        'line {{line}}: a ballot weight must be at least 1 (a line “0” alone ends the ballots)',
      'not-a-candidate': 'line {{line}}: expected a candidate number, found “{{found}}”',
      'after-ballot-end': 'line {{line}}: unexpected “{{found}}” after the 0 that ends the ballot',
      'unknown-candidate':
        'line {{line}}: candidate {{candidate}} is not one of the {{candidates}} candidates (1 to {{candidates}})',
      'ranked-twice': 'line {{line}}: candidate {{candidate}} is ranked twice on this ballot',
      'no-ballot-end': 'line {{line}}: the ballot does not end with 0',
      'weights-too-large': 'line {{line}}: the total of the ballot weights is too large',
      'no-ballots-end': 'line {{line}}: the line “0” that ends the ballots is missing',
      'name-not-quoted':
        'line {{line}}: expected the name of candidate {{candidate}} in double quotes, found “{{found}}”',
      'name-quotes':
        'line {{line}}: expected one quoted name of candidate {{candidate}} on the line, found “{{found}}”',
      'title-not-quoted':
        'line {{line}}: expected the election title in double quotes, found “{{found}}”',
      'title-quotes':
        'line {{line}}: expected one quoted election title on the line, found “{{found}}”',
      'names-missing':
        'line {{line}}: candidate names are missing: {{candidates}} expected, {{names}} found',
      'title-missing': 'line {{line}}: the quoted election title is missing',
      'after-title': 'line {{line}}: unexpected text after the election title: “{{found}}”',
    },
  },
  bylaws: {
    'day-lived': 'Rules cannot change days already lived: choose today or a later day.',
    'year-closed':
      'Fiscal years up to {{closed}} are closed; they were counted by the bylaws of their time.',
    'fiscal-start-fixed':
      'The fiscal year cannot start in another month once a year has been closed: the months between would belong to no fiscal year.',
    entrenched:
      'This changes the pie, the dividend split or the rules for decisions: only a vote of the members changes them. Put the amendment to a vote.',
  },
  coop: {
    'set-up': 'This co-op is already set up. Sign in instead.',
    'not-set-up': 'The co-op is not set up yet: open the first-run wizard.',
    'host-name-taken': 'A co-op is reached at {{hostName}} already.',
    'slug-taken': 'A co-op named {{slug}} exists already.',
  },
  session: { 'signed-out': 'Sign in to continue.' },
  csrf: {
    token: 'This page is out of date: reload it and try again.',
    'cross-site': 'A request from another site was refused.',
  },
  'sign-in': {
    'wrong-password': 'Wrong email or password.',
    'wrong-code': 'Wrong email or registration code.',
    'throttled-account':
      'Too many failed sign-ins for this account. Ask for a sign-in link by mail, or try again in {{minutes}} minutes.',
    'throttled-pair':
      'Too many failed sign-ins for this account from your network address. Try again in {{minutes}} minutes, ask for a sign-in link by mail, or reset your password.',
    'throttled-address':
      'Too many failed sign-ins from your network address. Try again in {{minutes}} minutes.',
  },
  link: { dead: 'This link is invalid, used or expired. Ask for a new one.' },
  'registration-code': {
    used: 'This registration code has already been used. Sign in with your password.',
    expired: 'This registration code has expired. Ask the co-op for a new one.',
  },
  membership: {
    suspended: 'Your membership is suspended. Contact the co-op’s administrators.',
    unchanged: 'The membership is already {{membershipStatus}}.',
  },
  password: { 'wrong-current': 'The current password is wrong.' },
  log: {
    'size-beyond': 'The log has {{size}} records, not {{asked}}.',
    'index-or-event': 'Give either an index or an event.',
    'leaf-beyond': 'Record {{leaf}} is not in a tree of {{size}} records.',
    'sizes-reversed': 'The first size is larger than the second.',
    'not-checkpointed':
      'This record is in the log but no signed checkpoint covers it yet: try again soon.',
  },
  witness: {
    'key-invalid': 'Not a witness key: {{reason}}.',
    'name-taken': 'A witness named {{name}} is registered already: choose another name.',
    'cosignature-invalid': 'The cosignature does not verify: {{reason}}.',
  },
  pollStatus: {
    nominating: 'taking nominations',
    scheduled: 'scheduled',
    open: 'open',
    closed: 'closed',
  },
  itemStatus: {
    proposed: 'proposed',
    planned: 'planned',
    'in-progress': 'in progress',
    done: 'done',
    merged: 'merged',
    split: 'split',
    withdrawn: 'withdrawn',
  },
  membershipStatus: {
    applicant: 'applied for',
    active: 'active',
    suspended: 'suspended',
    left: 'ended',
  },
  poll: {
    'below-bylaws_one': 'This poll asks less than the bylaws require: correct the marked field.',
    'below-bylaws_other':
      'This poll asks less than the bylaws require: correct the {{count}} marked fields.',
    'not-open': 'This vote is not open.',
    closed: 'This vote has closed.',
    'early-close-refused':
      'The votes still to come could change the outcome: the vote closes early only once they cannot. It closes on {{closesAt}}.',
    already: 'This vote is {{pollStatus}} already.',
    'close-not-open': 'This vote is {{pollStatus}}: only an open vote closes.',
    'ballots-unpublished': 'The ballots are published when the vote closes.',
    'not-ranked': 'A BLT file holds ranked ballots: this vote is not ranked.',
    'class-balanced-method':
      'The bylaws count this question by class: it needs yes/no, approval or score.',
  },
  cycle: {
    'wrong-phase': 'The cycle is {{phase}}: this is possible only while it is {{allowed}}.',
    'already-in-phase': 'The cycle is {{phase}} already.',
    closed: 'A closed cycle stays closed.',
  },
  vote: {
    content_one: 'The ballot has a problem: correct the marked choice.',
    content_other: 'The ballot has {{count}} problems: correct the marked choices.',
    'not-in-electorate': 'Only {{classes}} members vote on this.',
    'receipt-needed': 'You have voted. To change a secret ballot, give the receipt you were shown.',
    'unknown-receipt': 'No ballot has this receipt.',
    'already-cast': 'You have already voted on this.',
  },
  nomination: {
    closed: 'Nominations are closed.',
    'not-active': 'Only an active member can stand.',
    already: 'This member is already nominated.',
  },
  election: {
    'too-few-nominees_one':
      '{{count}} accepted nominee for {{seats}} seats: the ballot cannot open.',
    'too-few-nominees_other':
      '{{count}} accepted nominees for {{seats}} seats: the ballot cannot open.',
    'secret-by-bylaws': 'The bylaws make elections secret.',
  },
  'plan-item': {
    'hours-not-free': 'Only {{free}} of the item’s {{hours}} planned hours are free.',
    'not-active-hacker': 'Planned work goes to active hackers.',
  },
  period: {
    locked:
      '{{day}} lies in the locked period {{fromDay}} to {{toDay}}, whose funding has counted. Reopen the period first.',
    open: 'This period is already open.',
  },
  labour: {
    'already-decided': 'These hours are {{status}} already.',
    'not-confirmed': 'Only confirmed hours are reversed; these are {{status}}.',
    'not-yet-worked': 'Hours are logged once worked: today or earlier.',
    'own-hours': 'Someone else confirms the hours you logged.',
  },
  'fiscal-year': {
    closed: 'Fiscal year {{fiscalYear}} is already closed.',
    'not-begun': 'Fiscal year {{fiscalYear}} begins on {{fromDay}}; it cannot be closed yet.',
    'before-books':
      'Fiscal year {{fiscalYear}} ended before the co-op kept its books (its first year is {{first}}).',
  },
  payroll: {
    posted:
      'The payroll for {{month}} is posted: a change from {{fromDay}} would rewrite it. Reverse that month’s entry first, or choose a later date.',
    'already-posted':
      'The payroll for {{month}} is already posted (entry #{{entry}}); to post it again, reverse that entry first.',
    'no-salary': 'No hacker has a salary in force in {{month}}: nothing to post.',
    'not-begun': '{{month}} has not begun: its payroll is posted once it has.',
  },
  salary: {
    'set-already': 'A salary from {{effectiveFrom}} is already set: a new one starts after it.',
    none: 'This hacker has no salary in force.',
    'end-before-start':
      'The salary in force starts on {{effectiveFrom}}: its last day is the day before at the earliest.',
    'not-hacker': 'Salaries are for the co-op’s hackers.',
    currency: 'Salaries are paid in the co-op’s currency, {{currency}}.',
  },
  claim: {
    'own-decision': 'Nobody decides on their own expense claim: another approver does.',
    'submitter-only': 'Only the member who wrote this claim changes or submits it.',
    paid: 'This claim is already paid.',
    'not-approved': 'This claim is {{status}}. Only an approved claim is paid.',
    'not-draft': 'This claim is {{status}}. Only a draft changes.',
    'approved-by-you': 'You have already approved this claim: it needs another approver.',
    status: 'This claim is {{status}}.',
    'receipt-missing': 'Attach a receipt (a photo or a PDF) before submitting.',
    'receipt-claimed': 'This receipt is already on the claim “{{title}}”: a bill is claimed once.',
    'in-future': 'The expense is dated {{day}}, in the future (today is {{today}}).',
    'no-change': 'Nothing to change.',
    'category-elsewhere':
      '“{{category}}” is booked to {{account}}, not {{chosen}}: choose that account, or another category.',
  },
  ledger: {
    'period-locked': 'The entry’s day lies in a locked period: an officer must reopen it first.',
    posted: 'Posted entries never change.',
  },
  budget: {
    lines_one: 'A budget line has a problem: nothing was changed.',
    lines_other: 'The budget lines have {{count}} problems: nothing was changed.',
    'account-type': '{{account}} is {{accountType}}: budgets are for income and expense accounts.',
    'overlaps-line': 'This overlaps line {{earlier}}, for the same account.',
    'partly-overlaps':
      'This partly overlaps the budget of {{fromDay}} to {{toDay}}: a budget replaces whole lines.',
    covered: 'The budget of {{fromDay}} to {{toDay}} covers these days: remove it first.',
    'covered-by-vote':
      'The budget of {{fromDay}} to {{toDay}} covers these days: only a vote changes it.',
    'adopted-by-vote':
      'The members adopted this budget line by vote; only another vote changes it.',
  },
  statement: {
    unreadable_one: 'The file cannot be read: correct the problem below and import it again.',
    unreadable_other:
      'The file cannot be read: {{count}} problems, listed below. Nothing was imported.',
    'unreadable-part': 'This part cannot be read: {{reason}}',
    format: 'This is not a statement format the co-op reads (CAMT.053, MT940, OFX or CSV).',
    'needs-mapping': 'A CSV statement needs a saved column mapping: choose it.',
    'not-xml': 'The file is not valid XML: {{reason}}',
    'not-csv': 'The file is not valid CSV: {{reason}}',
    'not-ofx': 'The file is not readable OFX: {{reason}}',
    'not-camt053':
      'This is a {{version}} message, not a statement: import the bank’s end-of-day statement (camt.053).',
    'no-element': 'The file has no {{element}} element: it holds no statement.',
    'no-currency': 'The account has no currency.',
    'no-amount': 'The entry has no amount.',
    'credit-or-debit': 'The entry must say credit (CRDT) or debit (DBIT).',
    'no-booking-date': 'The entry has no booking date.',
    negative: '“{{text}}” must not be negative.',
    'not-an-amount': '“{{text}}” is not an amount.',
    'not-a-swift-amount': '“{{text}}” is not a SWIFT amount like 1234,56.',
    'too-many-decimals': '{{currency}} has {{digits}} decimals; “{{text}}” has {{decimals}}.',
    'dot-not-comma': '“{{text}}” has a dot, but the decimal separator is a comma.',
    'comma-not-dot': '“{{text}}” has a comma, but the decimal separator is a dot.',
    'not-a-date': '“{{text}}” is not a date as {{format}}.',
    'no-column': 'The file has no column “{{column}}”.',
    'in-and-out': 'The line has both money out and money in.',
    'no-in-or-out': 'The line has neither money out nor money in.',
    'before-20': 'Field :{{tag}}: comes before the first :20: (the statement’s reference).',
    'no-opening-field': 'Statement {{statement}} has no opening balance (:60F: or :60M:).',
    'no-closing-field': 'Statement {{statement}} has no closing balance (:62F: or :62M:).',
    'no-20': 'The file holds no statement (no :20: field).',
    'closing-currency':
      'The closing balance is in {{closing}}, the opening balance in {{opening}}.',
    'not-a-balance': '“{{text}}” is not a balance like C140731EUR436,90.',
    'not-a-currency': '{{text}} is not a currency.',
    'not-a-day': '{{text}} is not a date (YYMMDD).',
    'not-an-entry-day': 'The entry date {{text}} is not a date (MMDD).',
    'line-after-closing': 'A statement line comes after the closing balance.',
    'not-a-line': '“{{text}}” is not a statement line like 1408250825D192,36NTRFNONREF//1423.',
    'ofx-transaction': 'A transaction needs an amount (TRNAMT) and a posting date (DTPOSTED).',
    accounts_one: 'Choose the ledger account of the statement again: one choice does not fit.',
    accounts_other: 'Choose the ledger accounts again: {{count}} choices do not fit.',
    'no-such-bank-account':
      'The file has no statement for {{bankAccount}} (it has {{bankAccounts}}).',
    'which-account':
      'Which ledger account is bank account {{bankAccount}}? Choose it: no statement of it was imported before.',
    'choose-account': 'Choose the ledger account of the statement.',
    'account-shared': 'Two bank accounts of the file cannot share {{account}}.',
    imported: 'This statement was already imported: nothing was imported again.',
    importing: 'This file is being imported already: nothing was imported again.',
    'several-accounts':
      'The file holds statements for several bank accounts ({{bankAccounts}}): name the ledger account of each one.',
    'account-kept':
      'Bank account {{bankAccount}} was imported into {{account}} before, not {{chosen}}: a bank account keeps its ledger account, or its lines would be counted twice.',
    'does-not-reconcile':
      'The balances of {{fileName}} do not add up. Nothing was imported: check the file with the bank, or import it flagged as a mismatch.',
    // Why one statement of the file does not reconcile (its field errors, `/statements/{i}`).
    'does-not-add-up':
      'The opening balance ({{openingCode}}) {{opening}} and the lines, {{lines}} (credits {{credits}}, debits {{debits}}), make {{computed}}, but the closing balance ({{closingCode}}) is {{closing}}: a difference of {{difference}}.',
    'does-not-add-up-csv':
      'The opening balance ({{openingColumn}} before line {{openingLine}}) {{opening}} and the lines, {{lines}} (credits {{credits}}, debits {{debits}}), make {{computed}}, but the closing balance ({{closingColumn}} after line {{closingLine}}) is {{closing}}: a difference of {{difference}}.',
    'running-balance':
      'Line {{line}}: the running balance {{stated}} does not follow from the line before ({{expected}}).',
    'foreign-lines_one':
      '{{count}} entry in {{currency}} ({{sum}}) is not in the statement’s currency and not counted.',
    'foreign-lines_other':
      '{{count}} entries in {{currency}} ({{sum}}) are not in the statement’s currency and not counted.',
  },
  entry: {
    postings_one: 'A posting has a problem: correct the marked field.',
    postings_other: 'The postings have {{count}} problems: correct the marked fields.',
    'is-reversal': 'This entry is itself a reversal; post a new entry instead.',
    'year-end':
      'A year-end close and its dividends stand together; they are not reversed entry by entry.',
    reversed: 'This entry has already been reversed.',
    unbalanced: 'The entry does not balance: its {{currency}} postings differ by {{difference}}.',
    refused: 'The books refused this entry.',
  },
  administrator: {
    last: 'This is the last active administrator: make someone else an administrator first.',
  },
  office: {
    'not-active': 'Only an active member can hold office.',
    held: 'Someone holds the office “{{office}}” on {{startsOn}}; end that term first.',
    undefined: 'The bylaws define no office {{role}}; they define {{roles}}.',
  },
  member: { exists: '{{email}} is already a member.', unknown: 'This member does not exist.' },
  invitation: {
    pending: '{{email}} already has a pending invitation; revoke it to send a new one.',
    revoked: 'This invitation was revoked.',
    accepted: 'This invitation was already accepted. Sign in instead.',
    expired: 'This invitation has expired. Ask for a new one.',
    'not-pending': 'This invitation is no longer pending.',
  },
  email: { 'in-use': '{{email}} is already in use.' },
  invoice: {
    lines_one: 'A line of the invoice has a problem: correct the marked field.',
    lines_other: 'The invoice has {{count}} problems: correct the marked fields.',
    'currency-decimals':
      '{{currency}} has {{decimals}} decimals; EN 16931 e-invoices carry at most 2.',
    'dispute-draft': 'Only a finalised invoice can be disputed.',
    final: 'Invoice {{number}} is final: it never changes. Issue a credit note.',
    'final-not-deleted': 'Invoice {{number}} is final: it is never deleted. Issue a credit note.',
    'draft-not-sent': 'A draft is not sent: finalise it first.',
    'changed-meanwhile': 'This invoice was changed at the same time; try again.',
    'already-final': 'Invoice {{number}} is already final; a correction is a credit note.',
    'payment-draft': 'Only a finalised invoice takes payments.',
    'draft-no-document': 'A draft has no document yet: finalise it first.',
    'no-such-number': 'No finalised invoice has the number {{number}}.',
    'credit-draft': 'Only a final invoice can be credited.',
    held: 'This draft is held until its purchase order is renewed.',
    'due-before-issue': 'The due date ({{dueDate}}) is before the issue date ({{issueDate}}).',
    'total-not-positive': 'An invoice’s total must be above zero.',
    'vat-ids-needed':
      'Reverse charge and intra-Community supplies need the VAT ids of both seller and buyer.',
    'coop-vat-id-needed': 'Set the co-op’s VAT id in the invoicing settings before charging VAT.',
    'rate-needed': 'An invoice in {{foreign}} needs the rate to {{currency}}.',
    'no-billing-contact': 'The buyer has no billing contact: give the addresses to send it to.',
  },
  'credit-note': {
    'other-buyer': 'A credit note goes to the buyer of the invoice it corrects.',
    'too-much':
      'This credit note ({{amount}}) is more than is left to credit on {{invoice}} ({{left}}).',
    currency: 'A credit note is in the currency of the invoice it corrects ({{currency}}).',
  },
  quote: {
    lines_one: 'The quote has a problem: correct the marked field.',
    lines_other: 'The quote has {{count}} problems: correct the marked fields.',
    'term-periods':
      'A term of {{termMonths}} months is not a whole number of {{billingPeriodMonths}}-month billing periods.',
    'not-draft': 'Quote {{number}} is {{quoteStatus}}: draft a new one.',
    status: 'Quote {{number}} is {{quoteStatus}}.',
    expired: 'Quote {{number}} expired on {{validUntil}}: change its validity first.',
    'expired-ask': 'Quote {{number}} expired on {{validUntil}}: ask for a new one.',
    'no-billing-email': '{{organization}} has no billing e-mail: give an address.',
    'valid-until-past':
      'The quote would already have expired ({{validUntil}}): it must be valid until today ({{today}}) or later.',
    decided: 'Quote {{number}} is {{quoteStatus}} already.',
    'decided-meanwhile': 'This quote was decided a moment ago.',
  },
  tier: { exists: 'A tier named {{slug}} exists already.' },
  agreement: {
    'not-active': 'Agreement {{number}} is {{agreementStatus}}: only an active agreement changes.',
    'already-ended': 'Agreement {{number}} is {{agreementStatus}} already.',
  },
  'purchase-order': {
    'ends-before-start': 'A purchase order cannot end before it starts ({{validFrom}}).',
    exists: 'Purchase order {{number}} is already recorded on this agreement.',
    blocks: 'The purchase order does not allow this invoice: record a new or renewed one first.',
  },
  amount: {
    'not-positive': 'The amount must be more than 0.',
    invalid: '“{{text}}” is not an amount like 1234.50.',
    decimals: '{{currency}} has {{decimals}} decimals: “{{text}}” has more.',
  },
  request: {
    'not-open': 'Request {{number}} is not open: it {{requestStatus}}.',
    resolved: 'Request {{number}} is already resolved.',
    'not-resolved': 'Request {{number}} is not resolved.',
    'resolved-reopen': 'Request {{number}} is resolved; reopen it to continue.',
    'minutes-by-coop': 'Only the co-op records time spent.',
    'not-yours': 'A sponsor sees only its own requests.',
    'representatives-open': 'Only an organization’s representatives open requests.',
    'representatives-reopen': 'Only the organization’s representatives reopen its requests.',
    'who-answers': 'Only the organization’s representatives, hackers and officers answer requests.',
  },
  attachment: {
    empty: '{{name}} is empty.',
    'too-large': '{{name}} has {{size}} MB: an attachment is at most {{max}} MB.',
    'wrong-type': 'The content of {{name}} is not {{contentType}}.',
    'not-base64': 'The content of {{name}} did not arrive intact: attach it again.',
  },
  concerns: { 'not-a-contact': 'Whom to ask must be among the organization’s contacts.' },
  consultation: {
    'answer-by-past': 'The day an answer is wanted by ({{answerBy}}) has passed.',
    'no-topics': 'This item has no topics yet: tag it first.',
    'no-sponsors':
      'No sponsor whose agreement includes reciprocal access shares a topic with this item.',
    'comment-needed': 'Say what you object to or comment on.',
    'not-consulted': 'Your organization was not consulted on this.',
    'reply-empty':
      'Once the quoted mail is taken off, the reply has no words of its own to record.',
  },
  repository: {
    'not-git': 'This path is not a git repository.',
    exists: 'A repository with this name is registered already.',
  },
  opportunity: {
    'champion-not-contact': 'The champion must be one of the organization’s contacts.',
  },
  webhook: {
    'unknown-event-types': 'Not an event type webhooks receive: {{types}}.',
    'url-invalid': 'The URL is not valid.',
    'url-scheme': 'Webhooks are sent over HTTP or HTTPS: the URL starts with https:// or http://.',
    'url-credentials': 'Put no user name or password in the URL; verify the signature instead.',
    'host-unresolved': 'The host {{host}} could not be resolved.',
    'address-refused':
      '{{host}} resolves to {{address}}, which is not a public address: webhooks go to public addresses only.',
    'endpoint-disabled': 'The endpoint is disabled: enable it before replaying its deliveries.',
    'delivery-pending': 'The delivery is still being attempted; wait for it to succeed or fail.',
  },
  'service-credit': {
    decided: 'This service credit is {{creditState}}; only a proposed one is decided.',
  },
  calendar: {
    'region-needs-country': 'A region needs its country.',
    'time-zone': '“{{timeZone}}” is not a time zone (such as Europe/Berlin).',
    'unknown-country': 'No public holidays are known for the country “{{country}}”.',
    'unknown-region': '“{{region}}” is not a region of {{country}}.',
  },
  vulnerability: {
    'not-disclosed': 'An impact note follows the disclosure: disclose it first.',
    'no-impact-note-owed': 'This sponsor is not owed an impact note for this vulnerability.',
    'impact-note-recorded': 'This sponsor’s impact note is recorded already.',
    disclosed: 'It was disclosed already, on {{disclosedAt}}.',
    'public-already': 'It is public already: a pre-notification comes before the disclosure.',
    prenotified: 'This sponsor is on the list already.',
  },
  release: {
    published: 'This change is published already: only a planned one is edited or published.',
    withdrawn: 'This change was withdrawn: nothing more is done with it.',
  },
  digest: {
    sent: 'This digest was sent already; a sent digest is kept as sent.',
    'frequency-needed': 'No agreement in force promises this sponsor a digest: say how often.',
  },
  document: {
    changed: 'The document changed since it was shown: read it again before accepting.',
    'for-organization': 'This document is for an organization: name it.',
    'not-addressed': 'This document is not addressed to you.',
  },
  organization: {
    unknown: 'This organization does not exist.',
    exists: 'An organization named {{legalName}} already exists.',
    'name-taken': 'Another organization has this legal name.',
  },
  forbidden: 'You are not allowed to do this.',
  'not-found': 'This does not exist (any more).',
  quoteStatus: {
    draft: 'still a draft',
    sent: 'sent',
    accepted: 'accepted',
    declined: 'declined',
    withdrawn: 'withdrawn',
  },
  agreementStatus: { active: 'active', cancelled: 'cancelled', ended: 'ended' },
  // Said as the verb phrase after "it": "it is waiting on the sponsor".
  requestStatus: {
    open: 'is open',
    'waiting-on-sponsor': 'is waiting on the sponsor',
    resolved: 'is resolved',
  },
  creditState: {
    proposed: 'proposed',
    confirmed: 'confirmed',
    declined: 'declined',
    issued: 'issued',
  },
  phase: {
    proposing: 'proposing',
    voting: 'voting',
    planned: 'planned',
    'in-progress': 'in progress',
    closed: 'closed',
  },
  or: ' or ',
  and: ' and ',
  status: {
    draft: 'still a draft',
    submitted: 'waiting for approval',
    approved: 'already approved',
    rejected: 'rejected',
    paid: 'already paid',
    logged: 'logged',
    confirmed: 'confirmed',
    reversed: 'reversed',
  },
  settlement: {
    'home-currency': 'Nothing to realise: {{currency}} is the co-op’s own currency.',
    'more-than-open': '{{account}} carries {{open}}; it cannot settle {{amount}}.',
  },
  'coop-amount': {
    sign: 'The amount in the co-op’s currency must have the sign of the amount.',
    required: 'This is in {{foreign}}: give what it came to in {{currency}}, the co-op’s currency.',
  },
  account: {
    'wrong-type': '{{account}} is {{accountType}}: choose {{wantedAccountType}}.',
    archived: '{{account}} is archived.',
    unknown: 'Unknown account: {{accounts}}.',
  },
  receipt: {
    'not-yours': 'This receipt does not exist or was uploaded by someone else: upload it first.',
  },
  'bank-line': {
    'cannot-ignore': 'This bank line is {{lineStatus}}: it cannot be ignored.',
    'cannot-confirm': 'This bank line is {{lineStatus}}: only a suggested match can be confirmed.',
    'cannot-book': 'This bank line is {{lineStatus}}: it cannot be booked.',
    'entry-taken': 'That entry already settles another bank line.',
    'own-account': 'Book the line against another account than its own bank account ({{account}}).',
    'suggestion-gone': 'The suggested entry no longer exists.',
    'no-suggestion': 'This bank line has no suggestion to confirm.',
  },
  'csv-mapping': {
    unknown: 'No saved CSV mapping is called “{{mapping}}”.',
    needed: 'A CSV statement needs its column mapping: choose a saved one.',
  },
  'e-invoice': {
    impossible: 'No e-invoice can be made of this invoice.',
    missing: 'This {{format}} e-invoice needs {{missing}}.',
  },
  template: {
    unfillable: 'The {{template}} template cannot be filled: {{reason}}',
  },
  'business-hours': {
    'not-a-time': '“{{text}}” is not a time of day (HH:MM).',
    'after-midnight': '“{{text}}” is after 24:00.',
    'not-a-weekday': '“{{text}}” is not a weekday (Mon, Tue, … Sun).',
    none: 'No working hours are given.',
    'needs-days': '“{{text}}” needs days and hours, as in “Mon-Fri 09:00-17:00”.',
    'not-a-span': '“{{text}}” is not a span of hours such as 09:00-17:00.',
    'ends-before-start': 'On {{weekday}}, {{start}}–{{end}} ends before it starts.',
    overlap: 'The working hours on {{weekday}} overlap.',
    invalid: 'These working hours cannot be used.',
  },
  // The words for the figures above: a bank line's state, an account's type with its article,
  // a weekday, what an e-invoice lacks.
  lineStatus: {
    unmatched: 'not matched yet',
    suggested: 'awaiting confirmation',
    matched: 'matched already',
    ignored: 'ignored',
  },
  accountType: {
    asset: 'an asset account',
    liability: 'a liability account',
    equity: 'an equity account',
    income: 'an income account',
    expense: 'an expense account',
  },
  weekday: {
    mon: 'Monday',
    tue: 'Tuesday',
    wed: 'Wednesday',
    thu: 'Thursday',
    fri: 'Friday',
    sat: 'Saturday',
    sun: 'Sunday',
  },
  input: {
    required: 'required',
    'too-short_one': 'at least {{count}} character',
    'too-short_other': 'at least {{count}} characters',
    'too-long_one': 'at most {{count}} character',
    'too-long_other': 'at most {{count}} characters',
    'too-few_one': 'at least {{count}} item',
    'too-few_other': 'at least {{count}} items',
    'too-many_one': 'at most {{count}} item',
    'too-many_other': 'at most {{count}} items',
    'at-least': 'at least {{n}}',
    'more-than': 'more than {{n}}',
    'at-most': 'at most {{n}}',
    'one-of': 'one of {{values}}',
    'unknown-fields_one': 'unknown field: {{keys}}',
    'unknown-fields_other': 'unknown fields: {{keys}}',
    format: 'not {{format}}',
    invalid: 'invalid',
    number: 'a number',
    'whole-number': 'a whole number',
  },
  format: {
    email: 'an email address',
    uuid: 'an identifier (UUID)',
    date: 'a date like 2027-03-31',
    datetime: 'a date and time',
    url: 'a web address',
    regex: 'in the expected form',
  },
  import: {
    lines_one: 'The file has a problem; nothing was imported.',
    lines_other: 'The file has {{count}} problems; nothing was imported.',
    'no-column': 'The header has no {{column}} column.',
    'sponsor-organization': 'A sponsor needs an organization.',
    'email-twice': '{{email}} is also on line {{earlier}}.',
    'not-a-hacker': '{{email}} is not a hacker of the co-op.',
    'no-work-item': 'No such work item.',
  },
  time: { 'quarter-hours': 'Hours in quarters: 1, 1.25, 1.5…' },
  text: {
    unstorable_one: 'A field holds characters that cannot be stored.',
    unstorable_other: '{{count}} fields hold characters that cannot be stored.',
    nul: 'must not contain the NUL character (U+0000)',
    surrogate: 'must not contain an unpaired surrogate (not valid Unicode)',
    'key-nul': 'a field name must not contain the NUL character (U+0000)',
    'key-surrogate': 'a field name must not contain an unpaired surrogate (not valid Unicode)',
  },
  'invoice-line': {
    'standard-rate': 'A standard-rated line needs a rate above 0.',
    'zero-rate': 'Category {{vatCategory}} is charged no VAT: the rate must be 0.',
    'negative-price': 'The price must not be negative (add a credit note instead).',
    'zero-quantity': 'The quantity must not be 0.',
    'outside-mixed':
      'Lines not subject to VAT (O) cannot share an invoice with taxed or exempt lines.',
  },
  'quote-line': {
    'no-tier': 'No such tier.',
    'tier-archived': '{{tier}} is archived.',
    'tier-price': 'A tier line takes the tier’s price.',
    'tier-currency': '{{tier}} is priced in {{tierCurrency}}, the quote in {{quoteCurrency}}.',
    'tier-period':
      '{{tier}} is priced per {{tierMonths}} months, the quote bills every {{billingPeriodMonths}}.',
    description: 'Describe the line.',
    'unit-price': 'Give a unit price.',
  },
  'poll-rule': {
    majority: 'The bylaws require {{majority}} for {{questionKind}}.',
    quorum: 'The bylaws require a quorum of at least {{quorumPercent}}% for {{questionKind}}.',
    electorate: 'The bylaws put {{questionKind}} to {{classes}} members.',
    'by-class': 'The bylaws count {{questionKind}} by class.',
    'one-member-one-vote': 'The bylaws count {{questionKind}} one member, one vote.',
    'open-days':
      'The bylaws keep {{questionKind}} open at least {{days}} days: close on or after {{earliestAt}}.',
  },
  majority: {
    simple: 'a simple majority',
    'two-thirds': 'two thirds',
    'three-quarters': 'three quarters',
    unanimous: 'unanimity',
  },
  questionKind: {
    general: 'a general question',
    budget: 'a budget',
    amendment: 'a bylaw amendment',
    election: 'an election',
  },
  survey: {
    ballot_one: 'The survey ballot has a problem: correct the marked item.',
    ballot_other: 'The survey ballot has {{count}} problems: correct the marked items.',
    'approve-one': 'Approve at least one item.',
    'score-one': 'Score at least one item.',
    'rank-one': 'Rank at least one item.',
    'vote-one': 'Give at least one item a vote.',
    'unknown-item': 'This is not a community item of this cycle.',
    'item-twice': 'This item appears twice.',
    'over-budget':
      'These votes cost {{cost}} credits (n votes cost n²); the budget is {{credits}}.',
  },
  ballot: {
    choose: 'Choose yes, no or abstain.',
    'rank-one': 'Rank at least one option.',
    'option-twice': 'An option is listed twice.',
    'ranked-twice': 'An option is ranked twice.',
    options: 'There are {{options}} options.',
  },
  eInvoiceNeeds: {
    'coop-email': 'the co-op’s e-mail (invoicing settings)',
    'coop-address': 'the co-op’s city and postcode',
    'buyer-email': 'the buyer’s e-mail',
    'buyer-reference-or-order': 'a buyer reference or purchase order number',
    'coop-peppol': 'a European VAT id for the co-op (its Peppol address)',
    'buyer-peppol': 'a European VAT id for the buyer (its Peppol address)',
    'leitweg-id': 'the buyer reference (Leitweg-ID)',
    'coop-phone': 'the co-op’s phone number',
    'buyer-address': 'the buyer’s city and postcode',
  },
};

const de: typeof en = {
  'work-item': {
    unknown: 'Dieses Arbeitspaket gibt es nicht.',
    'not-in-slice': 'Einige dieser Pakete sind keine offenen Pakete dieses Anteils und Zyklus.',
    'not-github-export': 'Ein Export von GitHub-Issues ist ein JSON-Array von Issues.',
    'merge-unknown': 'Einige der zusammenzuführenden Pakete gibt es nicht.',
    'merge-closed': '„{{title}}“ ist {{itemStatus}} und kann nicht zusammengeführt werden.',
    'merge-other-slice': 'Nur Pakete desselben Anteils und Zyklus werden zusammengeführt.',
    'split-closed': '„{{title}}“ ist {{itemStatus}} und kann nicht aufgeteilt werden.',
  },
  availability: {
    'not-active-hacker': 'Nur aktive Hacker geben einem Zyklus ihre Stunden.',
  },
  funding: {
    'organization-needed': 'Nenne die Organisation.',
    nothing: 'Erfasse einen Betrag oder Arbeitsstunden.',
    'coop-amount-needed': 'Gib den Betrag in {{coopCurrency}} am Tag des Eingangs an.',
    'payment-in-locked-period':
      'Die Zahlung von {{organization}}, eingegangen am {{receivedOn}}, liegt im gesperrten Zeitraum {{fromDay}} bis {{toDay}}, in dem ihre Finanzierung schon gezählt hat. Öffne den Zeitraum wieder, um sie zu stornieren, oder buche eine Rückzahlung als neue Buchung.',
  },
  blt: {
    unreadable: 'Die BLT-Datei ist nicht lesbar: {{reason}}',
    'unknown-candidates':
      'Die Kandidierenden der Datei müssen die Optionen der Abstimmung sein; unbekannt: {{candidates}}.',
  },
  file: { 'not-json': 'Die Datei ist kein JSON: {{reason}}' },
  body: {
    'not-json': 'Die Anfrage ist kein JSON: {{reason}}',
    'forbidden-key':
      'Die Anfrage enthält einen Schlüssel „__proto__“ oder „constructor.prototype“; das wird abgelehnt.',
  },
  csv: { invalid: 'Die Datei ist kein gültiges CSV: {{reason}}' },
  /**
   * Der Grund in einer Ablehnung, nach `reasonCode` und seinen Zahlen (siehe oben).
   */
  reason: {
    csv: {
      'after-quote':
        'Zeile {{line}}, Spalte {{column}}: Ein Feld in Anführungszeichen geht nach dem schließenden Anführungszeichen weiter',
      'quote-inside':
        'Zeile {{line}}, Spalte {{column}}: ein Anführungszeichen mitten in einem Feld, das nicht mit einem beginnt',
      'quote-not-closed':
        'Ein Anführungszeichen wird nie geschlossen: Die Datei endet in Zeile {{line}} mitten in einem Feld in Anführungszeichen',
      'field-count':
        'Zeile {{line}} hat eine andere Zahl von Feldern ({{got}}) als die Kopfzeile ({{expected}})',
    },
    xml: {
      'no-element': 'Sie enthält kein Element',
      unclosed: 'Zeile {{line}}, Spalte {{column}}: <{{tag}}> wird nie geschlossen',
      'unclosed-tags': 'Die Elemente {{tags}} werden nie geschlossen',
      'not-opened':
        'Zeile {{line}}, Spalte {{column}}: </{{tag}}> schließt ein Element, das nie geöffnet wurde',
      'wrong-closing':
        'Zeile {{line}}, Spalte {{column}}: </{{found}}> statt </{{expected}}> (<{{expected}}> geöffnet in Zeile {{openedLine}}, Spalte {{openedColumn}})',
      'closing-tag':
        'Zeile {{line}}, Spalte {{column}}: Das schließende Tag </{{tag}}> ist fehlerhaft',
      'tag-name': 'Zeile {{line}}, Spalte {{column}}: „{{tag}}“ ist kein gültiger Tag-Name',
      'space-after-lt': 'Zeile {{line}}, Spalte {{column}}: ein Leerzeichen nach „<“',
      'several-roots':
        'Zeile {{line}}, Spalte {{column}}: ein zweites Wurzelelement (ein Dokument hat nur eines)',
      'after-end': 'Zeile {{line}}, Spalte {{column}}: Text nach dem Wurzelelement',
      declaration:
        'Zeile {{line}}, Spalte {{column}}: eine XML-Deklaration nach dem Anfang des Dokuments',
      character: 'Zeile {{line}}, Spalte {{column}}: „{{character}}“ gehört hier nicht hin',
      'attribute-repeated':
        'Zeile {{line}}, Spalte {{column}}: Das Attribut {{attribute}} kommt doppelt vor',
      'attribute-no-value':
        'Zeile {{line}}, Spalte {{column}}: Das Attribut {{attribute}} hat keinen Wert',
      'attribute-space':
        'Zeile {{line}}, Spalte {{column}}: kein Leerzeichen vor dem Attribut {{attribute}}',
      'attribute-name':
        'Zeile {{line}}, Spalte {{column}}: „{{attribute}}“ ist kein gültiger Attributname',
      'attribute-quote':
        'Zeile {{line}}, Spalte {{column}}: Ein Attribut von <{{tag}}> öffnet ein Anführungszeichen, das nie geschlossen wird',
    },
    ofx: {
      unclosed: '<{{tag}}> wird nie geschlossen',
    },
    json: {
      'ends-early': 'Sie endet zu früh, in Zeile {{line}}, Spalte {{column}}',
      unexpected: 'Zeile {{line}}, Spalte {{column}}: „{{character}}“ gehört dort nicht hin',
      'after-end': 'Zeile {{line}}, Spalte {{column}}: Nach dem JSON-Wert folgt noch weiterer Text',
    },
    'witness-key': {
      malformed:
        'Er hat nicht die Form NAME+HASH+SCHLÜSSEL, wie „coop log witness-keygen“ ihn ausgibt',
      algorithm:
        'Der Schlüssel hat einen Algorithmus, den das Protokoll nicht kennt (Ed25519 oder ein Zeugenschlüssel)',
      hash: 'Sein Hash passt nicht zum Schlüssel',
    },
    template: {
      'undefined-variable': 'Zeile {{line}}, Spalte {{column}}: In den Daten fehlt {{variable}}',
      'undefined-filter':
        'Zeile {{line}}, Spalte {{column}}: Einen Filter {{filter}} gibt es nicht',
      'unknown-tag': 'Zeile {{line}}, Spalte {{column}}: Ein Tag {{tag}} gibt es nicht',
      'not-closed': 'Zeile {{line}}, Spalte {{column}}: {{text}} wird nicht geschlossen',
      'reads-file':
        'Zeile {{line}}, Spalte {{column}}: Eine Vorlage kann keine anderen Dateien lesen',
      syntax: 'Zeile {{line}}, Spalte {{column}}: ein Syntaxfehler („{{text}}“)',
      render: 'Zeile {{line}}, Spalte {{column}}: ein Fehler beim Füllen („{{text}}“)',
    },
    blt: {
      empty:
        'Zeile {{line}}: Die Datei ist leer; ihre erste Zeile nennt die Zahl der Kandidierenden und der Sitze („10 4“)',
      header:
        'Zeile {{line}}: Erwartet wird die Zahl der Kandidierenden und der Sitze (zwei ganze Zahlen, z. B. „10 4“), gefunden „{{found}}“',
      'no-candidate': 'Zeile {{line}}: Es muss mindestens eine Kandidatur geben',
      'too-many-candidates':
        'Zeile {{line}}: {{candidates}} Kandidaturen sind mehr, als dieses Programm liest (höchstens {{most}})',
      'no-seat': 'Zeile {{line}}: Die Zahl der Sitze muss mindestens 1 sein',
      'seats-over-candidates':
        'Zeile {{line}}: mehr Sitze ({{seats}}) als Kandidaturen ({{candidates}})',
      'withdrawn-late':
        'Zeile {{line}}: unerwartet „{{found}}“: Zurückgezogene Kandidaturen stehen in einer Zeile vor den Stimmzetteln',
      'withdrawn-not-negative':
        'Zeile {{line}}: Eine zurückgezogene Kandidatur wird als negative Zahl geschrieben, gefunden „{{found}}“',
      'withdrawn-unknown':
        'Zeile {{line}}: Die zurückgezogene Kandidatur {{candidate}} ist keine der {{candidates}} Kandidaturen',
      'withdrawn-twice': 'Zeile {{line}}: Kandidatur {{candidate}} ist zweimal zurückgezogen',
      'equal-ranks':
        'Zeile {{line}}: Gleiche Ränge („=“) gehen nicht: Ordne die Kandidaturen in eine strenge Reihenfolge',
      'weight-not-whole':
        'Zeile {{line}}: Das Gewicht eines Stimmzettels muss eine ganze Zahl sein, gefunden „{{found}}“',
      'not-a-ballot':
        'Zeile {{line}}: Erwartet wird eine Stimmzettelzeile „GEWICHT PRÄFERENZEN … 0“ oder die Zeile „0“, die die Stimmzettel beendet, gefunden „{{found}}“',
      'weight-too-large': 'Zeile {{line}}: Das Gewicht {{weight}} ist zu groß',
      'weight-zero':
        'Zeile {{line}}: Das Gewicht eines Stimmzettels muss mindestens 1 sein (eine Zeile „0“ allein beendet die Stimmzettel)',
      'not-a-candidate':
        'Zeile {{line}}: Erwartet wird die Nummer einer Kandidatur, gefunden „{{found}}“',
      'after-ballot-end':
        'Zeile {{line}}: unerwartet „{{found}}“ nach der 0, die den Stimmzettel beendet',
      'unknown-candidate':
        'Zeile {{line}}: Kandidatur {{candidate}} ist keine der {{candidates}} Kandidaturen (1 bis {{candidates}})',
      'ranked-twice':
        'Zeile {{line}}: Kandidatur {{candidate}} steht zweimal auf diesem Stimmzettel',
      'no-ballot-end': 'Zeile {{line}}: Der Stimmzettel endet nicht mit 0',
      'weights-too-large': 'Zeile {{line}}: Die Summe der Gewichte der Stimmzettel ist zu groß',
      'no-ballots-end': 'Zeile {{line}}: Die Zeile „0“, die die Stimmzettel beendet, fehlt',
      'name-not-quoted':
        'Zeile {{line}}: Erwartet wird der Name von Kandidatur {{candidate}} in doppelten Anführungszeichen, gefunden „{{found}}“',
      'name-quotes':
        'Zeile {{line}}: Erwartet wird genau ein Name von Kandidatur {{candidate}} in Anführungszeichen, gefunden „{{found}}“',
      'title-not-quoted':
        'Zeile {{line}}: Erwartet wird der Titel der Wahl in doppelten Anführungszeichen, gefunden „{{found}}“',
      'title-quotes':
        'Zeile {{line}}: Erwartet wird genau ein Titel der Wahl in Anführungszeichen, gefunden „{{found}}“',
      'names-missing':
        'Zeile {{line}}: Namen von Kandidaturen fehlen: {{candidates}} erwartet, {{names}} gefunden',
      'title-missing': 'Zeile {{line}}: Der Titel der Wahl in Anführungszeichen fehlt',
      'after-title': 'Zeile {{line}}: unerwarteter Text nach dem Titel der Wahl: „{{found}}“',
    },
  },
  bylaws: {
    'day-lived':
      'Regeln ändern keine Tage, die schon gelebt sind: Wähle heute oder einen späteren Tag.',
    'year-closed':
      'Die Geschäftsjahre bis zum {{closed}} sind abgeschlossen; sie wurden nach der Satzung ihrer Zeit gezählt.',
    'fiscal-start-fixed':
      'Das Geschäftsjahr kann nicht in einem anderen Monat beginnen, sobald ein Jahr abgeschlossen ist: Die Monate dazwischen gehörten zu keinem Geschäftsjahr.',
    entrenched:
      'Das ändert die Aufteilung, die Dividendenaufteilung oder die Regeln für Entscheidungen: Die ändert nur eine Abstimmung der Mitglieder. Stelle die Änderung zur Abstimmung.',
  },
  coop: {
    'set-up': 'Diese Genossenschaft ist bereits eingerichtet. Melde dich stattdessen an.',
    'not-set-up':
      'Die Genossenschaft ist noch nicht eingerichtet: Öffne den Einrichtungsassistenten.',
    'host-name-taken': 'Unter {{hostName}} ist bereits eine Genossenschaft erreichbar.',
    'slug-taken': 'Eine Genossenschaft namens {{slug}} gibt es bereits.',
  },
  session: { 'signed-out': 'Melde dich an, um fortzufahren.' },
  csrf: {
    token: 'Diese Seite ist veraltet: Lade sie neu und versuche es noch einmal.',
    'cross-site': 'Eine Anfrage von einer anderen Website wurde abgelehnt.',
  },
  'sign-in': {
    'wrong-password': 'E-Mail oder Passwort ist falsch.',
    'wrong-code': 'E-Mail oder Registrierungscode ist falsch.',
    'throttled-account':
      'Zu viele fehlgeschlagene Anmeldungen für dieses Konto. Fordere einen Anmeldelink per Mail an oder versuche es in {{minutes}} Minuten noch einmal.',
    'throttled-pair':
      'Zu viele fehlgeschlagene Anmeldungen für dieses Konto von deiner Netzwerkadresse. Versuche es in {{minutes}} Minuten noch einmal, fordere einen Anmeldelink per Mail an oder setze dein Passwort zurück.',
    'throttled-address':
      'Zu viele fehlgeschlagene Anmeldungen von deiner Netzwerkadresse. Versuche es in {{minutes}} Minuten noch einmal.',
  },
  link: {
    dead: 'Dieser Link ist ungültig, schon benutzt oder abgelaufen. Fordere einen neuen an.',
  },
  'registration-code': {
    used: 'Dieser Registrierungscode wurde bereits benutzt. Melde dich mit deinem Passwort an.',
    expired: 'Dieser Registrierungscode ist abgelaufen. Bitte die Genossenschaft um einen neuen.',
  },
  membership: {
    suspended: 'Deine Mitgliedschaft ruht. Wende dich an die Administration der Genossenschaft.',
    unchanged: 'Die Mitgliedschaft ist bereits {{membershipStatus}}.',
  },
  password: { 'wrong-current': 'Das aktuelle Passwort ist falsch.' },
  log: {
    'size-beyond': 'Das Protokoll hat {{size}} Einträge, nicht {{asked}}.',
    'index-or-event': 'Gib entweder einen Index oder ein Ereignis an.',
    'leaf-beyond': 'Eintrag {{leaf}} liegt nicht in einem Baum aus {{size}} Einträgen.',
    'sizes-reversed': 'Die erste Größe ist größer als die zweite.',
    'not-checkpointed':
      'Dieser Eintrag steht im Protokoll, aber noch kein signierter Checkpoint deckt ihn ab: Versuche es bald noch einmal.',
  },
  witness: {
    'key-invalid': 'Kein Zeugenschlüssel: {{reason}}.',
    'name-taken': 'Ein Zeuge namens {{name}} ist bereits registriert: Wähle einen anderen Namen.',
    'cosignature-invalid': 'Die Mitsignatur lässt sich nicht prüfen: {{reason}}.',
  },
  pollStatus: {
    nominating: 'in der Nominierung',
    scheduled: 'geplant',
    open: 'offen',
    closed: 'geschlossen',
  },
  itemStatus: {
    proposed: 'vorgeschlagen',
    planned: 'geplant',
    'in-progress': 'in Arbeit',
    done: 'erledigt',
    merged: 'zusammengeführt',
    split: 'aufgeteilt',
    withdrawn: 'zurückgezogen',
  },
  membershipStatus: {
    applicant: 'beantragt',
    active: 'aktiv',
    suspended: 'ruhend',
    left: 'beendet',
  },
  poll: {
    'below-bylaws_one':
      'Diese Abstimmung verlangt weniger, als die Satzung vorschreibt: Korrigiere das markierte Feld.',
    'below-bylaws_other':
      'Diese Abstimmung verlangt weniger, als die Satzung vorschreibt: Korrigiere die {{count}} markierten Felder.',
    'not-open': 'Diese Abstimmung ist nicht offen.',
    closed: 'Diese Abstimmung ist geschlossen.',
    'early-close-refused':
      'Die noch ausstehenden Stimmen könnten das Ergebnis ändern: Die Abstimmung schließt erst vorzeitig, wenn sie das nicht mehr können. Sie schließt am {{closesAt}}.',
    already: 'Diese Abstimmung ist bereits {{pollStatus}}.',
    'close-not-open':
      'Diese Abstimmung ist {{pollStatus}}: Nur eine offene Abstimmung wird geschlossen.',
    'ballots-unpublished': 'Die Stimmzettel werden veröffentlicht, wenn die Abstimmung schließt.',
    'not-ranked': 'Eine BLT-Datei enthält Stimmzettel mit Rangfolge: Diese Abstimmung hat keine.',
    'class-balanced-method':
      'Die Satzung zählt diese Frage nach Klassen: Sie braucht Ja oder Nein, Zustimmungswahl oder Bewertung.',
  },
  cycle: {
    'wrong-phase':
      'Der Zyklus ist in der Phase „{{phase}}“: Das geht nur in der Phase {{allowed}}.',
    'already-in-phase': 'Der Zyklus ist bereits in der Phase „{{phase}}“.',
    closed: 'Ein abgeschlossener Zyklus bleibt abgeschlossen.',
  },
  vote: {
    content_one: 'Der Stimmzettel hat einen Fehler: Korrigiere die markierte Wahl.',
    content_other: 'Der Stimmzettel hat {{count}} Fehler: Korrigiere die markierten Angaben.',
    'not-in-electorate': 'Hierüber stimmen nur Mitglieder der Klassen {{classes}} ab.',
    'receipt-needed':
      'Du hast abgestimmt. Um einen geheimen Stimmzettel zu ändern, gib die Quittung an, die dir angezeigt wurde.',
    'unknown-receipt': 'Zu dieser Quittung gibt es keinen Stimmzettel.',
    'already-cast': 'Du hast hierüber schon abgestimmt.',
  },
  nomination: {
    closed: 'Die Nominierungen sind geschlossen.',
    'not-active': 'Nur ein aktives Mitglied kann kandidieren.',
    already: 'Dieses Mitglied ist bereits nominiert.',
  },
  election: {
    'too-few-nominees_one':
      '{{count}} angenommene Nominierung für {{seats}} Sitze: Die Wahl kann nicht beginnen.',
    'too-few-nominees_other':
      '{{count}} angenommene Nominierungen für {{seats}} Sitze: Die Wahl kann nicht beginnen.',
    'secret-by-bylaws': 'Die Satzung schreibt geheime Wahlen vor.',
  },
  'plan-item': {
    'hours-not-free': 'Nur {{free}} der {{hours}} geplanten Stunden dieser Aufgabe sind frei.',
    'not-active-hacker': 'Geplante Arbeit geht an aktive Hacker.',
  },
  period: {
    locked:
      'Der {{day}} liegt im gesperrten Zeitraum {{fromDay}} bis {{toDay}}, dessen Finanzierung schon gezählt hat. Öffne den Zeitraum zuerst wieder.',
    open: 'Dieser Zeitraum ist bereits offen.',
  },
  labour: {
    'already-decided': 'Diese Stunden sind bereits {{status}}.',
    'not-confirmed': 'Nur bestätigte Stunden werden storniert; diese sind {{status}}.',
    'not-yet-worked': 'Stunden werden erfasst, wenn sie geleistet sind: heute oder früher.',
    'own-hours': 'Die Stunden, die du erfasst hast, bestätigt jemand anderes.',
  },
  'fiscal-year': {
    closed: 'Das Geschäftsjahr {{fiscalYear}} ist bereits abgeschlossen.',
    'not-begun':
      'Das Geschäftsjahr {{fiscalYear}} beginnt am {{fromDay}}; es kann noch nicht abgeschlossen werden.',
    'before-books':
      'Das Geschäftsjahr {{fiscalYear}} endete, bevor die Genossenschaft ihre Bücher führte (ihr erstes Jahr ist {{first}}).',
  },
  payroll: {
    posted:
      'Die Lohnabrechnung für {{month}} ist gebucht: Eine Änderung ab dem {{fromDay}} würde sie umschreiben. Storniere zuerst die Buchung dieses Monats oder wähle ein späteres Datum.',
    'already-posted':
      'Die Lohnabrechnung für {{month}} ist bereits gebucht (Buchung Nr. {{entry}}); um sie erneut zu buchen, storniere zuerst diese Buchung.',
    'no-salary': 'Im {{month}} hat kein Hacker ein gültiges Gehalt: Es gibt nichts zu buchen.',
    'not-begun': '{{month}} hat noch nicht begonnen: Die Lohnabrechnung wird erst dann gebucht.',
  },
  salary: {
    'set-already':
      'Ein Gehalt ab dem {{effectiveFrom}} ist bereits festgelegt: Ein neues beginnt danach.',
    none: 'Dieser Hacker hat kein gültiges Gehalt.',
    'end-before-start':
      'Das gültige Gehalt beginnt am {{effectiveFrom}}: Sein letzter Tag ist frühestens der Vortag.',
    'not-hacker': 'Gehälter gibt es nur für die Hacker der Genossenschaft.',
    currency: 'Gehälter werden in der Währung der Genossenschaft gezahlt, in {{currency}}.',
  },
  claim: {
    'own-decision':
      'Über die eigene Auslage entscheidet niemand selbst: Das tut eine andere genehmigende Person.',
    'submitter-only': 'Nur wer diese Auslage erfasst hat, kann sie ändern oder einreichen.',
    paid: 'Diese Auslage ist bereits bezahlt.',
    'not-approved': 'Diese Auslage ist {{status}}. Nur eine genehmigte Auslage wird bezahlt.',
    'not-draft': 'Diese Auslage ist {{status}}. Nur ein Entwurf lässt sich ändern.',
    'approved-by-you':
      'Du hast diese Auslage schon genehmigt: Sie braucht eine weitere genehmigende Person.',
    status: 'Diese Auslage ist {{status}}.',
    'receipt-missing': 'Füge vor dem Einreichen einen Beleg an (ein Foto oder ein PDF).',
    'receipt-claimed':
      'Dieser Beleg gehört schon zur Auslage „{{title}}“: Eine Rechnung wird nur einmal erstattet.',
    'in-future':
      'Die Auslage ist auf den {{day}} datiert, also in der Zukunft (heute ist der {{today}}).',
    'no-change': 'Es gibt nichts zu ändern.',
    'category-elsewhere':
      '„{{category}}“ wird auf {{account}} gebucht, nicht auf {{chosen}}: Wähle dieses Konto oder eine andere Kategorie.',
  },
  ledger: {
    'period-locked':
      'Der Tag der Buchung liegt in einem gesperrten Zeitraum: Ein Vorstandsmitglied muss ihn zuerst wieder öffnen.',
    posted: 'Gebuchte Buchungen ändern sich nie.',
  },
  budget: {
    lines_one: 'Eine Budgetzeile hat einen Fehler: Nichts wurde geändert.',
    lines_other: 'Die Budgetzeilen haben {{count}} Fehler: Nichts wurde geändert.',
    'account-type':
      '{{account}} ist {{accountType}}: Budgets gibt es für Ertrags- und Aufwandskonten.',
    'overlaps-line': 'Das überschneidet sich mit Zeile {{earlier}} für dasselbe Konto.',
    'partly-overlaps':
      'Das überschneidet sich teilweise mit dem Budget vom {{fromDay}} bis {{toDay}}: Ein Budget ersetzt nur ganze Zeilen.',
    covered: 'Das Budget vom {{fromDay}} bis {{toDay}} deckt diese Tage ab: Entferne es zuerst.',
    'covered-by-vote':
      'Das Budget vom {{fromDay}} bis {{toDay}} deckt diese Tage ab: Nur eine Abstimmung ändert es.',
    'adopted-by-vote':
      'Die Mitglieder haben diese Budgetzeile per Abstimmung beschlossen; nur eine weitere Abstimmung ändert sie.',
  },
  statement: {
    unreadable_one:
      'Die Datei lässt sich nicht lesen: Behebe den Fehler unten und importiere sie noch einmal.',
    unreadable_other:
      'Die Datei lässt sich nicht lesen: {{count}} Fehler, unten aufgeführt. Nichts wurde importiert.',
    'unreadable-part': 'Dieser Teil lässt sich nicht lesen: {{reason}}',
    format:
      'Das ist kein Kontoauszugsformat, das die Genossenschaft liest (CAMT.053, MT940, OFX oder CSV).',
    'needs-mapping': 'Ein CSV-Kontoauszug braucht eine gespeicherte Spaltenzuordnung: Wähle sie.',
    'not-xml': 'Die Datei ist kein gültiges XML: {{reason}}',
    'not-csv': 'Die Datei ist kein gültiges CSV: {{reason}}',
    'not-ofx': 'Die Datei ist kein lesbares OFX: {{reason}}',
    'not-camt053':
      'Das ist eine {{version}}-Nachricht, kein Kontoauszug: Importiere den Tagesauszug der Bank (camt.053).',
    'no-element': 'Die Datei hat kein Element {{element}}: Sie enthält keinen Kontoauszug.',
    'no-currency': 'Das Konto hat keine Währung.',
    'no-amount': 'Der Umsatz hat keinen Betrag.',
    'credit-or-debit': 'Der Umsatz muss Haben (CRDT) oder Soll (DBIT) angeben.',
    'no-booking-date': 'Der Umsatz hat kein Buchungsdatum.',
    negative: '„{{text}}“ darf nicht negativ sein.',
    'not-an-amount': '„{{text}}“ ist kein Betrag.',
    'not-a-swift-amount': '„{{text}}“ ist kein SWIFT-Betrag wie 1234,56.',
    'too-many-decimals':
      '{{currency}} hat {{digits}} Nachkommastellen; „{{text}}“ hat {{decimals}}.',
    'dot-not-comma': '„{{text}}“ enthält einen Punkt, das Dezimaltrennzeichen ist aber ein Komma.',
    'comma-not-dot': '„{{text}}“ enthält ein Komma, das Dezimaltrennzeichen ist aber ein Punkt.',
    'not-a-date': '„{{text}}“ ist kein Datum im Format {{format}}.',
    'no-column': 'Die Datei hat keine Spalte „{{column}}“.',
    'in-and-out': 'Die Zeile hat sowohl eine Ausgabe als auch eine Einnahme.',
    'no-in-or-out': 'Die Zeile hat weder eine Ausgabe noch eine Einnahme.',
    'before-20': 'Feld :{{tag}}: steht vor dem ersten :20: (der Referenz des Auszugs).',
    'no-opening-field': 'Auszug {{statement}} hat keinen Anfangssaldo (:60F: oder :60M:).',
    'no-closing-field': 'Auszug {{statement}} hat keinen Schlusssaldo (:62F: oder :62M:).',
    'no-20': 'Die Datei enthält keinen Kontoauszug (kein Feld :20:).',
    'closing-currency':
      'Der Schlusssaldo lautet auf {{closing}}, der Anfangssaldo auf {{opening}}.',
    'not-a-balance': '„{{text}}“ ist kein Saldo wie C140731EUR436,90.',
    'not-a-currency': '{{text}} ist keine Währung.',
    'not-a-day': '{{text}} ist kein Datum (JJMMTT).',
    'not-an-entry-day': 'Das Buchungsdatum {{text}} ist kein Datum (MMTT).',
    'line-after-closing': 'Eine Umsatzzeile steht nach dem Schlusssaldo.',
    'not-a-line': '„{{text}}“ ist keine Umsatzzeile wie 1408250825D192,36NTRFNONREF//1423.',
    'ofx-transaction': 'Ein Umsatz braucht einen Betrag (TRNAMT) und ein Buchungsdatum (DTPOSTED).',
    accounts_one: 'Wähle das Buchungskonto des Kontoauszugs neu: Eine Wahl passt nicht.',
    accounts_other: 'Wähle die Buchungskonten neu: {{count}} Angaben passen nicht.',
    'no-such-bank-account':
      'Die Datei enthält keinen Kontoauszug für {{bankAccount}} (sie enthält {{bankAccounts}}).',
    'which-account':
      'Welches Buchungskonto ist das Bankkonto {{bankAccount}}? Wähle es: Von ihm wurde noch kein Kontoauszug importiert.',
    'choose-account': 'Wähle das Buchungskonto des Kontoauszugs.',
    'account-shared': 'Zwei Bankkonten der Datei können sich {{account}} nicht teilen.',
    imported: 'Dieser Kontoauszug wurde bereits importiert: Nichts wurde erneut importiert.',
    importing: 'Diese Datei wird gerade schon importiert: Nichts wurde erneut importiert.',
    'several-accounts':
      'Die Datei enthält Kontoauszüge mehrerer Bankkonten ({{bankAccounts}}): Nenne für jedes sein Buchungskonto.',
    'account-kept':
      'Das Bankkonto {{bankAccount}} wurde bisher in {{account}} importiert, nicht in {{chosen}}: Ein Bankkonto behält sein Buchungskonto, sonst würden seine Umsätze doppelt gezählt.',
    'does-not-reconcile':
      'Die Salden von {{fileName}} gehen nicht auf. Nichts wurde importiert: Kläre die Datei mit der Bank oder importiere sie als Abweichung markiert.',
    'does-not-add-up':
      'Der Anfangssaldo ({{openingCode}}) {{opening}} und die Umsätze, {{lines}} (Gutschriften {{credits}}, Belastungen {{debits}}), ergeben {{computed}}, der Schlusssaldo ({{closingCode}}) ist aber {{closing}}: eine Differenz von {{difference}}.',
    'does-not-add-up-csv':
      'Der Anfangssaldo ({{openingColumn}} vor Zeile {{openingLine}}) {{opening}} und die Umsätze, {{lines}} (Gutschriften {{credits}}, Belastungen {{debits}}), ergeben {{computed}}, der Schlusssaldo ({{closingColumn}} nach Zeile {{closingLine}}) ist aber {{closing}}: eine Differenz von {{difference}}.',
    'running-balance':
      'Zeile {{line}}: Der laufende Saldo {{stated}} folgt nicht aus der Zeile davor ({{expected}}).',
    'foreign-lines_one':
      '{{count}} Eintrag in {{currency}} ({{sum}}) ist nicht in der Währung des Auszugs und wird nicht mitgezählt.',
    'foreign-lines_other':
      '{{count}} Einträge in {{currency}} ({{sum}}) sind nicht in der Währung des Auszugs und werden nicht mitgezählt.',
  },
  entry: {
    postings_one: 'Ein Posten hat einen Fehler: Korrigiere das markierte Feld.',
    postings_other: 'Die Posten haben {{count}} Fehler: Korrigiere die markierten Felder.',
    'is-reversal': 'Diese Buchung ist selbst eine Stornobuchung; buche stattdessen neu.',
    'year-end':
      'Ein Jahresabschluss und seine Dividenden gehören zusammen; sie werden nicht einzeln storniert.',
    reversed: 'Diese Buchung wurde bereits storniert.',
    unbalanced:
      'Die Buchung ist nicht ausgeglichen: Ihre Posten in {{currency}} weichen um {{difference}} ab.',
    refused: 'Die Buchhaltung hat diese Buchung abgelehnt.',
  },
  administrator: {
    last: 'Das ist die letzte aktive Administration: Mache zuerst jemand anderen zur Administration.',
  },
  office: {
    'not-active': 'Nur ein aktives Mitglied kann ein Amt innehaben.',
    held: 'Am {{startsOn}} hat jemand das Amt „{{office}}“ inne; beende zuerst diese Amtszeit.',
    undefined: 'Die Satzung kennt kein Amt {{role}}; sie kennt {{roles}}.',
  },
  member: { exists: '{{email}} ist bereits Mitglied.', unknown: 'Dieses Mitglied gibt es nicht.' },
  invitation: {
    pending: '{{email}} hat schon eine offene Einladung; widerrufe sie, um eine neue zu senden.',
    revoked: 'Diese Einladung wurde widerrufen.',
    accepted: 'Diese Einladung wurde bereits angenommen. Melde dich stattdessen an.',
    expired: 'Diese Einladung ist abgelaufen. Bitte um eine neue.',
    'not-pending': 'Diese Einladung ist nicht mehr offen.',
  },
  email: { 'in-use': '{{email}} wird bereits verwendet.' },
  invoice: {
    lines_one: 'Eine Rechnungszeile hat einen Fehler: Korrigiere das markierte Feld.',
    lines_other: 'Die Rechnung hat {{count}} Fehler: Korrigiere die markierten Felder.',
    'currency-decimals':
      '{{currency}} hat {{decimals}} Nachkommastellen; E-Rechnungen nach EN 16931 haben höchstens 2.',
    'dispute-draft': 'Nur eine festgeschriebene Rechnung kann beanstandet werden.',
    final:
      'Die Rechnung {{number}} ist festgeschrieben: Sie ändert sich nie. Stelle eine Rechnungskorrektur aus.',
    'final-not-deleted':
      'Die Rechnung {{number}} ist festgeschrieben: Sie wird nie gelöscht. Stelle eine Rechnungskorrektur aus.',
    'draft-not-sent': 'Ein Entwurf wird nicht versendet: Schreibe ihn zuerst fest.',
    'changed-meanwhile': 'Diese Rechnung wurde gleichzeitig geändert; versuche es noch einmal.',
    'already-final':
      'Die Rechnung {{number}} ist bereits festgeschrieben; eine Korrektur ist eine Rechnungskorrektur.',
    'payment-draft': 'Nur eine festgeschriebene Rechnung nimmt Zahlungen an.',
    'draft-no-document': 'Ein Entwurf hat noch kein Dokument: Schreibe ihn zuerst fest.',
    'no-such-number': 'Keine festgeschriebene Rechnung hat die Nummer {{number}}.',
    'credit-draft': 'Nur eine festgeschriebene Rechnung kann korrigiert werden.',
    held: 'Dieser Entwurf wird zurückgehalten, bis seine Bestellung erneuert ist.',
    'due-before-issue':
      'Das Fälligkeitsdatum ({{dueDate}}) liegt vor dem Rechnungsdatum ({{issueDate}}).',
    'total-not-positive': 'Der Gesamtbetrag einer Rechnung muss über null liegen.',
    'vat-ids-needed':
      'Für die Umkehr der Steuerschuld und innergemeinschaftliche Lieferungen braucht es die USt-IdNr. von Verkäufer und Käufer.',
    'coop-vat-id-needed':
      'Trage die USt-IdNr. der Genossenschaft in den Rechnungseinstellungen ein, bevor du Umsatzsteuer berechnest.',
    'rate-needed': 'Eine Rechnung in {{foreign}} braucht den Wechselkurs zu {{currency}}.',
    'no-billing-contact':
      'Der Käufer hat keinen Rechnungskontakt: Gib die Adressen an, an die sie gehen soll.',
  },
  'credit-note': {
    'other-buyer': 'Eine Rechnungskorrektur geht an den Käufer der Rechnung, die sie korrigiert.',
    'too-much':
      'Diese Rechnungskorrektur ({{amount}}) ist höher als das, was auf {{invoice}} noch zu korrigieren ist ({{left}}).',
    currency:
      'Eine Rechnungskorrektur hat die Währung der Rechnung, die sie korrigiert ({{currency}}).',
  },
  quote: {
    lines_one: 'Das Angebot hat einen Fehler: Korrigiere das markierte Feld.',
    lines_other: 'Das Angebot hat {{count}} Fehler: Korrigiere die markierten Felder.',
    'term-periods':
      'Eine Laufzeit von {{termMonths}} Monaten ist kein Vielfaches des Abrechnungszeitraums von {{billingPeriodMonths}} Monaten.',
    'not-draft': 'Das Angebot {{number}} ist {{quoteStatus}}: Entwirf ein neues.',
    status: 'Das Angebot {{number}} ist {{quoteStatus}}.',
    expired:
      'Das Angebot {{number}} ist am {{validUntil}} abgelaufen: Ändere zuerst seine Gültigkeit.',
    'expired-ask': 'Das Angebot {{number}} ist am {{validUntil}} abgelaufen: Bitte um ein neues.',
    'no-billing-email': '{{organization}} hat keine Rechnungs-E-Mail: Gib eine Adresse an.',
    'valid-until-past':
      'Das Angebot wäre schon abgelaufen ({{validUntil}}): Es muss mindestens bis heute ({{today}}) gelten.',
    decided: 'Das Angebot {{number}} ist bereits {{quoteStatus}}.',
    'decided-meanwhile': 'Über dieses Angebot wurde gerade eben entschieden.',
  },
  tier: { exists: 'Eine Stufe namens {{slug}} gibt es bereits.' },
  agreement: {
    'not-active':
      'Die Vereinbarung {{number}} ist {{agreementStatus}}: Nur eine aktive Vereinbarung lässt sich ändern.',
    'already-ended': 'Die Vereinbarung {{number}} ist bereits {{agreementStatus}}.',
  },
  'purchase-order': {
    'ends-before-start': 'Eine Bestellung kann nicht enden, bevor sie beginnt ({{validFrom}}).',
    exists: 'Die Bestellung {{number}} ist zu dieser Vereinbarung bereits erfasst.',
    blocks:
      'Die Bestellung lässt diese Rechnung nicht zu: Erfasse zuerst eine neue oder erneuerte.',
  },
  amount: {
    'not-positive': 'Der Betrag muss größer als 0 sein.',
    invalid: '„{{text}}“ ist kein gültiger Betrag.',
    decimals: '{{currency}} hat {{decimals}} Nachkommastellen: „{{text}}“ hat mehr.',
  },
  request: {
    'not-open': 'Die Anfrage {{number}} ist nicht offen: Sie {{requestStatus}}.',
    resolved: 'Die Anfrage {{number}} ist bereits gelöst.',
    'not-resolved': 'Die Anfrage {{number}} ist nicht gelöst.',
    'resolved-reopen': 'Die Anfrage {{number}} ist gelöst; öffne sie wieder, um weiterzuschreiben.',
    'minutes-by-coop': 'Nur die Genossenschaft erfasst die aufgewendete Zeit.',
    'not-yours': 'Ein Sponsor sieht nur seine eigenen Anfragen.',
    'representatives-open': 'Nur die Vertretung einer Organisation stellt Anfragen.',
    'representatives-reopen': 'Nur die Vertretung der Organisation öffnet ihre Anfragen wieder.',
    'who-answers':
      'Nur die Vertretung der Organisation, Hacker und Vorstandsmitglieder beantworten Anfragen.',
  },
  attachment: {
    empty: '{{name}} ist leer.',
    'too-large': '{{name}} hat {{size}} MB: Ein Anhang hat höchstens {{max}} MB.',
    'wrong-type': 'Der Inhalt von {{name}} ist kein {{contentType}}.',
    'not-base64':
      'Der Inhalt von {{name}} kam nicht vollständig an: Hänge die Datei noch einmal an.',
  },
  concerns: {
    'not-a-contact': 'Gefragt werden kann nur, wer Kontakt der Organisation ist.',
  },
  consultation: {
    'answer-by-past': 'Der Tag, bis zu dem eine Antwort gewünscht ist ({{answerBy}}), ist vorbei.',
    'no-topics': 'Dieser Eintrag hat noch keine Themen: Verschlagworte ihn zuerst.',
    'no-sponsors':
      'Kein Sponsor, dessen Vertrag gegenseitigen Zugang einschließt, teilt ein Thema mit diesem Eintrag.',
    'comment-needed': 'Sag, wogegen du Einwände hast oder was du anmerkst.',
    'not-consulted': 'Deine Organisation wurde hierzu nicht befragt.',
    'reply-empty':
      'Ohne die zitierte Mail enthält die Antwort keine eigenen Worte, die sich erfassen ließen.',
  },
  repository: {
    'not-git': 'Dieser Pfad ist kein Git-Repository.',
    exists: 'Ein Repository mit diesem Namen ist bereits registriert.',
  },
  opportunity: {
    'champion-not-contact': 'Der Fürsprecher muss ein Kontakt der Organisation sein.',
  },
  webhook: {
    'unknown-event-types': 'Kein Ereignistyp, den Webhooks empfangen: {{types}}.',
    'url-invalid': 'Die URL ist ungültig.',
    'url-scheme':
      'Webhooks werden über HTTP oder HTTPS gesendet: Die URL beginnt mit https:// oder http://.',
    'url-credentials':
      'Schreib keinen Benutzernamen und kein Passwort in die URL; prüfe stattdessen die Signatur.',
    'host-unresolved': 'Der Host {{host}} konnte nicht aufgelöst werden.',
    'address-refused':
      '{{host}} verweist auf {{address}}, keine öffentliche Adresse: Webhooks gehen nur an öffentliche Adressen.',
    'endpoint-disabled':
      'Der Endpunkt ist deaktiviert: Aktiviere ihn, bevor du seine Zustellungen wiederholst.',
    'delivery-pending':
      'Die Zustellung wird noch versucht; warte, bis sie gelingt oder fehlschlägt.',
  },
  'service-credit': {
    decided:
      'Diese Servicegutschrift ist {{creditState}}; entschieden wird nur über eine vorgeschlagene.',
  },
  calendar: {
    'region-needs-country': 'Eine Region braucht ihr Land.',
    'time-zone': '„{{timeZone}}“ ist keine Zeitzone (wie Europe/Berlin).',
    'unknown-country': 'Für das Land „{{country}}“ sind keine Feiertage bekannt.',
    'unknown-region': '„{{region}}“ ist keine Region von {{country}}.',
  },
  vulnerability: {
    'not-disclosed':
      'Eine Einschätzung der Auswirkungen folgt der Veröffentlichung: Veröffentliche zuerst.',
    'no-impact-note-owed':
      'Diesem Sponsor steht für diese Schwachstelle keine Einschätzung der Auswirkungen zu.',
    'impact-note-recorded':
      'Die Einschätzung der Auswirkungen für diesen Sponsor ist bereits erfasst.',
    disclosed: 'Sie wurde bereits am {{disclosedAt}} veröffentlicht.',
    'public-already':
      'Sie ist bereits öffentlich: Eine Vorabbenachrichtigung kommt vor der Veröffentlichung.',
    prenotified: 'Dieser Sponsor steht bereits auf der Liste.',
  },
  release: {
    published:
      'Diese Änderung ist bereits veröffentlicht: Nur eine geplante wird bearbeitet oder veröffentlicht.',
    withdrawn: 'Diese Änderung wurde zurückgezogen: Mit ihr geschieht nichts mehr.',
  },
  digest: {
    sent: 'Dieser Bericht wurde bereits versendet; ein versendeter Bericht bleibt, wie er versendet wurde.',
    'frequency-needed':
      'Keine gültige Vereinbarung verspricht diesem Sponsor einen Bericht: Sag, wie oft.',
  },
  document: {
    changed:
      'Das Dokument hat sich geändert, seit es angezeigt wurde: Lies es vor dem Annehmen noch einmal.',
    'for-organization': 'Dieses Dokument ist für eine Organisation: Nenne sie.',
    'not-addressed': 'Dieses Dokument ist nicht an dich gerichtet.',
  },
  organization: {
    unknown: 'Diese Organisation gibt es nicht.',
    exists: 'Eine Organisation namens {{legalName}} gibt es bereits.',
    'name-taken': 'Eine andere Organisation hat diesen rechtlichen Namen.',
  },
  forbidden: 'Das darfst du nicht.',
  'not-found': 'Das gibt es nicht (mehr).',
  quoteStatus: {
    draft: 'noch ein Entwurf',
    sent: 'versendet',
    accepted: 'angenommen',
    declined: 'abgelehnt',
    withdrawn: 'zurückgezogen',
  },
  agreementStatus: { active: 'aktiv', cancelled: 'gekündigt', ended: 'beendet' },
  requestStatus: {
    open: 'ist offen',
    'waiting-on-sponsor': 'wartet auf den Sponsor',
    resolved: 'ist gelöst',
  },
  creditState: {
    proposed: 'vorgeschlagen',
    confirmed: 'bestätigt',
    declined: 'abgelehnt',
    issued: 'ausgestellt',
  },
  phase: {
    proposing: 'Vorschläge',
    voting: 'Abstimmung',
    planned: 'Geplant',
    'in-progress': 'In Arbeit',
    closed: 'Abgeschlossen',
  },
  or: ' oder ',
  and: ' und ',
  status: {
    draft: 'noch ein Entwurf',
    submitted: 'wartet auf Genehmigung',
    approved: 'bereits genehmigt',
    rejected: 'abgelehnt',
    paid: 'bereits bezahlt',
    logged: 'erfasst',
    confirmed: 'bestätigt',
    reversed: 'storniert',
  },
  settlement: {
    'home-currency':
      'Es gibt nichts zu realisieren: {{currency}} ist die eigene Währung der Genossenschaft.',
    'more-than-open':
      '{{account}} weist nur {{open}} aus; {{amount}} lassen sich damit nicht ausgleichen.',
  },
  'coop-amount': {
    sign: 'Der Betrag in der Währung der Genossenschaft muss dasselbe Vorzeichen haben wie der Betrag.',
    required:
      'Das ist in {{foreign}}: Gib an, wie viel es in {{currency}}, der Währung der Genossenschaft, ausmachte.',
  },
  account: {
    'wrong-type': '{{account}} ist {{accountType}}: Wähle {{wantedAccountType}}.',
    archived: '{{account}} ist archiviert.',
    unknown: 'Unbekanntes Konto: {{accounts}}.',
  },
  receipt: {
    'not-yours':
      'Diesen Beleg gibt es nicht oder jemand anderes hat ihn hochgeladen: Lade ihn zuerst hoch.',
  },
  'bank-line': {
    'cannot-ignore': 'Dieser Kontoumsatz ist {{lineStatus}}: Er kann nicht ignoriert werden.',
    'cannot-confirm':
      'Dieser Kontoumsatz ist {{lineStatus}}: Bestätigen lässt sich nur ein vorgeschlagener Abgleich.',
    'cannot-book': 'Dieser Kontoumsatz ist {{lineStatus}}: Er kann nicht gebucht werden.',
    'entry-taken': 'Diese Buchung gleicht bereits einen anderen Kontoumsatz aus.',
    'own-account':
      'Buche den Umsatz gegen ein anderes Konto als sein eigenes Bankkonto ({{account}}).',
    'suggestion-gone': 'Die vorgeschlagene Buchung gibt es nicht mehr.',
    'no-suggestion': 'Für diesen Kontoumsatz gibt es keinen Vorschlag zu bestätigen.',
  },
  'csv-mapping': {
    unknown: 'Keine gespeicherte CSV-Zuordnung heißt „{{mapping}}“.',
    needed: 'Ein CSV-Kontoauszug braucht seine Spaltenzuordnung: Wähle eine gespeicherte.',
  },
  'e-invoice': {
    impossible: 'Aus dieser Rechnung lässt sich keine E-Rechnung erstellen.',
    missing: 'Diese E-Rechnung ({{format}}) braucht {{missing}}.',
  },
  template: {
    unfillable: 'Die Vorlage {{template}} lässt sich nicht füllen: {{reason}}',
  },
  'business-hours': {
    'not-a-time': '„{{text}}“ ist keine Uhrzeit (HH:MM).',
    'after-midnight': '„{{text}}“ liegt nach 24:00.',
    'not-a-weekday': '„{{text}}“ ist kein Wochentag (Mon, Tue, … Sun).',
    none: 'Es sind keine Arbeitszeiten angegeben.',
    'needs-days': '„{{text}}“ braucht Tage und Uhrzeiten, wie in „Mon-Fri 09:00-17:00“.',
    'not-a-span': '„{{text}}“ ist keine Zeitspanne wie 09:00-17:00.',
    'ends-before-start': 'Am {{weekday}} endet {{start}}–{{end}}, bevor es beginnt.',
    overlap: 'Die Arbeitszeiten am {{weekday}} überschneiden sich.',
    invalid: 'Diese Arbeitszeiten lassen sich nicht verwenden.',
  },
  lineStatus: {
    unmatched: 'noch nicht abgeglichen',
    suggested: 'zur Bestätigung vorgeschlagen',
    matched: 'bereits abgeglichen',
    ignored: 'ignoriert',
  },
  accountType: {
    asset: 'ein Aktivkonto',
    liability: 'ein Passivkonto',
    equity: 'ein Eigenkapitalkonto',
    income: 'ein Ertragskonto',
    expense: 'ein Aufwandskonto',
  },
  weekday: {
    mon: 'Montag',
    tue: 'Dienstag',
    wed: 'Mittwoch',
    thu: 'Donnerstag',
    fri: 'Freitag',
    sat: 'Samstag',
    sun: 'Sonntag',
  },
  input: {
    required: 'Pflichtfeld',
    'too-short_one': 'mindestens {{count}} Zeichen',
    'too-short_other': 'mindestens {{count}} Zeichen',
    'too-long_one': 'höchstens {{count}} Zeichen',
    'too-long_other': 'höchstens {{count}} Zeichen',
    'too-few_one': 'mindestens {{count}} Eintrag',
    'too-few_other': 'mindestens {{count}} Einträge',
    'too-many_one': 'höchstens {{count}} Eintrag',
    'too-many_other': 'höchstens {{count}} Einträge',
    'at-least': 'mindestens {{n}}',
    'more-than': 'mehr als {{n}}',
    'at-most': 'höchstens {{n}}',
    'one-of': 'einer von {{values}}',
    'unknown-fields_one': 'unbekanntes Feld: {{keys}}',
    'unknown-fields_other': 'unbekannte Felder: {{keys}}',
    format: 'keine {{format}}',
    invalid: 'ungültig',
    number: 'eine Zahl',
    'whole-number': 'eine ganze Zahl',
  },
  format: {
    email: 'gültige E-Mail-Adresse',
    uuid: 'gültige Kennung (UUID)',
    date: 'Datumsangabe wie 2027-03-31',
    datetime: 'Angabe von Datum und Uhrzeit',
    url: 'gültige Webadresse',
    regex: 'Angabe in der erwarteten Form',
  },
  import: {
    lines_one: 'Die Datei hat einen Fehler; nichts wurde importiert.',
    lines_other: 'Die Datei hat {{count}} Fehler; nichts wurde importiert.',
    'no-column': 'Die Kopfzeile hat keine Spalte {{column}}.',
    'sponsor-organization': 'Ein Sponsor braucht eine Organisation.',
    'email-twice': '{{email}} steht auch in Zeile {{earlier}}.',
    'not-a-hacker': '{{email}} ist kein Hacker der Genossenschaft.',
    'no-work-item': 'Diese Arbeitsaufgabe gibt es nicht.',
  },
  time: { 'quarter-hours': 'Stunden in Vierteln: 1, 1,25, 1,5 …' },
  text: {
    unstorable_one: 'Ein Feld enthält Zeichen, die sich nicht speichern lassen.',
    unstorable_other: '{{count}} Felder enthalten Zeichen, die sich nicht speichern lassen.',
    nul: 'darf das NUL-Zeichen (U+0000) nicht enthalten',
    surrogate: 'darf kein einzelnes Surrogat enthalten (kein gültiges Unicode)',
    'key-nul': 'ein Feldname darf das NUL-Zeichen (U+0000) nicht enthalten',
    'key-surrogate': 'ein Feldname darf kein einzelnes Surrogat enthalten (kein gültiges Unicode)',
  },
  'invoice-line': {
    'standard-rate': 'Eine Zeile zum Normalsatz braucht einen Steuersatz über 0.',
    'zero-rate': 'Auf Kategorie {{vatCategory}} fällt keine Umsatzsteuer an: Der Satz muss 0 sein.',
    'negative-price': 'Der Preis darf nicht negativ sein (erstelle stattdessen eine Gutschrift).',
    'zero-quantity': 'Die Menge darf nicht 0 sein.',
    'outside-mixed':
      'Nicht steuerbare Zeilen (O) können nicht mit besteuerten oder steuerfreien Zeilen auf einer Rechnung stehen.',
  },
  'quote-line': {
    'no-tier': 'Diese Stufe gibt es nicht.',
    'tier-archived': '{{tier}} ist archiviert.',
    'tier-price': 'Eine Zeile mit Stufe übernimmt den Preis der Stufe.',
    'tier-currency': '{{tier}} ist in {{tierCurrency}} bepreist, das Angebot in {{quoteCurrency}}.',
    'tier-period':
      '{{tier}} ist pro {{tierMonths}} Monate bepreist, das Angebot rechnet alle {{billingPeriodMonths}} Monate ab.',
    description: 'Beschreibe die Zeile.',
    'unit-price': 'Gib einen Stückpreis an.',
  },
  'poll-rule': {
    majority: 'Die Satzung verlangt {{majority}} für {{questionKind}}.',
    quorum:
      'Die Satzung verlangt für {{questionKind}} ein Quorum von mindestens {{quorumPercent}} %.',
    electorate:
      'Über {{questionKind}} stimmen laut Satzung die Mitglieder der Klassen {{classes}} ab.',
    'by-class': 'Die Satzung zählt {{questionKind}} nach Klassen.',
    'one-member-one-vote': 'Die Satzung zählt {{questionKind}} nach „ein Mitglied, eine Stimme“.',
    'open-days':
      'Die Satzung hält {{questionKind}} mindestens {{days}} Tage offen: Schließe sie am {{earliestAt}} oder später.',
  },
  majority: {
    simple: 'eine einfache Mehrheit',
    'two-thirds': 'zwei Drittel',
    'three-quarters': 'drei Viertel',
    unanimous: 'Einstimmigkeit',
  },
  questionKind: {
    general: 'eine allgemeine Frage',
    budget: 'einen Haushalt',
    amendment: 'eine Satzungsänderung',
    election: 'eine Wahl',
  },
  survey: {
    ballot_one: 'Der Umfragebogen hat einen Fehler: Korrigiere den markierten Eintrag.',
    ballot_other: 'Der Umfragebogen hat {{count}} Fehler: Korrigiere die markierten Einträge.',
    'approve-one': 'Stimme mindestens einer Aufgabe zu.',
    'score-one': 'Bewerte mindestens eine Aufgabe.',
    'rank-one': 'Nimm mindestens eine Aufgabe in die Rangfolge auf.',
    'vote-one': 'Gib mindestens einer Aufgabe eine Stimme.',
    'unknown-item': 'Das ist keine Community-Aufgabe dieses Zyklus.',
    'item-twice': 'Diese Aufgabe steht zweimal darin.',
    'over-budget':
      'Diese Stimmen kosten {{cost}} Punkte (n Stimmen kosten n²); das Budget beträgt {{credits}}.',
  },
  ballot: {
    choose: 'Wähle Ja, Nein oder Enthaltung.',
    'rank-one': 'Nimm mindestens eine Option in die Rangfolge auf.',
    'option-twice': 'Eine Option steht zweimal darin.',
    'ranked-twice': 'Eine Option hat zwei Ränge.',
    options: 'Es gibt {{options}} Optionen.',
  },
  eInvoiceNeeds: {
    'coop-email': 'die E-Mail-Adresse der Genossenschaft (Rechnungseinstellungen)',
    'coop-address': 'Ort und Postleitzahl der Genossenschaft',
    'buyer-email': 'die E-Mail-Adresse des Käufers',
    'buyer-reference-or-order': 'eine Käuferreferenz oder Bestellnummer',
    'coop-peppol': 'eine europäische USt-IdNr. der Genossenschaft (ihre Peppol-Adresse)',
    'buyer-peppol': 'eine europäische USt-IdNr. des Käufers (seine Peppol-Adresse)',
    'leitweg-id': 'die Käuferreferenz (Leitweg-ID)',
    'coop-phone': 'die Telefonnummer der Genossenschaft',
    'buyer-address': 'Ort und Postleitzahl des Käufers',
  },
};

export const problemCatalogue = catalogue('problem-codes', { en, de });
const t = webMessages(problemCatalogue);
type Key = Parameters<typeof t>[0];

/** Every code the catalogue words, plural forms by their stem. */
const known = new Set(
  leaves(en).map(([key]) => key.replace(/_(zero|one|two|few|many|other)$/, '')),
);

/** Codes whose English detail says more than their generic sentence. */
const inEnglishByDetail = new Set(['forbidden', 'not-found']);

const isDay = (v: unknown): boolean => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isMonth = (v: unknown): boolean => typeof v === 'string' && /^\d{4}-\d{2}$/.test(v);

/** A param as the reader writes it: days and months in their format, statuses in words. */
function shown(name: string, value: string | number): string | number {
  if (typeof value !== 'string') return value;
  if (isDay(value)) return formatDate(value);
  if (isMonth(value)) return `${monthName(Number(value.slice(5)))} ${value.slice(0, 4)}`;
  // Instants (closesAt, disclosedAt) with their time of day.
  if (name.endsWith('At')) return formatDateTime(value);
  // A record's state in words: `status` (claims, labour), `quoteStatus`, `creditState`, ….
  if (/^(status|\w+Status|\w+State)$/.test(name) && known.has(`${name}.${value}`))
    return t(`${name}.${value}` as Key);
  // An account's type, the one it has and the one wanted, with its article.
  if (/^(accountType|\w+AccountType)$/.test(name) && known.has(`accountType.${value}`))
    return t(`accountType.${value}` as Key);
  // Words the catalogue holds under the param's own name: a weekday, a majority, a format.
  if (
    (name === 'weekday' || name === 'majority' || name === 'questionKind' || name === 'format') &&
    known.has(`${name}.${value}`)
  )
    return t(`${name}.${value}` as Key);
  // What an e-invoice lacks, by the keys the server joins with commas.
  if (name === 'missing')
    return value
      .split(',')
      .map((m) => (known.has(`eInvoiceNeeds.${m}`) ? t(`eInvoiceNeeds.${m}` as Key) : m))
      .join(', ');
  // Lists the server joins with commas: phases ("Vorschläge oder Abstimmung"), classes.
  if (name === 'phase' || name === 'allowed')
    return value
      .split(',')
      .map((p) => (known.has(`phase.${p}`) ? t(`phase.${p}` as Key) : p))
      .join(t('or'));
  if (name === 'classes')
    return value
      .split(',')
      .map((c) => classLabel(c))
      .join(t('and'));
  return value;
}

/** A code and its figures, as a problem names itself and each of its field errors may. */
export interface Fact {
  code?: string | undefined;
  params?: Record<string, string | number> | undefined;
}

/**
 * The problem in the reader's language when the server named it with a code this catalogue
 * knows, else its English detail (or title).
 */
export function problemMessage(problem: Problem): string {
  const fallback = problem.detail || problem.title;
  // A refusal's or a missing record's detail names the rule or the record in English; other
  // languages get the one translated sentence.
  if (
    problem.code &&
    inEnglishByDetail.has(problem.code) &&
    currentLocale() === 'en' &&
    problem.detail
  )
    return problem.detail;
  return factMessage(problem) ?? fallback;
}

/** A field error in the reader's language when its code is one the web knows, else its message. */
export function fieldMessage(error: FieldError): string {
  return factMessage(error) ?? error.message;
}

/**
 * A fact's sentence in the reader's language, its figures in the reader's format (money from
 * `xMinor` and `currency`, days, statuses), or undefined when this catalogue lacks its code.
 */
export function factMessage({ code, params = {} }: Fact): string | undefined {
  if (!code || !known.has(code)) return undefined;
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) vars[name] = shown(name, value);
  if (typeof params.nominees === 'number') vars.count = params.nominees;
  // Attachment sizes in megabytes, as the limit is said.
  if (typeof params.bytes === 'number') vars.size = formatNumber(params.bytes / 2 ** 20, 1);
  if (typeof params.maxBytes === 'number') vars.max = formatNumber(params.maxBytes / 2 ** 20, 1);
  // Money comes as minor units beside its currency: `amountMinor` is said as `amount`.
  if (typeof params.currency === 'string')
    for (const [name, value] of Object.entries(params))
      if (name.endsWith('Minor'))
        vars[name.slice(0, -'Minor'.length)] = formatMoney(String(value), params.currency);
  // The reason inside a refusal, worded by its own code and figures (`reason.csv.field-count`)
  // in place of the library's English; a reason this catalogue has no code for stays English.
  const reasonCode = params.reasonCode;
  if (typeof reasonCode === 'string' && known.has(reasonCode))
    vars.reason = t(reasonCode as Key, vars);
  return t(code as Key, vars);
}

/** Whether the web words this code itself (the server's codes are checked against it in tests). */
export const knowsProblem = (code: string): boolean => known.has(code);
