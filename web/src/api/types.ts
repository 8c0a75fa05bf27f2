/**
 * Names for the generated API types (schema.d.ts, from the server's OpenAPI document), so the
 * screens say `Claim` rather than `components['schemas']['ExpenseClaim']`. Nothing here has a
 * shape of its own: each name is a schema or an operation's answer, and changes with the route.
 */
import type { AsJson } from '../../../src/platform/json.ts';
import type { Answer, GetAnswer, Schemas } from './client.ts';

// Members
export type Session = Schemas['Session'];
export type SessionUser = NonNullable<Session['user']>;
/** What the signed-in member may do, answered by the server's rules. */
export type Abilities = SessionUser['can'];
export type SignedIn = Schemas['SignedIn'];
export type DirectoryEntry = Schemas['DirectoryEntry'];
export type MemberClass = DirectoryEntry['memberClass'];
export type MemberStatus = DirectoryEntry['status'];
export type Directory = GetAnswer<'/api/members'>;
export type MemberProfile = Schemas['MemberProfile'];
export type InvitationPreview = GetAnswer<'/api/invitation-links/{token}'>;
export type InvitationSummary = Schemas['InvitationSummary'];
export type MemberImportResult = Answer<'post', '/api/members/import'>;

// Organizations
export type OrganizationSummary = Schemas['OrganizationSummary'];
export type Organization = Schemas['Organization'];
export type OrganizationKind = Organization['kind'];

// Co-op and audit
export type CoopOverview = GetAnswer<'/api/coop'>;
export type CoopEvent = Schemas['Event'];
export type Outbox = GetAnswer<'/api/outbox'>;
export type OutboxMessage = Outbox['messages'][number];

// Bylaws
export type BylawsVersion = Schemas['BylawsVersion'];
export type BylawsVersionSummary = GetAnswer<'/api/bylaws/versions'>['versions'][number];
export type BylawsDocument = Schemas['BylawsDocument'];
export type ClassShares = BylawsDocument['pie'];
export type Majority = NonNullable<BylawsDocument['decisions']['majority']>;
export type QuestionRulesByKind = BylawsVersion['rules'];
export type QuestionKind = keyof QuestionRulesByKind;
export type QuestionRules = QuestionRulesByKind[QuestionKind];

// Governance: cycles
export type Cycle = Schemas['Cycle'];
export type CycleDetail = Schemas['CycleDetail'];
export type CyclePhase = Cycle['phase'];
export type SurveyMethod = Cycle['surveyMethod'];
export type WorkItem = Schemas['WorkItem'];
export type WorkItemKind = WorkItem['kind'];
export type Slice = WorkItem['originClass'];
export type Availability = CycleDetail['availability'][number];
export type PlanItem = CycleDetail['plan'][number];
export type SurveyBallot = NonNullable<CycleDetail['mine']['surveyBallot']>['ballot'];

// Governance: polls
export type PollSummary = GetAnswer<'/api/polls'>['polls'][number];
export type PollDetail = GetAnswer<'/api/polls/{id}'>;
export type Poll = Schemas['Poll'];
export type PollMethod = Poll['method'];
export type Threshold = Poll['threshold'];
export type PollOption = PollDetail['options'][number];
export type Nomination = PollDetail['nominations'][number];
export type PublishedBallot = NonNullable<PollDetail['ballots']>[number];
export type BallotContent = PublishedBallot['content'];

// Finance
export type Account = GetAnswer<'/api/ledger/accounts'>['accounts'][number];
export type AccountType = Account['type'];
export type Entry = GetAnswer<'/api/ledger/entries'>['entries'][number];
export type Posting = Entry['postings'][number];
/** What an entry the co-op wrote by itself says, as a code and figures (see entryWords.ts). */
export type EntryFact = Schemas['EntryFact'];
export type TrialBalance = GetAnswer<'/api/reports/trial-balance'>;
export type ReportLine = Schemas['ReportLine'];
export type BalanceSheet = Schemas['BalanceSheet'];
export type IncomeStatement = Schemas['IncomeStatement'];
export type CashFlowMonth = Schemas['CashFlowMonth'];
export type Runway = Schemas['Runway'];
export type Concentration = Schemas['FundingConcentration'];
export type BudgetLine = Schemas['BudgetVsActualLine'];
export type PublicFinance = Schemas['PublicFinance'];
export type Verification = GetAnswer<'/api/ledger/verify'>;
export type YearEndResult = Answer<'post', '/api/ledger/year-end'>;
export type Share = YearEndResult['plan']['hackers'][number];
export type FiscalYearStanding = Answer<'get', '/api/ledger/year-end'>['years'][number];
export type Dividend = Schemas['DividendNotice'];
export type Claim = Schemas['ExpenseClaim'];
export type ClaimStatus = Claim['status'];
export type Receipt = Schemas['Receipt'];
export type ClaimOptions = GetAnswer<'/api/expenses/options'>;
export type PayrollRun = Schemas['PayrollRun'];
export type Salary = Schemas['Salary'];
export type Compensation = Schemas['CompensationReport'];
export type StatementImportResult = Schemas['StatementImportResult'];
export type Statement = Schemas['BankStatement'];
export type StatementFact = Schemas['StatementFact'];
export type BankMatchFact = Schemas['BankMatchFact'];
export type BankLine = Schemas['BankLine'];
export type BankLineStatus = BankLine['status'];
export type BankLineSuggestion = NonNullable<BankLine['suggestion']>;
export type CsvMappingSummary = GetAnswer<'/api/ledger/csv-mappings'>['mappings'][number];

// Releases and planned changes
export type Release = Schemas['Release'];

// Stored JSON the server declares without a schema yet (z.unknown()): the counting and
// planning code's own types describe it, so these two are read through the server's types.
export type PollResult = import('../../../src/governance/polls/countPoll.ts').PollResult;
export type ResultFact = import('../../../src/governance/polls/countPoll.ts').ResultFact;
/** Stored as JSON: its BigInt supports are decimal strings. */
export type PlanComputation = AsJson<import('../../../src/governance/plan/computePlan.ts').Plan>;
export type SliceAllocation = PlanComputation['sponsor'];
/** A closed poll's count, as countPoll wrote it. */
export const pollResultOf = (poll: Poll) => poll.result as PollResult | null;
/** A planned cycle's arithmetic, as computePlan wrote it. */
export const computationOf = (detail: CycleDetail) => detail.computation as PlanComputation | null;
