/**
 * The web app's one client of the API: openapi-fetch over the types generated from the
 * server's OpenAPI document (schema.d.ts), so paths, parameters, bodies and answers are
 * checked against the routes' own schemas. It sends the session's CSRF token, and turns every
 * failure into the ApiError the screens show (problem+json as the server sent it).
 */
import createClient, {
  type ClientPathsWithMethod,
  type MaybeOptionalInit,
  type MethodResponse,
} from 'openapi-fetch';
import { ApiError, isProblem } from '../app/api.ts';
import type { components, paths } from './schema.d.ts';
import { t } from '../app/messages.ts';
import { invalidateAll } from '../app/queryClient.ts';
import { currentLocale } from '../app/i18n.ts';

export type Schemas = components['schemas'];

// The app reads JSON; the CSV, PDF and other file answers are links the browser follows.
const client = createClient<paths, 'application/json'>({
  credentials: 'same-origin',
  headers: { accept: 'application/json' },
});

let csrfToken: string | null = null;

/** The session's CSRF token, sent with every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

client.use({
  onRequest({ request }) {
    if (request.method !== 'GET' && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    // The server answers problems (validation messages) in the member's language.
    request.headers.set('accept-language', currentLocale());
    return request;
  },
});

type Client = typeof client;
type Method = 'get' | 'post' | 'patch' | 'delete';
type PathOf<M extends Method> = ClientPathsWithMethod<Client, M>;
type InitOf<M extends Method, P extends PathOf<M>> = MaybeOptionalInit<
  paths[P],
  M & keyof paths[P]
>;
/** The request's parameters and body, optional when the operation needs none. */
type Args<M extends Method, P extends PathOf<M>> =
  undefined extends InitOf<M, P> ? [init?: InitOf<M, P>] : [init: InitOf<M, P>];
/** What the operation answers on success (undefined for a 204). */
export type Answer<M extends Method, P extends PathOf<M>> = MethodResponse<Client, M, P>;

const networkError = () =>
  new ApiError({
    type: 'about:blank',
    title: t('errors.networkTitle'),
    status: 0,
    detail: t('errors.network'),
  });

async function call<M extends Method, P extends PathOf<M>>(
  method: M,
  path: P,
  init: InitOf<M, P> | undefined,
): Promise<Answer<M, P>> {
  let result: { data?: unknown; error?: unknown; response: Response };
  try {
    // openapi-fetch's overloads need the literal method; the path and init are checked above.
    const send = client.request as (
      method: string,
      path: string,
      init?: object,
    ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
    result = await send(method, path, init);
  } catch (error) {
    if (init?.signal?.aborted) throw error;
    throw networkError();
  }
  const { response } = result;
  if (!response.ok) {
    if (response.status === 401) window.dispatchEvent(new Event('coop:unauthorized'));
    throw new ApiError(
      isProblem(result.error)
        ? result.error
        : {
            type: 'about:blank',
            title: response.statusText || 'Error',
            status: response.status,
            detail: `The server answered ${response.status} ${response.statusText}.`.trim(),
          },
    );
  }
  // A change anywhere can change what any page shows: the cache refreshes what is on screen.
  if (method !== 'get') invalidateAll();
  return result.data as Answer<M, P>;
}

/**
 * `api.get('/api/polls/{id}', { params: { path: { id } } })`: the answer, or an ApiError.
 * Paths are the OpenAPI templates, so a screen names an operation, not a string it builds.
 */
export const api = {
  get: <P extends PathOf<'get'>>(path: P, ...[init]: Args<'get', P>) => call('get', path, init),
  post: <P extends PathOf<'post'>>(path: P, ...[init]: Args<'post', P>) => call('post', path, init),
  patch: <P extends PathOf<'patch'>>(path: P, ...[init]: Args<'patch', P>) =>
    call('patch', path, init),
  delete: <P extends PathOf<'delete'>>(path: P, ...[init]: Args<'delete', P>) =>
    call('delete', path, init),
};

export type GetPath = PathOf<'get'>;
export type GetArgs<P extends GetPath> = Args<'get', P>;
export type GetAnswer<P extends GetPath> = Answer<'get', P>;

/**
 * A form's body as the member filled it in, an empty required field included: the server's
 * validation answers with that field's error, which the form shows beside the field, so the
 * web app does not repeat the server's rule (nor its message) to satisfy the request type.
 */
export function asEntered<T>(body: unknown): NonNullable<T> {
  return body as NonNullable<T>;
}
