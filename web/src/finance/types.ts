/**
 * The finance API's answers. Amounts are strings of integer minor units (BigInt-safe), except
 * the trial balance (a number) and dividend notices (decimal strings), as the API sends them.
 */

export type AccountType = 'asset' | 'liability' | 'equity' | 'income' | 'expense';

export interface Account {
  id: string;
  code: string;
  path: string;
  type: AccountType;
  parentId: string | null;
}

export interface Posting {
  account: string;
  amount_minor: string;
  currency: string;
  coop_amount_minor: string;
  memo: string;
}

export interface Entry {
  number: number;
  id: string;
  effective_on: string;
  kind: string;
  description: string;
  reverses_entry_id: string | null;
  postings: Posting[];
}

export interface TrialBalance {
  at: string;
  accounts: { account: string; currency: string; balance_minor: number | string }[];
}

export interface ReportLine {
  account: string;
  code: string;
  type: AccountType;
  balance: string;
}

export interface BalanceSheet {
  at: string;
  assets: ReportLine[];
  liabilities: ReportLine[];
  equity: ReportLine[];
  unclosedSurplus: string;
  totals: { assets: string; liabilities: string; equity: string };
}

export interface IncomeStatement {
  from: string;
  to: string;
  income: ReportLine[];
  expenses: ReportLine[];
  totals: { income: string; expenses: string; surplus: string };
}

export interface CashFlowMonth {
  month: string;
  inflow: string;
  outflow: string;
  net: string;
}

export interface Runway {
  at: string;
  cash: string;
  months: { month: string; income: string; expenses: string }[];
  grossBurn: string;
  netBurn: string;
  runwayMonths: number | null;
  formula: string;
}

export interface Concentration {
  from: string;
  to: string;
  total: string;
  sponsors: { organizationId: string; name: string; funding: string; sharePercent: number }[];
  largestSharePercent: number;
  hhi: number;
  sponsorsForHalf: number;
  warnings: string[];
}

export interface BudgetLine {
  id: string;
  account: string;
  type: AccountType;
  fromDay: string;
  toDay: string;
  amountMinor: string;
  actualMinor: string;
  varianceMinor: string;
  /** The proposal that adopted it; null when an officer entered it. */
  pollId: string | null;
}

export interface PublicFinance {
  coop: string;
  currency: string;
  from: string;
  to: string;
  income: { category: string; amount: string }[];
  spending: { category: string; amount: string }[];
  totals: { income: string; expenses: string; surplus: string };
}

export interface Verification {
  ok: boolean;
  differences: unknown[];
}

export type ClassKey = 'hackers' | 'sponsors' | 'community';

export interface Share {
  id: string;
  basis: string;
  amountMinor: string;
  cashMinor: string;
  retainedMinor: string;
}

export interface YearEndPlan {
  surplusMinor: string;
  reserves: { name: string; percent: number; amountMinor: string }[];
  distributable: string;
  classes: Record<ClassKey, string>;
  hackers: Share[];
  sponsors: Share[];
  communityFund: string;
  unclaimed?: { hackers: string; sponsors: string };
  steps: string[];
}

export interface YearEndResult {
  dryRun: boolean;
  fiscalYear: number;
  fromDay: string;
  toDay: string;
  currency: string;
  /** The bylaws in force on the year's last day, whose rates count it. */
  bylaws: { version: number; effectiveOn: string };
  plan: YearEndPlan;
  names: Record<string, string>;
  entries: { id: string; number: number }[];
}

/** A dividend notice; its amounts are decimal strings ("2746.80"). */
export interface Dividend {
  id: string;
  fiscalYear: number;
  fromDay: string;
  toDay: string;
  currency: string;
  memberClass: 'hacker' | 'sponsor' | 'community';
  personName: string | null;
  organizationName: string | null;
  recipient: string;
  surplus: string;
  amount: string;
  cash: string;
  retained: string;
  basis: { basis: string; steps: string[] };
}

/** The parts of the bylaws the books read. */
export interface FinanceBylaws {
  document: {
    fiscalYear: { startMonth: number };
    concentration?: { hhiWarning: number; largestSponsorPercentWarning: number };
    transparency: { publishFinanceSummary: boolean };
  };
}

