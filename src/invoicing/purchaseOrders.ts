import { drawOnPurchaseOrder, purchaseOrderStanding } from '../agreements/index.ts';
import { runCommand, type RunContext } from '../platform/commands.ts';
import type { Tx } from '../platform/db/database.ts';

/**
 * The one place where invoicing asks the agreements domain whether a purchase order allows an
 * invoice, and draws the invoice's amount on it once finalised: an invoice under an agreement
 * is judged against the agreement's orders (warned before they run out, blocked after); one
 * without an agreement carries its PO number and buyer reference as plain data.
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

export const purchaseOrderCheck: PurchaseOrderCheck = async (tx, question) => {
  if (!question.agreementId) return { outcome: 'ok', message: null };
  const { standing, reasons } = await purchaseOrderStanding(
    tx,
    question.coopId,
    question.agreementId,
    question.grossMinor,
    question.issueDate,
  );
  return { outcome: standing, message: reasons.length > 0 ? reasons.join(' ') : null };
};

/** The finalised invoice's amount, drawn on the agreement's purchase order (once per invoice). */
export async function drawForInvoice(
  ctx: RunContext,
  question: PurchaseOrderQuestion,
  invoiceNumber: string,
): Promise<void> {
  if (!question.agreementId) return;
  await runCommand(
    drawOnPurchaseOrder,
    {
      agreementId: question.agreementId,
      amountMinor: question.grossMinor,
      date: question.issueDate,
      reference: `invoice ${invoiceNumber}`,
    },
    { ...ctx, tx: ctx.tx },
  );
}
