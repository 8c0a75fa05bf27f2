import { QueryClient } from '@tanstack/react-query';
import type { ApiError } from './api.ts';

/**
 * The app's one cache of server answers (TanStack Query). A page visited again shows what it
 * showed and refreshes behind it; every change the member makes (any POST, PATCH or DELETE,
 * see api/client.ts) refreshes or drops every answer, so no page shows what the change replaced.
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

/**
 * After a change: what is on screen is fetched again; the rest is dropped, so a page shown next
 * waits for its fresh answer rather than flashing what the change replaced (a removed
 * repository, an old name) until the refetch lands.
 */
export function invalidateAll(): void {
  queryClient.removeQueries({ type: 'inactive' });
  void queryClient.invalidateQueries({ type: 'active' });
}
