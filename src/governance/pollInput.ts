import { z } from 'zod';
import { effectiveOnSchema } from '../bylaws/amendmentInput.ts';
import { bylawsDocumentSchema } from '../bylaws/document.ts';
import { budgetLineSchema } from '../finance/reports/budgetInput.ts';
import { memberClasses } from '../members/memberClasses.ts';
import { schemaWords } from '../platform/http/validationMessages.ts';
import { thresholds } from './methods.ts';

// What the routes putting a proposal or an election to the members take. No database code here:
// the votes page's forms check their input with these very objects; the bylaws' rules for each
// kind of question (quorum, electorate, majority) stay the command's to check.

const when = z.object({ opensAt: z.coerce.date(), closesAt: z.coerce.date() });
const afterOpening = (p: { opensAt: Date; closesAt: Date }) => p.closesAt > p.opensAt;

export const proposalInputSchema = z
  .strictObject({
    title: z.string().trim().min(3).max(300),
    body: z.string().max(50_000).default(''),
    method: z.enum(['yes-no', 'approval', 'score', 'ranked']),
    options: z.array(z.string().trim().min(1).max(300)).max(100).default([]),
    seats: z.number().int().min(1).max(50).default(1),
    /** Stricter than the bylaws' majority for this kind of question, or left to them. */
    threshold: z.enum(thresholds).optional(),
    /** Fixed by the bylaws for each kind of question: given, it must be theirs. */
    electorate: z.array(z.enum(memberClasses)).max(3).optional(),
    /** At least the bylaws' quorum for this kind of question, or left to them. */
    quorumPercent: z.number().int().min(0).max(100).optional(),
    /** Fixed by the bylaws for each kind of question: given, it must be theirs. */
    classBalanced: z.boolean().optional(),
    secret: z.boolean().default(false),
    /** A bylaw amendment: the whole proposed document, adopted if the proposal passes. */
    bylawsDocument: bylawsDocumentSchema.optional(),
    /** When a passed amendment takes effect; the day of the close if that is later. */
    bylawsEffectiveOn: effectiveOnSchema.optional(),
    /** A budget: lines adopted as the co-op's budgets if the proposal passes. */
    budget: z.array(budgetLineSchema).min(1).max(500).optional(),
    ...when.shape,
  })
  .refine(afterOpening, {
    ...schemaWords('pollClosesAfterOpening'),
    path: ['closesAt'],
  })
  .refine((p) => p.method === 'yes-no' || p.options.length >= 2, {
    ...schemaWords('twoOptions'),
    path: ['options'],
  })
  .refine((p) => !p.bylawsDocument || p.method === 'yes-no', {
    ...schemaWords('amendmentIsYesNo'),
    path: ['method'],
  })
  .refine((p) => !p.bylawsEffectiveOn || p.bylawsDocument, {
    ...schemaWords('onlyAmendmentTakesEffect'),
    path: ['bylawsEffectiveOn'],
  })
  .refine((p) => !p.budget || p.method === 'yes-no', {
    ...schemaWords('budgetIsYesNo'),
    path: ['method'],
  })
  .refine((p) => !p.budget || !p.bylawsDocument, {
    ...schemaWords('budgetAndAmendmentApart'),
    path: ['budget'],
  })
  .meta({ id: 'NewProposal' });

export const electionInputSchema = z
  .strictObject({
    officeRole: z.string().min(1).max(100),
    seats: z.number().int().min(1).max(50).default(1),
    method: z.enum(['schulze', 'irv', 'scottish-stv', 'meek-stv', 'approval']),
    /** Fixed by the bylaws' rules for elections: given, it must be theirs. */
    electorate: z.array(z.enum(memberClasses)).max(3).optional(),
    /** At least the bylaws' quorum for elections, or left to them. */
    quorumPercent: z.number().int().min(0).max(100).optional(),
    /** Secret where the bylaws leave it open; never open where they make it secret. */
    secret: z.boolean().optional(),
    ...when.shape,
  })
  .refine(afterOpening, {
    ...schemaWords('electionClosesAfterOpening'),
    path: ['closesAt'],
  })
  .refine((e) => e.method !== 'irv' || e.seats === 1, {
    ...schemaWords('irvOneSeat'),
    path: ['seats'],
  })
  .meta({ id: 'NewElection' });
