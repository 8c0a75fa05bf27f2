import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { api } from '../api/client.ts';
import { toApiError, type ApiError, compact, query } from '../app/api.ts';
import { formatDateTime } from '../app/format.ts';
import { TextField } from '../app/forms.tsx';
import { LoadError, Page } from '../app/Page.tsx';
import { EventConsumers } from './EventConsumers.tsx';
import type { CoopEvent } from '../api/types.ts';
import { t } from './messages.ts';
import { t as common } from '../app/messages.ts';

const pageSize = 50;
/** File formats, named as their files are: not words to translate. */
const exportFormats = ['csv', 'ndjson'] as const;

/** The event log, newest first (administrators): filter by type prefix, page back in time. */
export function AuditEvents() {
  const [params, setParams] = useSearchParams();
  const type = params.get('type') ?? '';
  const [text, setText] = useState(type);
  const [events, setEvents] = useState<CoopEvent[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [hasMore, setHasMore] = useState(false);

  const load = async (beforeSeq: number | undefined, signal?: AbortSignal) => {
    setLoading(true);
    setError(null);
    try {
      const result = await api.get('/api/events', {
        params: { query: compact({ type: type || undefined, beforeSeq, limit: pageSize }) },
        signal,
      });
      setEvents((old) => (beforeSeq ? [...old, ...result.events] : result.events));
      setHasMore(result.events.length === pageSize);
    } catch (e) {
      if (signal?.aborted) return;
      setError(toApiError(e));
    } finally {
      if (!signal?.aborted) setLoading(false);
    }
  };

  useEffect(() => {
    const controller = new AbortController();
    setEvents([]);
    void load(undefined, controller.signal);
    return () => controller.abort();
    // Reloads when the filter in the address changes (load reads it).
  }, [type]);

  const oldest = events[events.length - 1]?.seq;
  const exportQuery = (format: string) =>
    `/api/events/export${query({ type: type || undefined, format })}`;

  return (
    <Page title={t('events.title')}>
      <form
        role="search"
        aria-label={t('events.search')}
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setParams(text.trim() ? { type: text.trim() } : {});
        }}
      >
        <TextField
          label={t('events.typeStarts')}
          hint={t('events.typeHint')}
          value={text}
          onChange={setText}
          className="grow"
          spellCheck={false}
          autoCapitalize="none"
        />
        <div className="filters-submit">
          <button type="submit" className="button">
            {t('events.filter')}
          </button>
        </div>
      </form>
      <p className="export-links">
        {type ? t('events.exportType', { type }) : t('events.exportAll')}{' '}
        {exportFormats.map((format, i) => (
          <span key={format}>
            {i > 0 ? ' · ' : null}
            <a href={exportQuery(format)} download>
              {format.toUpperCase()}
            </a>
          </span>
        ))}
      </p>
      <EventConsumers />
      <p className="result-summary" role="status">
        {loading ? common('page.loading') : t('events.shown', { count: events.length })}
      </p>
      {error ? <LoadError error={error} retry={() => void load(oldest)} /> : null}
      {events.length > 0 ? (
        <ol className="event-list">
          {events.map((ev) => (
            <li key={ev.seq}>
              <details className="event">
                <summary>
                  <span className="event-seq">#{ev.seq}</span>
                  <code className="event-type">{ev.type}</code>
                  <span className="event-meta">
                    {formatDateTime(ev.occurredAt)} ·{' '}
                    {ev.actorName ?? (ev.actorId ? t('events.someone') : t('events.system'))}
                  </span>
                </summary>
                <div className="event-body">
                  <p>
                    {t('events.subject', { type: ev.subjectType })}{' '}
                    {ev.subjectType === 'person' ? (
                      <Link href={`/members/${ev.subjectId}`}>{ev.subjectId}</Link>
                    ) : ev.subjectType === 'organization' ? (
                      <Link href={`/organizations/${ev.subjectId}`}>{ev.subjectId}</Link>
                    ) : (
                      <code>{ev.subjectId}</code>
                    )}
                  </p>
                  <pre>{JSON.stringify(ev.data, null, 2)}</pre>
                </div>
              </details>
            </li>
          ))}
        </ol>
      ) : null}
      {!loading && !error && events.length === 0 ? (
        <p className="muted">{type ? t('events.noneOfType', { type }) : t('events.none')}</p>
      ) : null}
      {hasMore ? (
        <p>
          <button
            type="button"
            className="button"
            aria-disabled={loading || undefined}
            onClick={() => {
              if (!loading && oldest) void load(oldest);
            }}
          >
            {loading ? common('page.loading') : t('events.older')}
          </button>
        </p>
      ) : null}
    </Page>
  );
}
