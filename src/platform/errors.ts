export interface FieldError {
  /** JSON pointer to the field at fault, e.g. `/pie/sponsors` or `/lines/3/email`. */
  pointer: string;
  message: string;
}

/** An error a person can act on; HTTP renders it as RFC 9457 problem+json, the CLI as text. */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly errors: FieldError[];
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
}

export const badRequest = (detail: string, errors: FieldError[] = []) =>
  new AppError(400, 'validation', 'Invalid input', detail, errors);
export const unauthorized = (detail = 'Sign in to continue.') =>
  new AppError(401, 'unauthorized', 'Not signed in', detail);
export const forbidden = (detail = 'You are not allowed to do this.') =>
  new AppError(403, 'forbidden', 'Forbidden', detail);
export const notFound = (what: string) =>
  new AppError(404, 'not-found', 'Not found', `${what} does not exist.`);
export const conflict = (detail: string, errors: FieldError[] = []) =>
  new AppError(409, 'conflict', 'Conflict', detail, errors);
export const gone = (detail: string) => new AppError(410, 'gone', 'No longer valid', detail);
export const tooManyRequests = (detail: string) =>
  new AppError(429, 'too-many-requests', 'Too many failed attempts', detail);
