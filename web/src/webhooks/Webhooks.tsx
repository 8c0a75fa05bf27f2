import { ConfirmAction } from '../app/ConfirmAction.tsx';
import { Webhook } from 'lucide-react';
import { EmptyState } from '../app/EmptyState.tsx';
import { useId, useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { formatDateTime } from '../app/format.ts';
import { CheckboxField, FormProblem, Status, SubmitButton, TextField } from '../app/forms.tsx';
import { useZodForm } from '../app/zodForm.ts';
import {
  disableEndpointInputSchema,
  endpointInputSchema,
} from '../../../src/webhooks/endpointInput.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import type { DeliveryStatus, WebhookEndpoint } from './types.ts';
import { t } from './messages.ts';

const statusClass: Record<DeliveryStatus, string> = {
  succeeded: 'status status-active',
  pending: 'status status-pending',
  failed: 'status status-failed',
};

/** The header receivers check, as the standard names it. */
const signatureHeader = 'webhook-signature';

/** A secret shown once, right after it was made, with a copy button. */
function SecretOnce({ secret, lead }: { secret: string; lead: string }) {
  const [copied, setCopied] = useState('');
  return (
    <div className="notice notice-success">
      <p role="status">
        {lead} {t('secret.copyNow')} <code>{signatureHeader}</code> {t('secret.withIt')}
      </p>
      <div className="copy-row">
        <label htmlFor="webhook-secret" className="visually-hidden">
          {t('secret.label')}
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
            void navigator.clipboard?.writeText(secret).then(() => setCopied(t('secret.copied')));
          }}
        >
          {t('secret.copy')}
        </button>
      </div>
      <Status message={copied} />
    </div>
  );
}

function RegisterForm({ types, onDone }: { types: string[]; onDone: (secret: string) => void }) {
  const id = useId();
  const form = useZodForm(endpointInputSchema);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [all, setAll] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  // None chosen (eventTypes) or a type refused (eventTypes/<i>): said beside the types.
  const typeErrors = Object.entries(form.problem?.fieldErrors ?? {}).filter(
    ([key]) => key === 'eventTypes' || /^eventTypes\.\d+$/.test(key),
  );
  const typesError = [...new Set(typeErrors.map(([, message]) => message))].join('; ') || undefined;
  const typesErrorId = `${id}-types-error`;
  return (
    <form
      ref={form.formRef}
      noValidate
      onSubmit={form.submitValid(
        () => ({ url, description, eventTypes: all ? null : chosen }),
        async (body) => {
          const created = await api.post('/api/webhooks/endpoints', { body });
          setUrl('');
          setDescription('');
          onDone(created.secret);
        },
      )}
    >
      <h2>{t('register.title')}</h2>
      <FormProblem
        problem={form.problem}
        fields={['url', 'description', ...typeErrors.map(([key]) => key)]}
      />
      <TextField
        label={t('register.url')}
        type="url"
        hint={t('register.urlHint')}
        value={url}
        onChange={setUrl}
        error={form.error('url')}
        required
      />
      <TextField
        label={t('register.description')}
        value={description}
        onChange={setDescription}
        error={form.error('description')}
      />
      <CheckboxField label={t('register.all')} checked={all} onChange={setAll} />
      {all ? null : (
        <fieldset aria-describedby={typesError ? typesErrorId : undefined}>
          <legend>{t('register.types')}</legend>
          {types.map((type) => (
            <CheckboxField
              key={type}
              label={type}
              checked={chosen.includes(type)}
              onChange={(on) => setChosen((c) => (on ? [...c, type] : c.filter((x) => x !== type)))}
            />
          ))}
          {typesError ? (
            <p className="field-error" id={typesErrorId}>
              <span aria-hidden="true">⚠ </span>
              {typesError}
            </p>
          ) : null}
        </fieldset>
      )}
      <SubmitButton busy={form.busy}>{t('register.submit')}</SubmitButton>
    </form>
  );
}

