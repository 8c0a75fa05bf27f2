import { compact } from '../app/api.ts';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'wouter';

import {
  classLabel,
  formatDate,
  memberClasses,
  memberStatuses,
  statusLabel,
} from '../app/format.ts';
import { SelectField, TextField } from '../app/forms.tsx';
import { LoadError, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';

const pageSize = 25;

const classOptions = [
  { value: '', label: 'All classes' },
  ...memberClasses.map((c) => ({ value: c, label: classLabel(c) })),
];
const statusOptions = [
  { value: '', label: 'All statuses' },
  ...memberStatuses.map((s) => ({ value: s, label: statusLabel(s) })),
];

/** The member directory: search, filters and pages live in the address, so Back works. */
export function Directory() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const memberClass = params.get('class') ?? '';
  const status = params.get('status') ?? '';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const [text, setText] = useState(q);

  const update = (changes: Record<string, string>, replace = false) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace },
    );
  };

  // Typing searches after a short pause; the address is replaced, not stacked, meanwhile.
  useEffect(() => {
    if (text.trim() === q) return;
    const timer = setTimeout(() => update({ q: text.trim() }, true), 350);
    return () => clearTimeout(timer);
  }, [text]);

  const result = useQuery('/api/members', {
    params: {
      query: compact({
        q,
        class: memberClasses.find((c) => c === memberClass),
        status: memberStatuses.find((s) => s === status),
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
    },
  });
  const data = result.data;
  const members = data?.members ?? [];
  const total = data?.total ?? 0;
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const showEmail = members.some((m) => m.email !== null);

  let summary = '';
  if (result.loading) summary = 'Searching…';
  else if (data)
    summary =
      total === 0
        ? 'No members match.'
        : `Showing ${first}–${last} of ${total} member${total === 1 ? '' : 's'}.`;

  return (
    <Page title="Members">
      <form
        role="search"
        aria-label="Members"
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: text.trim() });
        }}
      >
        <TextField
          label="Search"
          type="search"
          hint="By name (officers can also search by email)."
          value={text}
          onChange={setText}
          className="grow"
        />
        <SelectField
          label="Class"
          value={memberClass}
          onChange={(v) => update({ class: v })}
          options={classOptions}
        />
        <SelectField
          label="Status"
          value={status}
          onChange={(v) => update({ status: v })}
          options={statusOptions}
        />
        <div className="filters-submit">
          <button type="submit" className="button">
            Search
          </button>
        </div>
      </form>

      <p className="result-summary" role="status">
        {summary}
      </p>
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}

      {members.length > 0 ? (
        <table className="responsive-table directory" aria-busy={result.loading || undefined}>
          <caption className="visually-hidden">
            Members{q ? ` matching “${q}”` : ''}, page {page} of {pages}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Class</th>
              <th scope="col">Status</th>
              <th scope="col">Organization</th>
              {showEmail ? <th scope="col">Email</th> : null}
              <th scope="col">Joined</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.personId}>
                <td data-label="Name" className="cell-title">
                  <Link href={`/members/${m.personId}`}>{m.displayName}</Link>
                  {m.isAdmin ? <span className="badge">Admin</span> : null}
                </td>
                <td data-label="Class">{classLabel(m.memberClass)}</td>
                <td data-label="Status">
                  <span className={`status status-${m.status}`}>{statusLabel(m.status)}</span>
                </td>
                <td data-label="Organization">
                  {m.organizationId && m.organizationName ? (
                    <Link href={`/organizations/${m.organizationId}`}>{m.organizationName}</Link>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                {showEmail ? (
                  <td data-label="Email" className="cell-email">
                    {m.email ?? <span className="muted">—</span>}
                  </td>
                ) : null}
                <td data-label="Joined">{formatDate(m.joinedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {pages > 1 ? (
        <nav className="pager" aria-label="Pages of members">
          <button
            type="button"
            className="button"
            disabled={page <= 1}
            onClick={() => update({ page: String(page - 1) })}
          >
            <span aria-hidden="true">← </span>Previous
          </button>
          <span className="pager-position">
            Page {page} of {pages}
          </span>
          <button
            type="button"
            className="button"
            disabled={page >= pages}
            onClick={() => update({ page: String(page + 1) })}
          >
            Next<span aria-hidden="true"> →</span>
          </button>
        </nav>
      ) : null}
    </Page>
  );
}
