import { and, eq, sql } from 'drizzle-orm';
import { coopCurrency } from '../coop/queries.ts';
import type { Executor } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/rows.ts';
import { AppError, badRequest, type FieldError } from '../platform/errors.ts';
import type { AgreementLine } from './lines.ts';
import type { QuoteTerms } from './input.ts';
import { minorOf } from './money.ts';
import { tiers, tierVersions } from './schema.ts';

/**
 * Lines as stored, with the quote's currency and billing period. A tier line pins the tier's
 * current version; all tier lines must share one currency and period, which the quote takes.
 */
export async function buildLines(
  executor: Executor,
  coopId: string,
  terms: Pick<QuoteTerms, 'lines' | 'currency' | 'billingPeriodMonths' | 'termMonths'>,
): Promise<{ lines: AgreementLine[]; currency: string; billingPeriodMonths: number }> {
  const tierIds = terms.lines.flatMap((l) => (l.tierId ? [l.tierId] : []));
  const current =
    tierIds.length === 0
      ? []
      : await executor
          .select({ tier: tiers, version: tierVersions })
          .from(tiers)
          .innerJoin(
            tierVersions,
            and(
              eq(tierVersions.coopId, tiers.coopId),
              eq(tierVersions.tierId, tiers.id),
              eq(tierVersions.version, tiers.currentVersion),
            ),
          )
          .where(and(eq(tiers.coopId, coopId), sql`${tiers.id} in ${tierIds}`));
  const byTier = new Map(current.map((r) => [r.tier.id, r]));
  const firstTier = terms.lines.find((l) => l.tierId && byTier.has(l.tierId));
  const firstVersion = firstTier ? byTier.get(firstTier.tierId!)!.version : undefined;
  const currency =
    terms.currency ?? firstVersion?.currency ?? (await coopCurrency(executor, coopId));
  const billingPeriodMonths = terms.billingPeriodMonths ?? firstVersion?.periodMonths ?? 12;
  const errors: FieldError[] = [];
  const lines: AgreementLine[] = [];
  terms.lines.forEach((line, i) => {
    const at = (field: string) => `/lines/${i}/${field}`;
    if (line.tierId) {
      const found = byTier.get(line.tierId);
      const params = { line: i + 1 };
      if (!found)
        return errors.push({
          pointer: at('tierId'),
          message: 'no such tier',
          code: 'quote-line.no-tier',
          params,
        });
      const tier = found.version.name;
      if (found.tier.archivedAt)
        return errors.push({
          pointer: at('tierId'),
          message: `${tier} is archived`,
          code: 'quote-line.tier-archived',
          params: { ...params, tier },
        });
      if (line.unitPrice !== undefined)
        errors.push({
          pointer: at('unitPrice'),
          message: 'a tier line takes the tier’s price',
          code: 'quote-line.tier-price',
          params,
        });
      if (found.version.currency !== currency)
        errors.push({
          pointer: at('tierId'),
          message: `${tier} is priced in ${found.version.currency}, the quote in ${currency}`,
          code: 'quote-line.tier-currency',
          params: {
            ...params,
            tier,
            tierCurrency: found.version.currency,
            quoteCurrency: currency,
          },
        });
      if (found.version.periodMonths !== billingPeriodMonths)
        errors.push({
          pointer: at('tierId'),
          message: `${tier} is priced per ${found.version.periodMonths} months, the quote bills every ${billingPeriodMonths}`,
          code: 'quote-line.tier-period',
          params: { ...params, tier, tierMonths: found.version.periodMonths, billingPeriodMonths },
        });
      lines.push({
        kind: 'tier',
        tierVersionId: found.version.id,
        description:
          line.description ?? `${found.version.name} tier (version ${found.version.version})`,
        quantity: line.quantity,
        unitPriceMinor: found.version.priceMinor.toString(),
        recurring: true,
      });
      return;
    }
    if (!line.description)
      errors.push({
        pointer: at('description'),
        message: 'describe the line',
        code: 'quote-line.description',
        params: { line: i + 1 },
      });
    if (line.unitPrice === undefined)
      return errors.push({
        pointer: at('unitPrice'),
        message: 'give a unit price',
        code: 'quote-line.unit-price',
        params: { line: i + 1 },
      });
    let unitPriceMinor: bigint;
    try {
      unitPriceMinor = minorOf(line.unitPrice, currency, at('unitPrice'));
    } catch (error) {
      // minorOf names its refusal (amount.decimals, amount.not-positive): the field says it.
      const fact = error instanceof AppError ? error.fact : undefined;
      return errors.push({ pointer: at('unitPrice'), message: (error as Error).message, ...fact });
    }
    lines.push({
      kind: 'custom',
      tierVersionId: null,
      description: line.description ?? '',
      quantity: line.quantity,
      unitPriceMinor: unitPriceMinor.toString(),
      recurring: line.recurring ?? false,
    });
  });
  if (terms.termMonths % billingPeriodMonths !== 0)
    errors.push({
      pointer: '/termMonths',
      message: `a term of ${terms.termMonths} months is not a whole number of ${billingPeriodMonths}-month billing periods`,
      code: 'quote.term-periods',
      params: { termMonths: terms.termMonths, billingPeriodMonths },
    });
  if (errors.length > 0)
    throw badRequest(errors.map((e) => `${e.pointer}: ${e.message}`).join('; '), errors).because(
      'quote.lines',
      { count: errors.length },
    );
  return { lines, currency, billingPeriodMonths };
}

/** The next `PREFIX-0001` of a kind in a co-op; the advisory lock makes two at once take turns. */
export async function nextNumber(
  tx: Executor,
  coopId: string,
  table: 'quotes' | 'agreements',
  prefix: string,
): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${table}:${coopId}`}, 0))`);
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from ${sql.identifier(table)} where coop_id = ${coopId}`,
  );
  const n = row!.n + 1;
  return `${prefix}-${String(n).padStart(4, '0')}`;
}
