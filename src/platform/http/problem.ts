import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type FieldError, type ProblemFact } from '../errors.ts';
import { requestLocale } from '../i18n/locales.ts';
import { localizedFieldErrors, localizedIssue, problemText } from './problemMessages.ts';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(
        z.object({
          pointer: z.string(),
          message: z.string(),
          code: z
            .string()
            .optional()
            .describe(
              'What is wrong with this field, as a stable code a client can word in its own language (e.g. `amount.decimals`); the message says it in English',
            ),
          params: z
            .record(z.string(), z.union([z.string(), z.number()]))
            .optional()
            .describe('The figures the field code’s sentence needs'),
        }),
      )
      .optional(),
    code: z
      .string()
      .optional()
      .describe(
        'What went wrong, as a stable code a client can word in its own language (e.g. `poll.closed`); the detail says it in English',
      ),
    params: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .optional()
      .describe('The figures the code’s sentence needs (days, names, counts, amounts)'),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

const problemType = (code: string) => `https://hackers.coop/problems/${code}`;

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  title: string,
  detail: string,
  errors: FieldError[] = [],
  fact?: ProblemFact,
) {
  return reply
    .status(status)
    .type('application/problem+json')
    .send(
      JSON.stringify({
        type: problemType(code),
        title,
        status,
        detail,
        instance: request.url,
        ...(errors.length > 0 ? { errors } : {}),
        ...(fact ? { code: fact.code, params: fact.params } : {}),
      }),
    );
}

/** Every error leaves as RFC 9457 problem+json; validation errors name each field by JSON pointer. */
export function problemHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const locale = requestLocale(request.headers['accept-language']);
  if (error instanceof AppError)
    return send(
      reply,
      request,
      error.status,
      error.code,
      error.title,
      error.message,
      // A field error in a schema's or a parser's own words (an amount's decimals) reads in the
      // request's language, like a schema's issue; the detail stays English, as the code's.
      localizedFieldErrors(locale, error.errors),
      error.fact,
    );
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const errors = error.validation.map((v) => ({
      pointer: `/${where}${v.instancePath}`.replace(/\/$/, ''),
      message: localizedIssue(locale, v.keyword, v.params, v.message),
    }));
    return send(
      reply,
      request,
      400,
      'validation',
      problemText(locale, 'invalidInput'),
      errors.map((e) => `${e.pointer}: ${e.message}`).join('; '),
      errors,
    );
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return send(
      reply,
      request,
      error.statusCode,
      error.code?.toLowerCase() ?? 'bad-request',
      STATUS_CODES[error.statusCode] ?? 'Bad request',
      error.message,
    );
  }
  request.log.error({ err: error }, 'unhandled error');
  return send(
    reply,
    request,
    500,
    'internal',
    problemText(locale, 'internal'),
    problemText(locale, 'internalDetail'),
  );
}
