// What other domains (invoicing first) may call. Commands run with `runCommand(cmd, input,
// { ...ctx, tx })` inside the caller's transaction.
export { agreementForInvoicing, type AgreementForInvoicing } from './queries.ts';
export { agreementInForce, type AgreementInForce } from './inForce.ts';
export { purchaseOrderStanding } from './repository.ts';
export { judgePurchaseOrder, type PurchaseOrderStanding } from './purchaseOrderStanding.ts';
export { drawOnPurchaseOrder, releasePurchaseOrderDraw } from './commands/drawOnPurchaseOrder.ts';
export { billingPeriods, cancellationEnd, termEnd } from './terms.ts';
export {
  agreementCancelled,
  agreementCreated,
  agreementEnded,
  agreementRenewalTermDue,
  agreementRenewed,
  purchaseOrderRecorded,
} from './events.ts';
export {
  agreementCreditTerms,
  agreementServiceTerms,
  type AgreementCreditTerms,
  agreementsInForceWithTerms,
  type AgreementServiceTerms,
} from './serviceTerms.ts';
export type { ServiceCreditsTerms, SeverityTargets, TierEntitlements } from './lines.ts';
