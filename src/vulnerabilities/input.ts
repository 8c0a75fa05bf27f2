import { z } from 'zod';
import { identifierKind, normaliseIdentifier } from './identifiers.ts';
import { vulnerabilitySeverities } from './severities.ts';
import { schemaWords } from '../platform/http/validationMessages.ts';

export const identifierSchema = z
  .string()
  .transform(normaliseIdentifier)
  .refine((id) => identifierKind(id) !== null, schemaWords('vulnerabilityId'));

export const vulnerabilityInputSchema = z.strictObject({
  title: z.string().trim().min(3).max(200),
  identifiers: z.array(identifierSchema).min(1).max(20),
  severity: z.enum(vulnerabilitySeverities),
  summary: z.string().trim().max(5000).default(''),
  affected: z
    .array(
      z.strictObject({
        project: z.string().trim().min(1).max(200),
        versions: z.string().trim().min(1).max(200),
      }),
    )
    .min(1)
    .max(50),
  embargoUntil: z.iso.datetime({ offset: true }).nullable().optional(),
});
