import { z } from 'zod';
import { agreementAdminFields } from './input.ts';
import { decimalAmount } from './money.ts';

// What the routes take to change an agreement once signed: its administration, a purchase
// order, its cancellation. No database code here: the agreement page's forms check their input
// with these very objects.

export const agreementPatchSchema = z
  .strictObject({
    ...agreementAdminFields,
    autoRenew: z.boolean().optional(),
    noticeDays: z.number().int().min(0).max(365).optional(),
  })
  .meta({ id: 'AgreementPatch' });

export const purchaseOrderInputSchema = z
  .strictObject({
    number: z.string().trim().min(1).max(100),
    /** In the agreement's currency. */
    amount: decimalAmount,
    validFrom: z.iso.date(),
    validUntil: z.iso.date(),
    warnBelowPercent: z.number().int().min(0).max(100).default(20),
    warnDaysBefore: z.number().int().min(0).max(365).default(30),
  })
  .meta({ id: 'NewPurchaseOrder' });

export const cancellationSchema = z
  .strictObject({ reason: z.string().trim().min(3).max(1000) })
  .meta({ id: 'AgreementCancellation' });
