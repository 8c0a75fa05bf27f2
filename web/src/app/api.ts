/** The JSON API client: CSRF header, problem+json errors, field errors by pointer. */

export interface FieldError {
  pointer: string;
  message: string;
}

/** RFC 9457 problem details, as every error of the API is. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
}

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
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    const fields: Record<string, string> = {};
    for (const error of problem.errors ?? []) {
      const key = fieldKey(error.pointer);
      fields[key] ??= error.message;
    }
    this.fieldErrors = fields;
  }
}

/** An error raised in the browser before asking the server, shaped like the server's. */
export function localProblem(detail: string, fields: Record<string, string> = {}): ApiError {
  return new ApiError({
    type: 'about:blank',
    title: 'Invalid input',
    status: 400,
    detail,
    errors: Object.entries(fields).map(([key, message]) => ({
      pointer: '/' + key.split('.').join('/'),
      message,
    })),
  });
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
    title: 'Something went wrong',
    status: 0,
    detail:
      error instanceof Error && error.message
        ? `Something went wrong: ${error.message}`
        : 'Something went wrong. Please try again.',
  });
}

let csrfToken: string | null = null;

/** The session's CSRF token, sent with every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).status === 'number' &&
    typeof (value as Problem).title === 'string'
  );
}

export async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      credentials: 'same-origin',
      signal: signal ?? null,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      detail: 'Could not reach the co-op server. Check your connection and try again.',
    });
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!response.ok) {
    if (response.status === 401) window.dispatchEvent(new Event('coop:unauthorized'));
    throw new ApiError(
      isProblem(json)
        ? json
        : {
            type: 'about:blank',
            title: response.statusText || 'Error',
            status: response.status,
            detail: `The server answered ${response.status} ${response.statusText}.`.trim(),
          },
    );
  }
  return json as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal),
  post: <T = void>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T = void>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: (path: string) => request<undefined>('DELETE', path),
};

/** Builds "?a=1&b=2" from the defined, non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
