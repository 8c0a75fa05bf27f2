import type { FastifyInstance } from 'fastify';
import { badRequest, type AppError } from '../errors.ts';
import { jsonReason } from '../reasons.ts';

/**
 * Why a body sent as JSON was refused, and where: Fastify's own refusal names neither ("Body is
 * not valid JSON"). A body JSON.parse takes was refused for a `__proto__` or
 * `constructor.prototype` key (prototype poisoning).
 */
export function jsonBodyRefusal(raw: string): AppError {
  // Fastify reads past a byte-order mark; so does this, counting columns as an editor shows
  // them (without it).
  const body = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  try {
    JSON.parse(body);
  } catch (error) {
    const reason = jsonReason(body, error);
    return badRequest(`The body is not JSON: ${reason.reason}`).because('body.not-json', reason);
  }
  return badRequest(
    'The body holds a "__proto__" or "constructor.prototype" key, which is refused.',
  ).because('body.forbidden-key');
}

/**
 * Fastify's JSON parser (with its prototype-poisoning checks and size limit), whose refusal of a
 * malformed body says where the text goes wrong, in the problem's facts for the web to word.
 */
export function parseJsonBodies(
  app: Pick<
    FastifyInstance,
    'getDefaultJsonParser' | 'removeContentTypeParser' | 'addContentTypeParser'
  >,
): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parse(request, body as string, (error: (Error & { code?: string }) | null, value?: unknown) => {
      if (error?.code === 'FST_ERR_CTP_INVALID_JSON_BODY')
        done(jsonBodyRefusal(body as string), undefined);
      else if (error) done(error, undefined);
      else done(null, value);
    });
  });
}
