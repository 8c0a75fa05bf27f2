import { formatDateTime } from '../app/format.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import type { OutboxMessage } from '../api/types.ts';

const statusText: Record<OutboxMessage['status'], string> = {
  queued: 'Queued',
  sent: 'Sent',
  held: 'Held',
  failed: 'Failed',
};

/** Mail the co-op sent or holds (administrators); each message opens to show its body. */
export function Outbox() {
  const outbox = useQuery('/api/outbox', { params: { query: { limit: 200 } } });
  const data = outbox.data;
  return (
    <Page
      title="Outbox"
      actions={
        <button type="button" className="button" onClick={outbox.reload}>
          Refresh
        </button>
      }
    >
      {outbox.error ? <LoadError error={outbox.error} retry={outbox.reload} /> : null}
      {!data && !outbox.error ? <Loading /> : null}
      {data && !data.smtpConfigured ? (
        <div className="notice notice-warning">
          <p>
            <strong>No mail server is configured</strong> (the <code>SMTP_URL</code> setting), so
            the co-op holds its mail here instead of sending it. Open a message to read it and
            forward its link by hand.
          </p>
        </div>
      ) : null}
      {data && data.messages.length === 0 ? <p className="muted">No mail yet.</p> : null}
      {data && data.messages.length > 0 ? (
        <ul className="message-list">
          {data.messages.map((m) => (
            <li key={m.id}>
              <details className="message">
                <summary>
                  <span className="message-subject">{m.subject}</span>
                  <span className="message-meta">
                    <span className="cell-email">To {m.toAddress}</span>
                    <span className={`status status-${m.status}`}>{statusText[m.status]}</span>
                    <span>{formatDateTime(m.sentAt ?? m.createdAt)}</span>
                  </span>
                </summary>
                <div className="message-body">
                  {m.error ? <p className="field-error">Delivery error: {m.error}</p> : null}
                  <pre>{m.body}</pre>
                  <p className="muted">
                    Kind: {m.kind}. Created {formatDateTime(m.createdAt)}
                    {m.sentAt ? `, sent ${formatDateTime(m.sentAt)}` : ''}.
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
