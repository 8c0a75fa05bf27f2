/** The figures a problem's sentence is made of, so a client can say it in its own language. */
export type ProblemParams = Record<string, string | number>;

export interface FieldError {
  /** JSON pointer to the field at fault, e.g. `/pie/sponsors` or `/lines/3/email`. */
  pointer: string;
  /** In English; a client that knows `code` says it in the reader's language instead. */
  message: string;
  /** What is wrong with this one field, as a ProblemFact's code (`amount.decimals`). */
  code?: string;
  params?: ProblemParams;
}

/**
 * What went wrong as a fact rather than an English sentence: a stable code ("poll.closed")
 * and the figures the sentence needs. A client that knows the code words it in the reader's
 * language; one that does not shows the detail.
 */
export interface ProblemFact {
  code: string;
  params: ProblemParams;
}

/** An error a person can act on; HTTP renders it as RFC 9457 problem+json, the CLI as text. */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly errors: FieldError[];
  fact: ProblemFact | undefined;
  constructor(
    status: number,
    code: string,
    title: string,
    detail: string,
    errors: FieldError[] = [],
  ) {
    super(detail);
    this.status = status;
    this.code = code;
    this.title = title;
    this.errors = errors;
  }

  /** Names the problem for clients that word it themselves (see ProblemFact). */
  because(code: string, params: ProblemParams = {}): this {
    this.fact = { code, params };
    return this;
  }
}

export const badRequest = (detail: string, errors: FieldError[] = []) =>
  new AppError(400, 'validation', 'Invalid input', detail, errors);
export const unauthorized = (detail = 'Sign in to continue.') =>
  new AppError(401, 'unauthorized', 'Not signed in', detail);
export const forbidden = (detail = 'You are not allowed to do this.') =>
  new AppError(403, 'forbidden', 'Forbidden', detail);
/** Named `not-found` so the web says it in the member's language; `what` is English. */
export const notFound = (what: string) =>
  new AppError(404, 'not-found', 'Not found', `${what} does not exist.`).because('not-found');
export const conflict = (detail: string, errors: FieldError[] = []) =>
  new AppError(409, 'conflict', 'Conflict', detail, errors);
export const gone = (detail: string) => new AppError(410, 'gone', 'No longer valid', detail);
export const tooManyRequests = (detail: string) =>
  new AppError(429, 'too-many-requests', 'Too many failed attempts', detail);
