import { useQuery } from '../app/useQuery.ts';

/** The signed-in member's own record this year: what community patronage counts. */
export function MyContributions({ personId }: { personId: string | null }) {
  const record = useQuery(personId ? '/api/contributions/members/{id}' : null, {
    params: { path: { id: personId ?? '' } },
  });
  if (!personId || !record.data) return null;
  const r = record.data.record;
  return (
    <section aria-labelledby="mine-heading" className="card">
      <h2 id="mine-heading">Your contributions since {record.data.from}</h2>
      {!r || r.commits + r.signoffs + r.reviews + r.coAuthorships === 0 ? (
        <p className="muted">
          None yet. Commits count once their author’s email is one of your verified addresses.
        </p>
      ) : (
        <dl className="figures">
          <dt>Commits</dt>
          <dd>{r.commits}</dd>
          <dt>Sign-offs</dt>
          <dd>{r.signoffs}</dd>
          <dt>Co-authored</dt>
          <dd>{r.coAuthorships}</dd>
          <dt>Reviews</dt>
          <dd>{r.reviews}</dd>
          <dt>Lines added / removed</dt>
          <dd>
            {r.linesAdded} / {r.linesDeleted}
          </dd>
          <dt>Median time to integration</dt>
          <dd>{r.medianLatencyHours === null ? '—' : `${r.medianLatencyHours} h`}</dd>
        </dl>
      )}
    </section>
  );
}
