import { SearchX } from 'lucide-react';
import { compact } from '../app/api.ts';
import { EmptyState } from '../app/EmptyState.tsx';
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
import { t } from './messages.ts';

const pageSize = 25;

const classOptions = () => [
  { value: '', label: t('directory.allClasses') },
  ...memberClasses.map((c) => ({ value: c, label: classLabel(c) })),
];
const statusOptions = () => [
  { value: '', label: t('directory.allStatuses') },
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

  const nothingMatches = Boolean(
    data && total === 0 && !result.loading && (q || memberClass || status),
  );
  let summary = '';
  if (result.loading) summary = t('directory.searching');
  else if (data)
    summary =
      total === 0 ? t('directory.none') : t('directory.showing', { first, last, count: total });

  return (
    <Page title={t('directory.title')}>
      <form
        role="search"
        aria-label={t('directory.title')}
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: text.trim() });
        }}
      >
        <TextField
          label={t('directory.search')}
          type="search"
          hint={t('directory.searchHint')}
          value={text}
          onChange={setText}
          className="grow"
        />
        <SelectField
          label={t('directory.class')}
          value={memberClass}
          onChange={(v) => update({ class: v })}
          options={classOptions()}
        />
        <SelectField
          label={t('directory.status')}
          value={status}
          onChange={(v) => update({ status: v })}
          options={statusOptions()}
        />
        <div className="filters-submit">
          <button type="submit" className="button">
            {t('directory.searchButton')}
          </button>
        </div>
      </form>

      {/* When nothing matches, the empty state below says so; the status still announces it. */}
      <p
        className={nothingMatches ? 'result-summary visually-hidden' : 'result-summary'}
        role="status"
      >
        {summary}
      </p>
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {nothingMatches ? (
        <EmptyState
          title={t('directory.noneTitle')}
          next={t('directory.noneNext')}
          icon={SearchX}
          action={
            <button
              type="button"
              className="button"
              onClick={() => {
                setText('');
                update({ q: '', class: '', status: '' });
              }}
            >
              {t('directory.showAll')}
            </button>
          }
        />
      ) : null}

      {members.length > 0 ? (
        <table className="responsive-table directory" aria-busy={result.loading || undefined}>
          <caption className="visually-hidden">
            {q
              ? t('directory.captionMatching', { q, page, pages })
              : t('directory.caption', { page, pages })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('directory.name')}</th>
              <th scope="col">{t('directory.class')}</th>
              <th scope="col">{t('directory.status')}</th>
              <th scope="col">{t('directory.organization')}</th>
              {showEmail ? <th scope="col">{t('directory.email')}</th> : null}
              <th scope="col">{t('directory.joined')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.personId}>
                <td data-label={t('directory.name')} className="cell-title">
                  <Link href={`/members/${m.personId}`}>{m.displayName}</Link>
                  {m.isAdmin ? <span className="badge">{t('directory.admin')}</span> : null}
                </td>
                <td data-label={t('directory.class')}>{classLabel(m.memberClass)}</td>
                <td data-label={t('directory.status')}>
                  <span className={`status status-${m.status}`}>{statusLabel(m.status)}</span>
                </td>
                <td data-label={t('directory.organization')}>
                  {m.organizationId && m.organizationName ? (
                    <Link href={`/organizations/${m.organizationId}`}>{m.organizationName}</Link>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                {showEmail ? (
                  <td data-label={t('directory.email')} className="cell-email">
                    {m.email ?? <span className="muted">—</span>}
                  </td>
                ) : null}
                <td data-label={t('directory.joined')}>{formatDate(m.joinedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {pages > 1 ? (
        <nav className="pager" aria-label={t('directory.pages')}>
          <button
            type="button"
            className="button"
            disabled={page <= 1}
            onClick={() => update({ page: String(page - 1) })}
          >
            <span aria-hidden="true">← </span>
            {t('directory.previous')}
          </button>
          <span className="pager-position">{t('directory.page', { page, pages })}</span>
          <button
            type="button"
            className="button"
            disabled={page >= pages}
            onClick={() => update({ page: String(page + 1) })}
          >
            {t('directory.next')}
            <span aria-hidden="true"> →</span>
          </button>
        </nav>
      ) : null}
    </Page>
  );
}
