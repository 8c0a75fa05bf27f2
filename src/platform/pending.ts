/**
 * Something the co-op is waiting for from one person: a vote to cast, a claim to approve. Each
 * domain says what it waits for (its `pending.ts`); src/todo gathers them for the home page and
 * the weekly digest.
 */
export interface PendingItem {
  kind:
    | 'vote'
    | 'nomination'
    | 'sponsor-points'
    | 'survey'
    | 'declarations'
    | 'availability'
    | 'log-hours'
    | 'approve-claims'
    | 'pay-claims'
    | 'review-bank-lines'
    | 'overdue-invoices'
    | 'confirm-labour'
    | 'answer-requests'
    | 'reply-to-requests'
    | 'decide-service-credits'
    | 'service-credits-held'
    | 'send-digests';
  /** What to do, as an instruction in the member's language: "Vote on “Budget 2027”". */
  title: string;
  /** Why it matters or how much is waiting. */
  detail: string;
  /** The page of the web app where it is done, from the app's root. */
  href: string;
  /** The deadline, when there is one. */
  dueAt: Date | null;
}
