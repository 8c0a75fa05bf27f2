/**
 * `coop quotes list|create` and `coop agreements list|show|create`: the declarations only; each
 * action loads its code from ./commands/agreements.ts when it runs.
 */
import type { Command } from 'commander';

export function registerAgreementCommands(program: Command): void {
  const quotes = program
    .command('quotes')
    .description('Quotes to sponsors: list them, draft one from JSON');

  quotes
    .command('list')
    .description('Quotes, newest first: number, state, sponsor, amount per period, valid until')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { listQuotesCommand } = await import('./commands/agreements.ts');
      await listQuotesCommand(options);
    });

  quotes
    .command('create')
    .description(
      'Draft a quote from a JSON file and print {"id","number"}. Fields: organizationId, title, validUntil, startsOn, termMonths, lines [{tierId} (price and period from the tier’s current version, which it pins) or {description, unitPrice (a decimal string), quantity, recurring}], and optionally currency, billingPeriodMonths (1|3|6|12), autoRenew (default true), noticeDays (default 30), notes',
    )
    .argument('<file>', 'the quote as JSON')
    .action(async (file: string) => {
      const { createQuoteFromFile } = await import('./commands/agreements.ts');
      await createQuoteFromFile(file);
    });

  const agreements = program
    .command('agreements')
    .description('Agreements with sponsors: list, show one, record one signed outside a quote');

  agreements
    .command('list')
    .description('Agreements, by when their term ends: number, state, sponsor, per period, renewal')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { listAgreementsCommand } = await import('./commands/agreements.ts');
      await listAgreementsCommand(options);
    });

  agreements
    .command('show')
    .description(
      'One agreement: its terms, lines, billing contacts, purchase orders and how the next invoice stands against them',
    )
    .argument('<agreement>', 'its id or its number, e.g. A-0001')
    .option('--json', 'print JSON')
    .action(async (agreement: string, options: { json?: boolean }) => {
      const { showAgreementCommand } = await import('./commands/agreements.ts');
      await showAgreementCommand(agreement, options);
    });

  agreements
    .command('create')
    .description(
      'Record an agreement signed outside a quote from a JSON file and print {"id","number"}. Fields: those of a quote but validUntil and notes, plus buyerReference, billingContacts [{name, email}], purchaseOrderRequired, servingHackerIds, renewalNoticeDays (default [60, 30])',
    )
    .argument('<file>', 'the agreement as JSON')
    .action(async (file: string) => {
      const { createAgreementFromFile } = await import('./commands/agreements.ts');
      await createAgreementFromFile(file);
    });
}
