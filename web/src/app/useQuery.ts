import { useCallback, useEffect, useState } from 'react';
import { api, type GetAnswer, type GetArgs, type GetPath } from '../api/client.ts';
import { toApiError, type ApiError } from './api.ts';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  /** True until the answer for the current request arrives (older data stays shown meanwhile). */
  loading: boolean;
  reload: () => void;
}

/**
 * GETs an operation, `useQuery('/api/polls/{id}', { params: { path: { id } } })`, and keeps
 * its typed answer; a null path waits. Changing the path or parameters aborts the old request.
 */
export function useQuery<P extends GetPath>(
  path: P | null,
  ...[init]: GetArgs<P>
): QueryState<GetAnswer<P>> {
  const [state, setState] = useState<{ key: string; data?: GetAnswer<P>; error?: ApiError }>({
    key: '',
  });
  const [nonce, setNonce] = useState(0);
  // The parameters are plain data: their JSON names the request.
  const request = path === null ? '' : `${path} ${JSON.stringify(init?.params ?? {})}`;
  const key = path === null ? '' : `${nonce}:${request}`;

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    const requestKey = `${nonce}:${request}`;
    // The same init with the abort signal added: TypeScript cannot follow a generic P here.
    const args = [{ ...init, signal: controller.signal }] as unknown as GetArgs<P>;
    api.get(path, ...args).then(
      (data) => setState({ key: requestKey, data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((old) => ({ key: requestKey, data: old.data, error: toApiError(error) }));
      },
    );
    return () => controller.abort();
    // `request` stands for path and init: a new object with the same parameters is no change.
  }, [request, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const current = state.key === key;
  return {
    data: state.data,
    error: current ? state.error : undefined,
    loading: path !== null && !current,
    reload,
  };
}
