import type { AppError } from '../../../src/platform/errors.ts';
import { localizedFieldErrors } from '../../../src/platform/http/problemMessages.ts';
import type { components } from '../api/schema.d.ts';
import { currentLocale } from './i18n.ts';
import { t } from './messages.ts';
import { fieldMessage, knowsProblem, problemMessage } from './problemMessages.ts';

/** The API's errors as the screens show them: problem+json, field errors by pointer. */

/** RFC 9457 problem details, as every error of the API is. */
export type Problem = components['schemas']['Problem'];
export type FieldError = NonNullable<Problem['errors']>[number];

/**
 * "/body/admin/email" -> "admin.email"; "/email" -> "email"; "/lines/3/email" -> "lines.3.email".
 * Validation errors name the request part (/body, /query, /params); command errors do not.
 */
export function fieldKey(pointer: string): string {
  const parts = pointer
    .split('/')
    .filter((p) => p !== '')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (parts[0] === 'body' || parts[0] === 'query' || parts[0] === 'params') parts.shift();
  return parts.join('.');
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** The first message per field key (see fieldKey). */
  readonly fieldErrors: Readonly<Record<string, string>>;

  constructor(problem: Problem) {
    // In the reader's language when the server named the problem with a code the web knows.
    super(problemMessage(problem));
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    const fields: Record<string, string> = {};
    // A conflict the web words itself says the same beside its field, in the member's language,
    // unless the field names its own problem (one of a form's several, an import's line).
    const worded = problem.code && knowsProblem(problem.code) ? this.message : undefined;
    for (const error of problem.errors ?? []) {
      const key = fieldKey(error.pointer);
      fields[key] ??=
        error.code && knowsProblem(error.code) ? fieldMessage(error) : (worded ?? error.message);
    }
    this.fieldErrors = fields;
  }
}

/** An error raised in the browser before asking the server, shaped like the server's. */
export function localProblem(detail: string, fields: Record<string, string> = {}): ApiError {
  return new ApiError({
    type: 'about:blank',
    title: t('errors.invalidInput'),
    status: 400,
    detail,
    errors: Object.entries(fields).map(([key, message]) => ({
      pointer: '/' + key.split('.').join('/'),
      message,
    })),
  });
}

/**
 * A command's refusal, made in the browser by the command's own check before asking the server
 * (a ballot by the poll's method, which the route's schema cannot know): its field errors by
 * field key, in the member's language, exactly as they read when the server refuses it.
 */
export function refusalFieldErrors(refusal: AppError): Record<string, string> {
  return {
    ...new ApiError({
      type: 'about:blank',
      title: refusal.title,
      status: refusal.status,
      detail: refusal.message,
      errors: localizedFieldErrors(currentLocale(), refusal.errors),
      ...(refusal.fact ? { code: refusal.fact.code, params: refusal.fact.params } : {}),
    }).fieldErrors,
  };
}

/**
 * The same problem with its fields renamed by their first key ("bylawsDocument" -> "document"),
 * for a form that sends its fields to an endpoint that names them differently.
 */
export function renameFields(error: unknown, names: Record<string, string>): unknown {
  if (!(error instanceof ApiError)) return error;
  return new ApiError({
    ...error.problem,
    errors: error.problem.errors?.map((e) => {
      const [first = '', ...rest] = fieldKey(e.pointer).split('.');
      return { ...e, pointer: '/' + [names[first] ?? first, ...rest].join('/') };
    }),
  });
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({
    type: 'about:blank',
    title: t('errors.somethingWrong'),
    status: 0,
    detail:
      error instanceof Error && error.message
        ? t('errors.somethingWrongBecause', { message: error.message })
        : t('errors.somethingWrongDetail'),
  });
}

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).status === 'number' &&
    typeof (value as Problem).title === 'string'
  );
}

/** The parameters with a value: a cleared field ('') or a missing one (null) is left out. */
export function compact<T extends Record<string, unknown>>(
  params: T,
): { [K in keyof T]?: Exclude<T[K], null | ''> } {
  return Object.fromEntries(
    Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as { [K in keyof T]?: Exclude<T[K], null | ''> };
}

/** Builds "?a=1&b=2" from the defined, non-empty values, for links the browser follows. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(compact(params))) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
