import type { BylawsDocument } from '../../bylaws/document.ts';
import { isActiveMember, isAdmin, type Rule } from '../../platform/policy.ts';
import { financePolicy } from '../policy.ts';

/**
 * Salaries. Setting them and running the payroll is the treasurer's (administrators and the
 * chief economist). A person's pay is personal: members see everyone's only when the bylaws
 * publish it (`transparency.publishPersonalPay`), otherwise their own.
 */
export const payrollPolicy = {
  manage: financePolicy.keepBooks,
  /** The runs (month, entry, total) are part of the books, which members read. */
  readRuns: financePolicy.readBooks,
  readReport: ((actor) => isAdmin(actor) || isActiveMember(actor)) as Rule,
  seeEveryonesPay: ((actor, bylaws) =>
    financePolicy.keepBooks(actor, undefined) ||
    (bylaws.transparency.publishPersonalPay && isActiveMember(actor))) as Rule<BylawsDocument>,
};
