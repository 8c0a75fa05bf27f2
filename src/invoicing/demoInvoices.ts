import { operatorActor } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import { runCommand } from '../platform/commands.ts';
import type { Db } from '../platform/db/database.ts';
import { createInvoice } from './commands/createInvoice.ts';
import { recordInvoicePayment } from './commands/recordInvoicePayment.ts';
import { saveInvoicingSettings } from './commands/saveInvoicingSettings.ts';
import { addDays } from './dates.ts';

/**
 * The demo's invoices, in the current fiscal year (the previous one is closed): one paid, one
 * open, one partly paid, one overdue with its reminder stages, one credited in full, and a
 * reverse-charge invoice to the French sponsor. All through the same commands as real use.
 */
export async function fillDemoInvoices(
  db: Db,
  publicUrl: string,
  coopId: string,
  orgIds: string[],
  clock: Clock,
) {
  const ctx = { db, actor: operatorActor(coopId), publicUrl, clock };
  const today = clock.today();
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const daysAgo = (n: number) => {
    const day = addDays(today, -n);
    return day < yearStart ? yearStart : day;
  };
  await runCommand(
    saveInvoicingSettings,
    {
      legalName: 'Demo Hackers Co-op eG',
      vatId: 'DE811907980',
      registrationId: 'GnR 4711, Amtsgericht Berlin',
      street: 'Oranienstraße 185',
      city: 'Berlin',
      postcode: '10999',
      country: 'DE',
      email: 'billing@demo.coop',
      phone: '+49 30 6090 4711',
      iban: 'DE89370400440532013000',
      bic: 'COBADEFFXXX',
      dunningStages: [
        { afterDays: 7, label: 'Reminder' },
        { afterDays: 21, label: 'Second reminder' },
        { afterDays: 35, label: 'Final notice' },
      ],
    },
    ctx,
  );
  const retainer = (tier: string, amount: string, vatCategory = 'S', vatRate = '19') => ({
    description: `${tier} retainer`,
    quantity: '1',
    unitPrice: amount,
    unitCode: 'MON',
    vatCategory: vatCategory as 'S',
    vatRate,
  });
  const issue = (
    organizationId: string,
    issueDate: string,
    lines: ReturnType<typeof retainer>[],
    extra = {},
  ) =>
    runCommand(
      createInvoice,
      {
        buyer: { organizationId },
        issueDate,
        dueDate: addDays(issueDate, 30),
        buyerReference: 'OSPO-2026',
        purchaseOrder: `PO-${issueDate.replaceAll('-', '')}`,
        lines,
        finalize: true,
        ...extra,
      },
      ctx,
    );
  const pay = (invoiceId: string, amount: string, receivedOn: string) =>
    runCommand(recordInvoicePayment, { invoiceId, payment: { amount, receivedOn } }, ctx);

  const paid = await issue(orgIds[0]!, daysAgo(40), [retainer('Platinum', '9000.00')]);
  await pay(paid.id, '10710.00', daysAgo(20));
  await issue(orgIds[1]!, daysAgo(5), [retainer('Gold', '6000.00')]);
  const partly = await issue(orgIds[2]!, daysAgo(25), [retainer('Silver', '2500.00')]);
  await pay(partly.id, '1000.00', daysAgo(10));
  await issue(orgIds[3]!, daysAgo(70), [retainer('Silver', '1500.00')]);
  const credited = await issue(orgIds[4]!, daysAgo(30), [retainer('Bronze', '800.00')]);
  await runCommand(
    createInvoice,
    {
      buyer: { organizationId: orgIds[4]! },
      issueDate: daysAgo(15),
      creditedInvoice: credited.number!,
      note: 'Invoiced twice by mistake: credited in full.',
      lines: [retainer('Bronze', '800.00')],
      finalize: true,
    },
    ctx,
  );
  await issue(orgIds[5]!, daysAgo(3), [retainer('Silver', '2500.00', 'AE', '0')]);
}
