import { MessageSquare, Plus, SearchX } from 'lucide-react';
import { EmptyState } from '../app/EmptyState.tsx';
import { useMemo } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { query } from '../app/api.ts';
import { formatDate, formatDateTime } from '../app/format.ts';
import { SelectField } from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { kindLabel, stateLabel } from '../servicelevels/labels.ts';
import { ExpertHoursCard } from './ExpertHoursCard.tsx';
import {
  formatMinutes,
  requestStatuses,
  severityLabel,
  statusLabel,
  type RequestStatus,
} from './labels.ts';
import { t } from './messages.ts';
import { useRequestClocks, type Clock } from './useRequestClocks.ts';

const isStatus = (value: string | null): value is RequestStatus =>
  requestStatuses.some((s) => s === value);

/** The clock a list shows for a request: a running or paused one first, else the last. */
function mainClock(clocks: readonly Clock[] | undefined): Clock | undefined {
  if (!clocks || clocks.length === 0) return undefined;
  return clocks.find((c) => c.state === 'running' || c.state === 'paused') ?? clocks.at(-1);
}

/**
 * The requests: a sponsor's representative sees their organization's with the month's expert
 * hours and opens new ones; hackers and officers see every sponsor's, filtered by sponsor and
 * status (the filters live in the address, so "what needs me" can link to the open ones).
 */
export function Requests() {
  const user = useUser();
  const coop = user.can.readAllRequests;
  const search = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const status = isStatus(search.get('status')) ? (search.get('status') as RequestStatus) : '';
  const organizationId = coop ? (search.get('organizationId') ?? '') : '';
  const filtered = status !== '' || organizationId !== '';
  const list = useQuery('/api/requests', {
    params: {
      query: {
        ...(status ? { status } : {}),
        ...(organizationId ? { organizationId } : {}),
      },
    },
  });
  // The sponsors to filter by: those with a request (the whole list, cached).
  const everything = useQuery(coop ? '/api/requests' : null);
  const organizations = useMemo(() => {
    const names = new Map<string, string>();
    for (const r of everything.data?.requests ?? [])
      names.set(r.organizationId, r.organizationName);
    return [...names].sort((a, b) => a[1].localeCompare(b[1]));
  }, [everything.data]);
  const clocks = useRequestClocks(null);
  const showClocks = clocks !== null;
  const setFilter = (key: 'status' | 'organizationId', value: string) =>
    navigate(`/requests${query({ status, organizationId, [key]: value })}`, { replace: true });
  const requests = list.data?.requests ?? [];
  return (
    <Page
      title={t('list.title')}
      actions={
        user.can.openRequests ? (
          <Link href="/requests/new" className="button primary">
            <Plus className="icon" aria-hidden="true" size={18} />
            {t('list.new')}
          </Link>
        ) : null
      }
    >
      <p className="lead">{coop ? t('list.introCoop') : t('list.introSponsor')}</p>
      {list.data?.expertHours && !coop ? <ExpertHoursCard hours={list.data.expertHours} /> : null}
      <div className="filters" role="group" aria-label={t('list.caption')}>
        {coop ? (
          <SelectField
            label={t('list.filterOrganization')}
            value={organizationId}
            onChange={(v) => setFilter('organizationId', v)}
            options={[
              { value: '', label: t('list.anyOrganization') },
              ...organizations.map(([id, name]) => ({ value: id, label: name })),
            ]}
          />
        ) : null}
        <SelectField
          label={t('list.filterStatus')}
          value={status}
          onChange={(v) => setFilter('status', v)}
          options={[
            { value: '', label: t('list.anyStatus') },
            ...requestStatuses.map((s) => ({ value: s, label: statusLabel(s) })),
          ]}
        />
      </div>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && requests.length === 0 ? (
        <EmptyState
          title={filtered ? t('list.emptyFilteredTitle') : t('list.emptyTitle')}
          next={
            filtered ? t('list.emptyFiltered') : coop ? t('list.emptyCoop') : t('list.emptySponsor')
          }
          icon={filtered ? SearchX : MessageSquare}
          action={
            filtered ? (
              <Link href="/requests" className="button">
                {t('list.showAll')}
              </Link>
            ) : null
          }
        />
      ) : null}
      {requests.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">{t('list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('list.subject')}</th>
              {coop ? <th scope="col">{t('list.organization')}</th> : null}
              <th scope="col">{t('list.severity')}</th>
              <th scope="col">{t('list.status')}</th>
              <th scope="col">{t('list.opened')}</th>
              <th scope="col">{t('list.lastReply')}</th>
              <th scope="col" className="num">
                {t('list.time')}
              </th>
              {showClocks ? <th scope="col">{t('list.clock')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => {
              const clock = mainClock(clocks?.get(r.id));
              return (
                <tr key={r.id}>
                  <td data-label={t('list.subject')} className="cell-title">
                    <Link href={`/requests/${r.id}`}>
                      <span className="muted">{t('list.numbered', { number: r.number })}</span>{' '}
                      {r.subject}
                    </Link>
                  </td>
                  {coop ? <td data-label={t('list.organization')}>{r.organizationName}</td> : null}
                  <td data-label={t('list.severity')}>
                    <span className={`status severity-${r.severity}`}>
                      {severityLabel(r.severity)}
                    </span>
                  </td>
                  <td data-label={t('list.status')}>
                    <span className={`status request-${r.status}`}>{statusLabel(r.status)}</span>
                  </td>
                  <td data-label={t('list.opened')}>{formatDate(r.openedAt)}</td>
                  <td data-label={t('list.lastReply')}>
                    {r.lastReplyAt && r.lastReplySide
                      ? t('list.lastReplyBy', {
                          when: formatDateTime(r.lastReplyAt),
                          side:
                            r.lastReplySide === 'coop' ? t('list.sideCoop') : t('list.sideSponsor'),
                        })
                      : t('list.noReply')}
                  </td>
                  <td data-label={t('list.time')} className="num">
                    {formatMinutes(r.minutesSpent)}
                  </td>
                  {showClocks ? (
                    <td data-label={t('list.clock')}>
                      {clock ? (
                        <Link href={`/clocks/${clock.id}`}>
                          {t('page.clockLine', {
                            kind: kindLabel(clock.kind),
                            state: stateLabel(clock.state),
                          })}
                        </Link>
                      ) : (
                        t('list.noClock')
                      )}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </Page>
  );
}
