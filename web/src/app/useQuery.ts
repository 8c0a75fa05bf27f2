import { useCallback, useEffect, useState } from 'react';
import { api, toApiError, type ApiError } from './api.ts';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  /** True until the answer for the current path arrives (older data stays shown meanwhile). */
  loading: boolean;
  reload: () => void;
}

/** GETs a path and keeps the answer; a null path waits. Changing the path aborts the old one. */
export function useQuery<T>(path: string | null): QueryState<T> {
  const [state, setState] = useState<{ key: string; data?: T; error?: ApiError }>({ key: '' });
  const [nonce, setNonce] = useState(0);
  const key = path === null ? '' : `${nonce}:${path}`;

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    const requestKey = `${nonce}:${path}`;
    api.get<T>(path, controller.signal).then(
      (data) => setState({ key: requestKey, data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((old) => ({ key: requestKey, data: old.data, error: toApiError(error) }));
      },
    );
    return () => controller.abort();
  }, [path, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const current = state.key === key;
  return {
    data: state.data,
    error: current ? state.error : undefined,
    loading: path !== null && !current,
    reload,
  };
}