export type ClaimStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'paid';

export interface Receipt {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** An expense claim; its amount is a decimal string in its currency. */
export interface Claim {
  id: string;
  title: string;
  category: string;
  account: { id: string; code: string; path: string };
  incurredOn: string;
  amount: string;
  currency: string;
  status: ClaimStatus;
  receipt: Receipt | null;
  submittedBy: { id: string; displayName: string };
  submittedAt: string | null;
  decidedAt: string | null;
  rejectionReason: string | null;
  approvals: { approverId: string; displayName: string; approvedAt: string }[];
  approvalsNeeded: number;
  dualApprovalAbove: { amount: string; currency: string };
  paidEntry: { id: string; number: number } | null;
  createdAt: string;
}

export interface ClaimOptions {
  currency: string;
  dualApprovalAbove: { amount: string; currency: string };
  accounts: { code: string; path: string }[];
  categories: string[];
}

/** Payroll figures are decimal strings in the co-op's currency. */
export interface PayrollRun {
  month: string;
  entryId: string;
  entryNumber: number;
  postedAt: string;
  total: string;
  currency: string;
  reversed: boolean;
}

export interface Salary {
  id: string;
  personId: string;
  displayName: string;
  grossMonthly: string;
  employerCostMonthly: string;
  currency: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

export interface Compensation {
  at: string;
  currency: string;
  target: { description: string; annual: string };
  complete: boolean;
  hackers: {
    personId: string;
    displayName: string;
    grossMonthly: string | null;
    employerCostMonthly: string | null;
    effectiveFrom: string | null;
    annualGross: string | null;
    annualEmployerCost: string | null;
    percentOfTarget: number | null;
    gapToTarget: string | null;
  }[];
  totals: {
    paidHackers: number;
    annualGross: string;
    annualEmployerCost: string;
    averagePercentOfTarget: number | null;
  };
}

export type BalanceCheck = 'ok' | 'mismatch' | 'unknown';
export type BankLineStatus = 'unmatched' | 'suggested' | 'matched' | 'ignored';

export interface ImportedStatement {
  id: string;
  account: string;
  accountCode: string;
  bankAccountRef: string | null;
  statementRef: string | null;
  currency: string;
  fromDay: string | null;
  toDay: string | null;
  opening: string | null;
  closing: string | null;
  balanceCheck: BalanceCheck;
  balanceProblem: string | null;
  parts: number;
  linesAdded: number;
  linesSkipped: number;
  matched: number;
  suggested: number;
  unmatched: number;
  gaps: string[];
  notes: string[];
}

export interface ImportResult {
  fileName: string;
  format: string;
  fileSha256: string;
  statements: ImportedStatement[];
}

/** A stored statement; its balances are decimal strings. */
export interface Statement {
  id: string;
  account: string;
  accountCode: string;
  format: string;
  fileName: string;
  statementRef: string | null;
  bankAccountRef: string | null;
  currency: string;
  fromDay: string | null;
  toDay: string | null;
  opening: string | null;
  closing: string | null;
  balanceCheck: BalanceCheck;
  balanceProblem: string | null;
  gaps: string[];
  linesAdded: number;
  linesSkipped: number;
  lines: { unmatched: number; suggested: number; matched: number; ignored: number };
  importedAt: string;
}

export type Suggestion =
  | {
      type: 'entry';
      entryId: string;
      entryNumber: number;
      entryDescription?: string;
      alternatives?: number;
      reason: string;
    }
  | { type: 'sponsor-payment'; organizationId: string; organizationName: string; reason: string }
  | { type: 'expense-claim'; claimId: string; claimTitle: string; reason: string }
  | { type: 'salary'; personId: string; account: string; reason: string };

export interface BankLine {
  id: string;
  statementId: string;
  account: string;
  bookedOn: string;
  valueOn: string | null;
  amount: string;
  amountMinor: string;
  currency: string;
  counterparty: string;
  counterpartyAccount: string;
  description: string;
  bankReference: string | null;
  status: BankLineStatus;
  suggestion: Suggestion | null;
  matchedEntryId: string | null;
  matchedAt: string | null;
}

export interface CsvMappingSummary {
  id: string;
  name: string;
  account: string;
  accountCode: string;
}
