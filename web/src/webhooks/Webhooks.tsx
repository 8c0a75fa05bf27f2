import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { formatDateTime } from '../app/format.ts';
import {
  CheckboxField,
  FormProblem,
  Status,
  SubmitButton,
  TextField,
  useForm,
} from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import type { DeliveryStatus, WebhookEndpoint } from './types.ts';

const statusClass: Record<DeliveryStatus, string> = {
  succeeded: 'status status-active',
  pending: 'status status-pending',
  failed: 'status status-failed',
};

/** A secret shown once, right after it was made, with a copy button. */
function SecretOnce({ secret, lead }: { secret: string; lead: string }) {
  const [copied, setCopied] = useState('');
  return (
    <div className="notice notice-success">
      <p role="status">
        {lead} Copy the signing secret now: it is not shown again. Receivers verify each delivery’s{' '}
        <code>webhook-signature</code> with it.
      </p>
      <div className="copy-row">
        <label htmlFor="webhook-secret" className="visually-hidden">
          Signing secret
        </label>
        <input
          id="webhook-secret"
          className="invitation-link"
          readOnly
          value={secret}
          onFocus={(e) => e.target.select()}
        />
        <button
          type="button"
          className="button"
          onClick={() => {
            void navigator.clipboard?.writeText(secret).then(() => setCopied('Copied.'));
          }}
        >
          Copy secret
        </button>
      </div>
      <Status message={copied} />
    </div>
  );
}

function RegisterForm({ types, onDone }: { types: string[]; onDone: (secret: string) => void }) {
  const form = useForm();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [all, setAll] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  return (
    <form
      ref={form.formRef}
      noValidate
      onSubmit={form.submit(async () => {
        const created = await api.post('/api/webhooks/endpoints', {
          body: { url, description, eventTypes: all ? null : chosen },
        });
        setUrl('');
        setDescription('');
        onDone(created.secret);
      })}
    >
      <h2>Register an endpoint</h2>
      <FormProblem problem={form.problem} fields={['url', 'description']} />
      <TextField
        label="URL"
        type="url"
        hint="Where the co-op POSTs events: https://…"
        value={url}
        onChange={setUrl}
        error={form.error('url')}
        required
      />
      <TextField
        label="Description"
        value={description}
        onChange={setDescription}
        error={form.error('description')}
      />
      <CheckboxField
        label="Every public event type, including future ones"
        checked={all}
        onChange={setAll}
      />
      {all ? null : (
        <fieldset>
          <legend>Event types</legend>
          {types.map((t) => (
            <CheckboxField
              key={t}
              label={t}
              checked={chosen.includes(t)}
              onChange={(on) => setChosen((c) => (on ? [...c, t] : c.filter((x) => x !== t)))}
            />
          ))}
        </fieldset>
      )}
      <SubmitButton busy={form.busy}>Register</SubmitButton>
    </form>
  );
}

