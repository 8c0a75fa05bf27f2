import { QueryClient } from '@tanstack/react-query';
import type { ApiError } from './api.ts';

/**
 * The app's one cache of server answers (TanStack Query). A page visited again shows what it
 * showed and refreshes behind it; every change the member makes (any POST, PATCH or DELETE,
 * see api/client.ts) marks the whole cache stale, so no page shows what the change replaced.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Answers are fresh for a moment: two components asking for one thing share one request.
      staleTime: 2_000,
      // A 4xx will not change by asking again; a network error or 5xx gets one retry.
      retry: (failures, error) => failures < 1 && ((error as ApiError).status ?? 0) >= 500,
      refetchOnWindowFocus: true,
    },
  },
});

/** After a change: what is on screen is fetched again, the rest when next shown. */
export function invalidateAll(): void {
  void queryClient.invalidateQueries();
}
