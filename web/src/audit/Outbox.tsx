import { Mail } from 'lucide-react';
import { EmptyState } from '../app/EmptyState.tsx';
import { formatDateTime } from '../app/format.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import { t } from './messages.ts';

/** The setting's name, as the operator types it. */
const smtpSetting = 'SMTP_URL';

/** Mail the co-op sent or holds (administrators); each message opens to show its body. */
export function Outbox() {
  const outbox = useQuery('/api/outbox', { params: { query: { limit: 200 } } });
  const data = outbox.data;
  return (
    <Page
      title={t('outbox.title')}
      actions={
        <button type="button" className="button" onClick={outbox.reload}>
          {t('outbox.refresh')}
        </button>
      }
    >
      {outbox.error ? <LoadError error={outbox.error} retry={outbox.reload} /> : null}
      {!data && !outbox.error ? <Loading /> : null}
      {data && !data.smtpConfigured ? (
        <div className="notice notice-warning">
          <p>
            <strong>{t('outbox.noSmtp')}</strong> {t('outbox.noSmtpSetting')}{' '}
            <code>{smtpSetting}</code>
            {t('outbox.noSmtpRest')}
          </p>
        </div>
      ) : null}
      {data && data.messages.length === 0 ? (
        <EmptyState title={t('outbox.none')} next={t('outbox.noneNext')} icon={Mail} />
      ) : null}
      {data && data.messages.length > 0 ? (
        <ul className="message-list">
          {data.messages.map((m) => (
            <li key={m.id}>
              <details className="message">
                <summary>
                  <span className="message-subject">{m.subject}</span>
                  <span className="message-meta">
                    <span className="cell-email">{t('outbox.to', { address: m.toAddress })}</span>
                    <span className={`status status-${m.status}`}>
                      {t(`outbox.statuses.${m.status}`)}
                    </span>
                    <span>{formatDateTime(m.sentAt ?? m.createdAt)}</span>
                  </span>
                </summary>
                <div className="message-body">
                  {m.error ? (
                    <p className="field-error">{t('outbox.deliveryError', { error: m.error })}</p>
                  ) : null}
                  <pre>{m.body}</pre>
                  <p className="muted">
                    {m.sentAt
                      ? t('outbox.kindSent', {
                          kind: m.kind,
                          created: formatDateTime(m.createdAt),
                          sent: formatDateTime(m.sentAt),
                        })
                      : t('outbox.kind', { kind: m.kind, created: formatDateTime(m.createdAt) })}
                  </p>
                </div>
              </details>
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