function Deliveries({ endpoint, onChange }: { endpoint: WebhookEndpoint; onChange: () => void }) {
  const list = useQuery('/api/webhooks/endpoints/{id}/deliveries', {
    params: { path: { id: endpoint.id }, query: { limit: 100 } },
  });
  const [message, setMessage] = useState('');
  const [secret, setSecret] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const byId = { params: { path: { id: endpoint.id } } };
  const act = (action: () => Promise<string>) => {
    setProblem('');
    action().then(
      (done) => {
        setMessage(done);
        list.reload();
        onChange();
      },
      (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
    );
  };
  return (
    <section aria-labelledby="deliveries-heading">
      <h2 id="deliveries-heading">Deliveries to {endpoint.url}</h2>
      {secret ? <SecretOnce secret={secret} lead="The secret was rotated." /> : null}
      {problem ? (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      ) : null}
      <Status message={message} />
      <div className="page-actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            list.reload();
            onChange();
          }}
        >
          Refresh
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            act(async () => {
              const r = await api.post('/api/webhooks/endpoints/{id}/replay', {
                ...byId,
                body: {},
              });
              return `${r.replayed} failed deliveries sent again.`;
            })
          }
        >
          Replay failed
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            act(async () => {
              const r = await api.post('/api/webhooks/endpoints/{id}/rotate-secret', byId);
              setSecret(r.secret);
              return `New secret made; the old one also signs until ${formatDateTime(r.previousSecretExpiresAt)}.`;
            })
          }
        >
          Rotate secret
        </button>
        {endpoint.enabled ? null : (
          <button
            type="button"
            className="button"
            onClick={() =>
              act(async () => {
                await api.post('/api/webhooks/endpoints/{id}/enable', byId);
                return 'Enabled.';
              })
            }
          >
            Enable
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={() => {
            if (window.confirm(`Delete ${endpoint.url} and its deliveries?`))
              act(async () => {
                await api.delete('/api/webhooks/endpoints/{id}', byId);
                return 'Deleted.';
              });
          }}
        >
          Delete
        </button>
      </div>
      {endpoint.enabled ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            act(async () => {
              await api.post('/api/webhooks/endpoints/{id}/disable', { ...byId, body: { reason } });
              setReason('');
              return 'Disabled.';
            });
          }}
        >
          <TextField label="Reason to disable" value={reason} onChange={setReason} />
          <button type="submit" className="button">
            Disable
          </button>
        </form>
      ) : (
        <p className="notice notice-warning">Disabled: {endpoint.disabledReason}</p>
      )}
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && list.data.deliveries.length === 0 ? (
        <p className="muted">No deliveries yet.</p>
      ) : null}
      {list.data && list.data.deliveries.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">Deliveries</caption>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Attempts
              </th>
              <th scope="col">Last answer</th>
              <th scope="col" className="num">
                Time (ms)
              </th>
              <th scope="col">Next attempt</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.deliveries.map((d) => (
              <tr key={d.id}>
                <td data-label="Event">
                  <code>{d.eventType}</code> #{d.eventSeq}
                  <br />
                  <span className="muted">{formatDateTime(d.createdAt)}</span>
                </td>
                <td data-label="Status">
                  <span className={statusClass[d.status]}>{d.status}</span>
                </td>
                <td data-label="Attempts" className="num">
                  {d.attempts}
                </td>
                <td data-label="Last answer">
                  {d.lastStatusCode ?? '—'}
                  {d.lastError ? <span className="muted"> {d.lastError}</span> : null}
                </td>
                <td data-label="Time (ms)" className="num">
                  {d.lastResponseMs ?? '—'}
                </td>
                <td data-label="Next attempt">{formatDateTime(d.nextAttemptAt) || '—'}</td>
                <td data-label="Actions">
                  {d.status === 'pending' ? null : (
                    <button
                      type="button"
                      className="button small"
                      onClick={() =>
                        act(async () => {
                          await api.post('/api/webhooks/endpoints/{id}/replay', {
                            ...byId,
                            body: { deliveryId: d.id },
                          });
                          return `Delivery of event #${d.eventSeq} sent again.`;
                        })
                      }
                    >
                      Replay
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** Officers' screen: endpoints, their deliveries, and what can be done to them. */
export function Webhooks() {
  const endpoints = useQuery('/api/webhooks/endpoints');
  const catalogue = useQuery('/api/events/catalogue');
  const [selected, setSelected] = useState<string | null>(null);
  const [secret, setSecret] = useState('');
  const list = endpoints.data?.endpoints ?? [];
  const current = list.find((e) => e.id === selected);
  const types = (catalogue.data?.eventTypes ?? []).filter((t) => t.webhooks).map((t) => t.name);
  return (
    <Page title="Webhooks">
      <p>
        The co-op POSTs its public events, signed, to these endpoints.{' '}
        <Link href="/event-types">Every event type and its fields</Link>.
      </p>
      {secret ? <SecretOnce secret={secret} lead="The endpoint is registered." /> : null}
      {endpoints.error ? <LoadError error={endpoints.error} retry={endpoints.reload} /> : null}
      {!endpoints.data && !endpoints.error ? <Loading /> : null}
      {endpoints.data && list.length === 0 ? <p className="muted">No endpoints yet.</p> : null}
      {list.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">Webhook endpoints</caption>
          <thead>
            <tr>
              <th scope="col">URL</th>
              <th scope="col">Events</th>
              <th scope="col">State</th>
              <th scope="col" className="num">
                Pending
              </th>
              <th scope="col" className="num">
                Failed
              </th>
              <th scope="col">Last success</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((e) => (
              <tr key={e.id}>
                <td data-label="URL" className="cell-url">
                  {e.url}
                  {e.description ? <span className="muted"> {e.description}</span> : null}
                </td>
                <td data-label="Events">{e.eventTypes ? e.eventTypes.join(', ') : 'all'}</td>
                <td data-label="State">
                  <span className={e.enabled ? 'status status-active' : 'status status-failed'}>
                    {e.enabled ? 'enabled' : 'disabled'}
                  </span>
                </td>
                <td data-label="Pending" className="num">
                  {e.pending}
                </td>
                <td data-label="Failed" className="num">
                  {e.failed}
                </td>
                <td data-label="Last success">{formatDateTime(e.lastSuccessAt) || '—'}</td>
                <td data-label="Actions">
                  <button
                    type="button"
                    className="button small"
                    aria-pressed={e.id === selected}
                    onClick={() => setSelected(e.id)}
                  >
                    Deliveries
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {current ? (
        <Deliveries key={current.id} endpoint={current} onChange={endpoints.reload} />
      ) : null}
      <RegisterForm
        types={types}
        onDone={(made) => {
          setSecret(made);
          endpoints.reload();
        }}
      />
    </Page>
  );
}