function Deliveries({ endpoint, onChange }: { endpoint: WebhookEndpoint; onChange: () => void }) {
  const list = useQuery('/api/webhooks/endpoints/{id}/deliveries', {
    params: { path: { id: endpoint.id }, query: { limit: 100 } },
  });
  const [message, setMessage] = useState('');
  const [secret, setSecret] = useState('');
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
      <h2 id="deliveries-heading">{t('deliveries.title', { url: endpoint.url })}</h2>
      {secret ? <SecretOnce secret={secret} lead={t('deliveries.rotated')} /> : null}
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
          {t('deliveries.refresh')}
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
              return t('deliveries.replayed', { count: r.replayed });
            })
          }
        >
          {t('deliveries.replayFailed')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            act(async () => {
              const r = await api.post('/api/webhooks/endpoints/{id}/rotate-secret', byId);
              setSecret(r.secret);
              return t('deliveries.newSecret', {
                until: formatDateTime(r.previousSecretExpiresAt),
              });
            })
          }
        >
          {t('deliveries.rotate')}
        </button>
        {endpoint.enabled ? null : (
          <button
            type="button"
            className="button"
            onClick={() =>
              act(async () => {
                await api.post('/api/webhooks/endpoints/{id}/enable', byId);
                return t('deliveries.enabled');
              })
            }
          >
            {t('deliveries.enable')}
          </button>
        )}
        <ConfirmAction
          tone="danger"
          trigger={t('deliveries.delete')}
          title={t('deliveries.deleteTitle')}
          confirm={t('deliveries.deleteAction')}
          onConfirm={async () => {
            await api.delete('/api/webhooks/endpoints/{id}', byId);
            list.reload();
            onChange();
            return t('deliveries.deleted');
          }}
        >
          <p>{t('deliveries.confirmDelete', { url: endpoint.url })}</p>
        </ConfirmAction>
      </div>
      {endpoint.enabled ? (
        <DisableForm
          id={endpoint.id}
          onDone={() => {
            setProblem('');
            setMessage(t('deliveries.disabled'));
            list.reload();
            onChange();
          }}
        />
      ) : (
        <p className="notice notice-warning">
          {t('deliveries.disabledBecause', { reason: endpoint.disabledReason ?? '' })}
        </p>
      )}
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && list.data.deliveries.length === 0 ? (
        <p className="muted">{t('deliveries.none')}</p>
      ) : null}
      {list.data && list.data.deliveries.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">{t('deliveries.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('deliveries.event')}</th>
              <th scope="col">{t('deliveries.status')}</th>
              <th scope="col" className="num">
                {t('deliveries.attempts')}
              </th>
              <th scope="col">{t('deliveries.lastAnswer')}</th>
              <th scope="col" className="num">
                {t('deliveries.time')}
              </th>
              <th scope="col">{t('deliveries.nextAttempt')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('deliveries.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.deliveries.map((d) => (
              <tr key={d.id}>
                <td data-label={t('deliveries.event')}>
                  <code>{d.eventType}</code> #{d.eventSeq}
                  <br />
                  <span className="muted">{formatDateTime(d.createdAt)}</span>
                </td>
                <td data-label={t('deliveries.status')}>
                  <span className={statusClass[d.status]}>
                    {t(`deliveries.statuses.${d.status}`)}
                  </span>
                </td>
                <td data-label={t('deliveries.attempts')} className="num">
                  {d.attempts}
                </td>
                <td data-label={t('deliveries.lastAnswer')}>
                  {d.lastStatusCode ?? '—'}
                  {d.lastError ? <span className="muted"> {d.lastError}</span> : null}
                </td>
                <td data-label={t('deliveries.time')} className="num">
                  {d.lastResponseMs ?? '—'}
                </td>
                <td data-label={t('deliveries.nextAttempt')}>
                  {formatDateTime(d.nextAttemptAt) || '—'}
                </td>
                <td className="cell-actions">
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
                          return t('deliveries.replayedOne', { seq: d.eventSeq });
                        })
                      }
                    >
                      {t('deliveries.replay')}
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
  const types = (catalogue.data?.eventTypes ?? [])
    .filter((type) => type.webhooks)
    .map((type) => type.name);
  return (
    <Page title={t('webhooks.title')}>
      <p>
        {t('webhooks.intro')} <Link href="/event-types">{t('webhooks.everyType')}</Link>.
      </p>
      {secret ? <SecretOnce secret={secret} lead={t('webhooks.registered')} /> : null}
      {endpoints.error ? <LoadError error={endpoints.error} retry={endpoints.reload} /> : null}
      {!endpoints.data && !endpoints.error ? <Loading /> : null}
      {endpoints.data && list.length === 0 ? (
        <EmptyState title={t('webhooks.none')} next={t('webhooks.noneNext')} icon={Webhook} />
      ) : null}
      {list.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">{t('webhooks.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('webhooks.url')}</th>
              <th scope="col">{t('webhooks.events')}</th>
              <th scope="col">{t('webhooks.state')}</th>
              <th scope="col" className="num">
                {t('webhooks.pending')}
              </th>
              <th scope="col" className="num">
                {t('webhooks.failed')}
              </th>
              <th scope="col">{t('webhooks.lastSuccess')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('webhooks.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((e) => (
              <tr key={e.id}>
                <td data-label={t('register.url')} className="cell-url">
                  {e.url}
                  {e.description ? <span className="muted"> {e.description}</span> : null}
                </td>
                <td data-label={t('webhooks.events')}>
                  {e.eventTypes ? e.eventTypes.join(', ') : t('webhooks.all')}
                </td>
                <td data-label={t('webhooks.state')}>
                  <span className={e.enabled ? 'status status-active' : 'status status-failed'}>
                    {e.enabled ? t('webhooks.enabled') : t('webhooks.disabled')}
                  </span>
                </td>
                <td data-label={t('webhooks.pending')} className="num">
                  {e.pending}
                </td>
                <td data-label={t('webhooks.failed')} className="num">
                  {e.failed}
                </td>
                <td data-label={t('webhooks.lastSuccess')}>
                  {formatDateTime(e.lastSuccessAt) || '—'}
                </td>
                <td className="cell-actions">
                  <button
                    type="button"
                    className="button small"
                    aria-pressed={e.id === selected}
                    onClick={() => setSelected(e.id)}
                  >
                    {t('webhooks.deliveries')}
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

/** Stopping the events to an endpoint: the reason, checked with the route's own schema. */
function DisableForm({ id, onDone }: { id: string; onDone: () => void }) {
  const form = useZodForm(disableEndpointInputSchema);
  const [reason, setReason] = useState('');
  const onSubmit = form.submitValid(
    () => ({ reason }),
    async (body) => {
      await api.post('/api/webhooks/endpoints/{id}/disable', { params: { path: { id } }, body });
      setReason('');
      onDone();
    },
  );
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form inline-form">
      <FormProblem problem={form.problem} fields={['reason']} />
      <TextField
        label={t('deliveries.reason')}
        value={reason}
        onChange={setReason}
        maxLength={500}
        error={form.error('reason')}
      />
      <SubmitButton busy={form.busy} className="button">
        {t('deliveries.disable')}
      </SubmitButton>
    </form>
  );
}
