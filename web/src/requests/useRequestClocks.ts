import { useMemo } from 'react';
import type { Schemas } from '../api/client.ts';
import { useCan } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';

export type Clock = Schemas['ServiceClock'];

/**
 * The service-level clocks of sponsors' requests by request id, for those who may read clocks
 * (officers every sponsor's, a representative their own); null for those who may not, so that
 * a screen shows no link to a page that would refuse them.
 */
export function useRequestClocks(organizationId: string | null): Map<string, Clock[]> | null {
  const can = useCan();
  const allowed = !!(can?.readAllClocks || can?.readOwnClocks);
  const clocks = useQuery(allowed ? '/api/service-clocks' : null, {
    params: { query: organizationId ? { organizationId } : {} },
  });
  return useMemo(() => {
    if (!allowed) return null;
    const byRequest = new Map<string, Clock[]>();
    for (const clock of clocks.data?.clocks ?? []) {
      if (clock.subjectType !== 'sponsor-request') continue;
      const list = byRequest.get(clock.subjectId) ?? [];
      list.push(clock);
      byRequest.set(clock.subjectId, list);
    }
    // In the order they started: a reopened request's new clocks after the ones they follow.
    for (const list of byRequest.values())
      list.sort(
        (a, b) => String(a.startedAt).localeCompare(String(b.startedAt)) || a.sequence - b.sequence,
      );
    return byRequest;
  }, [allowed, clocks.data]);
}
