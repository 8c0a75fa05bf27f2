/**
 * `coop invoices create|settings|export|send|list`: the declarations only; each action loads its code from
 * ./commands/invoices.ts when it runs.
 */
import { type Command, InvalidArgumentError } from 'commander';

const formats = ['pdf', 'ubl', 'cii', 'xrechnung', 'facturx'] as const;
const sendFormats = ['ubl', 'xrechnung', 'cii'] as const;

export function registerInvoiceCommands(program: Command): void {
  const invoices = program
    .command('invoices')
    .description('Invoices and credit notes: create from JSON, export as PDF or e-invoice, list');

  invoices
    .command('create')
    .description(
      'Create an invoice (or, with "creditedInvoice", a credit note) from a JSON file and print {"id","number"} (number null for a draft). Fields: buyer ({"organizationId"} or {"legalName","vatId","country","street","city","postcode","email"}: found by VAT id or added), currency, issueDate, dueDate, deliveryDate, period {start, end} (the invoicing period), buyerReference, purchaseOrder, agreementId, rounding ("per-line"|"per-rate"), note, exemptionReason, lines [{description, quantity, unitPrice, unitCode, vatCategory (S Z E AE K G O), vatRate}] with decimal strings, creditedInvoice (a number), exchangeRate {rate, on, source}, finalize (true|false)',
    )
    .argument('<file>', 'the invoice as JSON')
    .action(async (file: string) => {
      const { createInvoiceFromFile } = await import('./commands/invoices.ts');
      await createInvoiceFromFile(file);
    });

  invoices
    .command('settings')
    .description(
      'Set the seller details and terms from a JSON file (legalName, vatId, registrationId, street, city, postcode, country, email, phone, iban, bic, invoicePrefix, creditNotePrefix, paymentTermsDays, rounding, dunningStages, lateFee, standardVatRate...); prints them',
    )
    .argument('<file>', 'the settings to change, as JSON')
    .action(async (file: string) => {
      const { invoicingSettingsCommand } = await import('./commands/invoices.ts');
      await invoicingSettingsCommand(file);
    });

  invoices
    .command('export')
    .description('Write a final invoice as PDF, UBL (Peppol BIS 3), CII, XRechnung or Factur-X')
    .argument('<number>', 'the invoice number, e.g. INV-2027-00001')
    .requiredOption('--format <format>', formats.join('|'), (v) => {
      if (!(formats as readonly string[]).includes(v))
        throw new InvalidArgumentError(`one of ${formats.join(', ')}`);
      return v;
    })
    .option('--out <file>', 'where to write it (default: standard output)')
    .action(async (number: string, options: { format: (typeof formats)[number]; out?: string }) => {
      const { exportInvoiceCommand } = await import('./commands/invoices.ts');
      await exportInvoiceCommand(number, options);
    });

  invoices
    .command('send')
    .description(
      'Send a final invoice or credit note to its billing contacts (the agreement’s, else the buyer’s e-mail), with the PDF and an e-invoice attached: XRechnung for a German public buyer (a Leitweg-ID as buyer reference), else UBL (Peppol BIS 3), else CII; prints {"sendingId","number","format","to"}. Mail goes through SMTP_URL; without it the sending is held',
    )
    .argument('<number>', 'the invoice number, e.g. INV-2027-00001')
    .option('--format <format>', sendFormats.join('|'), (v) => {
      if (!(sendFormats as readonly string[]).includes(v))
        throw new InvalidArgumentError(`one of ${sendFormats.join(', ')}`);
      return v;
    })
    .option('--to <addresses>', 'comma-separated addresses instead of the billing contacts')
    .action(
      async (number: string, options: { format?: (typeof sendFormats)[number]; to?: string }) => {
        const { sendInvoiceCommand } = await import('./commands/invoices.ts');
        await sendInvoiceCommand(number, options);
      },
    );

  invoices
    .command('list')
    .description('Invoices and credit notes, newest first: number, state, buyer, amounts')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { listInvoicesCommand } = await import('./commands/invoices.ts');
      await listInvoicesCommand(options);
    });
}
