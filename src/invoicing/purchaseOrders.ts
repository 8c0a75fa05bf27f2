import type { Tx } from '../platform/db/database.ts';

/**
 * The one place where invoicing asks the agreements domain whether a purchase order allows
 * an invoice. Agreements are built on another branch; when they merge, replace
 * `purchaseOrderCheck` with one that reads the agreement's purchase order (number, amount left,
 * validity) and returns `warn` before it runs out and `block` after. Until then every invoice
 * passes, its PO number and buyer reference carried as plain data.
 */
export interface PurchaseOrderVerdict {
  outcome: 'ok' | 'warn' | 'block';
  message: string | null;
}

export interface PurchaseOrderQuestion {
  coopId: string;
  organizationId: string;
  agreementId: string | null;
  purchaseOrder: string | null;
  currency: string;
  grossMinor: bigint;
  issueDate: string;
}

export type PurchaseOrderCheck = (
  tx: Tx,
  question: PurchaseOrderQuestion,
) => Promise<PurchaseOrderVerdict>;

export const purchaseOrderCheck: PurchaseOrderCheck = async () => ({
  outcome: 'ok',
  message: null,
});
