import { z } from 'zod';

const hours = z
  .number()
  .int()
  .min(1)
  .max(24 * 90);

/** One service-level target: hours on the wall clock, or business hours on the sponsor's calendar. */
export const serviceTargetSchema = z
  .strictObject({
    hours: z
      .number()
      .positive()
      .max(24 * 90)
      .multipleOf(0.25),
    mode: z.enum(['wall', 'business']),
  })
  .meta({ id: 'ServiceTarget' });

/** The targets of one severity; null: no promise of that kind at that severity. */
export const severityTargetsSchema = z
  .strictObject({
    firstResponse: serviceTargetSchema.nullable(),
    /** Between the co-op's replies while the request is open. */
    update: serviceTargetSchema.nullable(),
    resolution: serviceTargetSchema.nullable(),
    /** The resolution clock stops while the co-op waits on the sponsor (an answer, access). */
    resolutionPausesOnSponsor: z.boolean(),
  })
  .meta({ id: 'SeverityTargets' });
export type SeverityTargets = z.infer<typeof severityTargetsSchema>;

const basisPoints = z.number().int().min(0).max(10_000);

/**
 * What a breach costs the co-op: per breached clock a share of the billing period's fee, in
 * basis points (100 = 1%), and at most `capBasisPoints` of that fee over one billing period.
 */
export const serviceCreditsSchema = z
  .strictObject({
    perBreachBasisPoints: basisPoints.min(1),
    capBasisPoints: basisPoints,
  })
  .meta({ id: 'ServiceCredits' });
export type ServiceCreditsTerms = z.infer<typeof serviceCreditsSchema>;

/** What a tier includes: data, so that a new tier or a changed promise needs no code. */
export const tierEntitlementsSchema = z
  .strictObject({
    /** First response within this many hours, per severity; null: no promise at that severity. */
    responseHours: z.strictObject({
      critical: hours.nullable(),
      high: hours.nullable(),
      normal: hours.nullable(),
      low: hours.nullable(),
    }),
    /** Hours of expert advice on call each month. */
    expertHoursPerMonth: z.number().int().min(0).max(1000),
    /** A maintainer who knows the sponsor's systems and consults them before changing them. */
    reciprocalAccess: z.boolean(),
    meetingsPerYear: z.number().int().min(0).max(365),
    digest: z.enum(['none', 'weekly', 'monthly', 'quarterly']),
    publicAcknowledgement: z.boolean(),
    /**
     * Service-level targets per severity. Absent (tier versions written before targets
     * existed): the first response comes from `responseHours`, on the wall clock, and nothing
     * else is promised.
     */
    serviceLevels: z
      .strictObject({
        critical: severityTargetsSchema,
        high: severityTargetsSchema,
        normal: severityTargetsSchema,
        low: severityTargetsSchema,
      })
      .optional(),
    /**
     * The vulnerability clock: an impact note within 6 hours of a disclosure, and a human
     * response within 6 hours to every request in the 24 hours after it. Absent: only when the
     * critical first response is promised within 6 hours or less.
     */
    vulnerabilityClock: z.boolean().optional(),
    /**
     * Service credits a breach proposes. Absent (every tier version written before credits
     * existed, and tiers that promise none): a breach is recorded and proposes nothing.
     */
    serviceCredits: serviceCreditsSchema.optional(),
  })
  .meta({ id: 'TierEntitlements' });
export type TierEntitlements = z.infer<typeof tierEntitlementsSchema>;

/**
 * A line of a quote or agreement as stored: amounts in minor units as decimal strings (JSON has
 * no 64-bit integers). A tier line pins the tier version it was quoted at.
 */
export const agreementLineSchema = z
  .object({
    kind: z.enum(['tier', 'custom']),
    tierVersionId: z.uuid().nullable(),
    description: z.string(),
    quantity: z.number().int(),
    unitPriceMinor: z.string().regex(/^\d+$/),
    /** Invoiced every billing period; otherwise once, with the first period. */
    recurring: z.boolean(),
  })
  .meta({ id: 'AgreementLine' });
export type AgreementLine = z.infer<typeof agreementLineSchema>;

export const billingContactSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    email: z.email(),
  })
  .meta({ id: 'BillingContact' });
export type BillingContact = z.infer<typeof billingContactSchema>;

/** A line's amount: quantity x unit price, exact. */
export const lineAmountMinor = (line: AgreementLine): bigint =>
  BigInt(line.unitPriceMinor) * BigInt(line.quantity);

/** What one billing period costs (recurring lines) and what is invoiced once. */
export function lineTotals(lines: AgreementLine[]) {
  let perPeriodMinor = 0n;
  let oneOffMinor = 0n;
  for (const line of lines) {
    if (line.recurring) perPeriodMinor += lineAmountMinor(line);
    else oneOffMinor += lineAmountMinor(line);
  }
  return { perPeriodMinor, oneOffMinor };
}

/** The whole of a term: every period's recurring lines plus the one-off ones. */
export function termTotalMinor(
  lines: AgreementLine[],
  termMonths: number,
  billingPeriodMonths: number,
): bigint {
  const { perPeriodMinor, oneOffMinor } = lineTotals(lines);
  return perPeriodMinor * BigInt(termMonths / billingPeriodMonths) + oneOffMinor;
}
