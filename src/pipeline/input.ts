import { z } from 'zod';
import { amountRefusal } from '../finance/amountRefusal.ts';
import { AmountError, parseAmount } from '../platform/money/amount.ts';
import { currencySchema } from '../platform/money/currency.ts';
import { openStages, stages } from './stages.ts';
import { schemaWords } from '../platform/http/validationMessages.ts';

const isoDay = z.iso.date();

/** A decimal string such as `30000.00`: never a float. */
const amountText = z
  .string()
  .trim()
  .regex(/^\d{1,15}(\.\d+)?$/, schemaWords('amountLike', { example: '30000.00' }));

/** Engineer-months with at most one decimal ("2.5"): kept as tenths, never a float. */
const engineerMonthsText = z
  .string()
  .trim()
  .regex(/^\d{1,4}(\.\d)?$/, schemaWords('monthsLike', { example: '2.5' }));

export const championSchema = z
  .union([
    z.strictObject({ personId: z.uuid() }),
    z.strictObject({ name: z.string().trim().min(1).max(200), email: z.email().max(320) }),
  ])
  .meta({ id: 'OpportunityChampion' });

const details = {
  title: z.string().trim().min(1).max(200),
  /** What the deal would bring in a year, in `currency`. */
  amount: amountText,
  currency: currencySchema,
  expectedCloseOn: isoDay,
  /** Whole percent; each stage has its default. */
  probabilityPercent: z.number().int().min(0).max(100),
  nextStep: z.string().trim().max(500).nullable(),
  nextStepOn: isoDay.nullable(),
  champion: championSchema.nullable(),
  engineerMonths: engineerMonthsText.nullable(),
};

export const opportunityInputSchema = z
  .strictObject({
    organizationId: z.uuid(),
    title: details.title,
    stage: z.enum(openStages).default('lead'),
    amount: details.amount,
    currency: details.currency,
    expectedCloseOn: details.expectedCloseOn,
    probabilityPercent: details.probabilityPercent.optional(),
    nextStep: details.nextStep.optional(),
    nextStepOn: details.nextStepOn.optional(),
    champion: details.champion.optional(),
    engineerMonths: details.engineerMonths.optional(),
  })
  .meta({ id: 'NewOpportunity' });

export const opportunityPatchSchema = z
  .strictObject({
    title: details.title.optional(),
    amount: details.amount.optional(),
    currency: details.currency.optional(),
    expectedCloseOn: details.expectedCloseOn.optional(),
    probabilityPercent: details.probabilityPercent.optional(),
    nextStep: details.nextStep.optional(),
    nextStepOn: details.nextStepOn.optional(),
    champion: details.champion.optional(),
    engineerMonths: details.engineerMonths.optional(),
  })
  .refine((p) => (p.currency === undefined) === (p.amount === undefined), {
    ...schemaWords('amountWithCurrency'),
    path: ['currency'],
  })
  .meta({ id: 'OpportunityPatch' });

/**
 * Moving an opportunity to a stage. Lost needs a reason, since "why did we lose" is what the
 * pipeline teaches: the rule is the schema's, so the board's move form refuses a lost deal
 * without one before sending, in the route's words.
 */
export const moveInputSchema = z
  .strictObject({
    stage: z.enum(stages),
    /** Required when the stage is `lost`. */
    reason: z.string().trim().max(1000).optional(),
    /** The stage's default when absent. */
    probabilityPercent: z.number().int().min(0).max(100).optional(),
  })
  .refine((m) => m.stage !== 'lost' || Boolean(m.reason), {
    ...schemaWords('lostNeedsReason'),
    path: ['reason'],
  })
  .meta({ id: 'OpportunityMove' });

/** An amount in the currency's minor units; more decimals than it has is refused, not rounded. */
export function minorOf(amount: string, currency: string, pointer: string): bigint {
  try {
    return parseAmount(amount, currency);
  } catch (error) {
    if (!(error instanceof AmountError)) throw error;
    throw amountRefusal(amount, currency, pointer, error.message);
  }
}

/** "2.5" engineer-months as 25 tenths. */
export function tenthsOf(months: string): number {
  const [whole, tenth = '0'] = months.split('.');
  return Number(whole) * 10 + Number(tenth);
}

/** 25 tenths as "2.5". */
export const monthsOfTenths = (tenths: number): string =>
  `${Math.floor(tenths / 10)}.${tenths % 10}`;
