import fs from 'node:fs';
import { createAgreement } from '../../agreements/commands/createAgreement.ts';
import { draftQuote } from '../../agreements/commands/draftQuote.ts';
import { getAgreement, listAgreements, listQuotes } from '../../agreements/queries.ts';
import { agreements } from '../../agreements/schema.ts';
import { operatorActor } from '../../platform/actor.ts';
import { systemClock } from '../../platform/clock.ts';
import { runCommand } from '../../platform/commands.ts';
import { and, eq } from 'drizzle-orm';
import { badRequest, notFound } from '../../platform/errors.ts';
import { requireCoopId, withDatabase } from '../database.ts';

const readJson = (file: string): unknown => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw badRequest(`${file} is not JSON: ${(error as Error).message}`);
  }
};

/** `coop quotes list [--json]`. */
export async function listQuotesCommand(options: { json?: boolean }): Promise<void> {
  await withDatabase('quotes list', async (database) => {
    const rows = await listQuotes(database.db, await requireCoopId(database));
    if (options.json) {
      console.log(JSON.stringify(rows));
      return;
    }
    for (const q of rows)
      console.log(
        [
          q.number.padEnd(8),
          q.status.padEnd(10),
          q.organizationName.slice(0, 30).padEnd(30),
          `${q.perPeriod} ${q.currency}`.padStart(16),
          `every ${q.billingPeriodMonths} mo`,
          `valid until ${q.validUntil}`,
        ].join('  '),
      );
  });
}

/** `coop quotes create FILE.json`: prints {"id","number"}. */
export async function createQuoteFromFile(file: string): Promise<void> {
  const input = readJson(file);
  await withDatabase('quotes create', async (database, config) => {
    const result = await runCommand(draftQuote, input as never, {
      db: database.db,
      actor: operatorActor(await requireCoopId(database)),
      publicUrl: config.publicUrl,
    });
    console.log(JSON.stringify({ id: result.id, number: result.number }));
  });
}

/** `coop agreements create FILE.json`: prints {"id","number"}. */
export async function createAgreementFromFile(file: string): Promise<void> {
  const input = readJson(file);
  await withDatabase('agreements create', async (database, config) => {
    const result = await runCommand(createAgreement, input as never, {
      db: database.db,
      actor: operatorActor(await requireCoopId(database)),
      publicUrl: config.publicUrl,
    });
    console.log(JSON.stringify({ id: result.id, number: result.number }));
  });
}

/** `coop agreements list [--json]`, by when their term ends, as the renewal calendar. */
export async function listAgreementsCommand(options: { json?: boolean }): Promise<void> {
  await withDatabase('agreements list', async (database) => {
    const rows = (await listAgreements(database.db, await requireCoopId(database))).sort((a, b) =>
      a.currentTermEndsOn.localeCompare(b.currentTermEndsOn),
    );
    if (options.json) {
      console.log(JSON.stringify(rows));
      return;
    }
    for (const a of rows)
      console.log(
        [
          a.number.padEnd(8),
          a.status.padEnd(10),
          a.organizationName.slice(0, 30).padEnd(30),
          `${a.perPeriod} ${a.currency}`.padStart(16),
          `term ends ${a.endsOn ?? a.currentTermEndsOn}`,
          a.status === 'active'
            ? a.autoRenew
              ? `renews, notice ${a.noticeDays} days`
              : 'ends'
            : '',
        ].join('  '),
      );
  });
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `coop agreements show ID|NUMBER [--json]`. */
export async function showAgreementCommand(
  reference: string,
  options: { json?: boolean },
): Promise<void> {
  await withDatabase('agreements show', async (database) => {
    const coopId = await requireCoopId(database);
    const [row] = await database.db
      .select({ id: agreements.id })
      .from(agreements)
      .where(
        and(
          eq(agreements.coopId, coopId),
          uuidPattern.test(reference)
            ? eq(agreements.id, reference)
            : eq(agreements.number, reference),
        ),
      );
    if (!row) throw notFound(`Agreement ${reference}`);
    const a = await getAgreement(database.db, coopId, row.id, systemClock.today());
    if (options.json) {
      console.log(JSON.stringify(a, null, 2));
      return;
    }
    const out = [
      `${a.number}  ${a.title}  (${a.status})`,
      `Sponsor:        ${a.organizationName}`,
      `Term:           ${a.currentTermStartsOn} to ${a.currentTermEndsOn}, ${a.termMonths} months, started ${a.startsOn}`,
      `Renewal:        ${a.autoRenew ? `automatic; notice ${a.noticeDays} days` : 'none'}${a.endsOn ? `; serves until ${a.endsOn}` : ''}`,
      `Billing:        ${a.perPeriod} ${a.currency} every ${a.billingPeriodMonths} months${/^0(\.0+)?$/.test(a.oneOff) ? '' : `, ${a.oneOff} once`}`,
      `Buyer ref.:     ${a.buyerReference ?? '-'}`,
      `Contacts:       ${a.billingContacts.map((c) => `${c.name} <${c.email}>`).join(', ') || '-'}`,
      'Lines:',
      ...a.lines.map((l) => `  ${l.quantity} x ${l.description}: ${l.amount} ${a.currency}`),
      `Purchase orders${a.purchaseOrderRequired ? ' (required)' : ''}:`,
      ...a.purchaseOrders.map(
        (o) =>
          `  ${o.number}: ${o.amount}, ${o.remaining} left, valid ${o.validFrom} to ${o.validUntil}`,
      ),
      `Next invoice:   ${a.nextInvoiceStanding.standing}${a.nextInvoiceStanding.reasons.length ? ` (${a.nextInvoiceStanding.reasons.join(' ')})` : ''}`,
    ];
    console.log(out.join('\n'));
  });
}
