import { keepPreviousData, useQuery as useCachedQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, type GetAnswer, type GetArgs, type GetPath } from '../api/client.ts';
import { toApiError, type ApiError } from './api.ts';
import { currentLocale } from './i18n.ts';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  /** True while an answer is on its way (older data stays shown meanwhile). */
  loading: boolean;
  reload: () => void;
}

/**
 * GETs an operation, `useQuery('/api/polls/{id}', { params: { path: { id } } })`, and keeps
 * its typed answer in the app's cache (queryClient.ts); a null path waits. Changing the path or
 * parameters aborts the old request and shows the old answer until the new one arrives.
 */
export function useQuery<P extends GetPath>(
  path: P | null,
  ...[init]: GetArgs<P>
): QueryState<GetAnswer<P>> {
  const params: unknown = init?.params ?? {};
  const query = useCachedQuery<GetAnswer<P>, ApiError>({
    // Answers in words (problems, the event catalogue) follow Accept-Language: the cache keeps
    // them per language, or a switch would show the old language's answer while it is fresh.
    queryKey: [path, params, currentLocale()],
    enabled: path !== null,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => {
      // The same init with the abort signal added: TypeScript cannot follow a generic P here.
      const args = [{ ...init, signal }] as unknown as GetArgs<P>;
      return api.get(path as P, ...args).catch((error: unknown) => {
        throw toApiError(error);
      });
    },
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  return {
    data: query.data,
    error: query.isPlaceholderData ? undefined : (query.error ?? undefined),
    loading: path !== null && query.isFetching,
    reload,
  };
}
