import { CircleAlert, MessagesSquare } from 'lucide-react';
import { useState } from 'react';
import { EmptyState } from '../app/EmptyState.tsx';
import { Link } from 'wouter';
import { concernsInputSchema } from '../../../src/concerns/concernsInput.ts';
import { api } from '../api/client.ts';
import { formatDate } from '../app/format.ts';
import {
  CheckboxField,
  FormProblem,
  Status,
  SubmitButton,
  TextAreaField,
  TextField,
} from '../app/forms.tsx';
import { LoadError, Loading, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import type { Schemas } from '../api/client.ts';
import { ConsultationCard } from './ConsultationCard.tsx';
import { ItemConsultations } from './ItemConsultations.tsx';
import { t } from './messages.ts';

/** A sponsor's own concerns (an officer reaches any organization's by its id). */
export function OurConcerns({ id }: { id?: string }) {
  const user = useUser();
  const organizationId = id ?? user.organizationId ?? null;
  const result = useQuery(organizationId ? '/api/organizations/{id}/concerns' : null, {
    params: { path: { id: organizationId ?? '' } },
  });
  const concerns = result.data;
  return (
    <Page
      title={
        id && concerns
          ? t('concerns.titleOf', { name: concerns.organizationName })
          : t('concerns.title')
      }
    >
      <p>{t('concerns.intro')}</p>
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {organizationId && !concerns && !result.error ? <Loading /> : null}
      {concerns && !concerns.reciprocalAccess ? (
        <p className="hint">{t('concerns.noReciprocalAccess')}</p>
      ) : null}
      {concerns ? (
        <ConcernsForm key={concerns.organizationId} concerns={concerns} onSaved={result.reload} />
      ) : null}
    </Page>
  );
}

function ConcernsForm({
  concerns,
  onSaved,
}: {
  concerns: Schemas['SponsorConcerns'];
  onSaved: () => void;
}) {
  const form = useZodForm(concernsInputSchema);
  const [topics, setTopics] = useState(concerns.topics.join(', '));
  const [systems, setSystems] = useState(concerns.systems);
  const [constraints, setConstraints] = useState(concerns.constraints);
  const [toAsk, setToAsk] = useState(new Set(concerns.contactIds));
  const [message, setMessage] = useState<string | null>(null);
  const onSubmit = form.submitValid(
    () => ({
      topics: topics
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      systems,
      constraints,
      contactIds: [...toAsk],
    }),
    async (input) => {
      setMessage(null);
      await api.post('/api/organizations/{id}/concerns', {
        params: { path: { id: concerns.organizationId } },
        body: input,
      });
      setMessage(t('concerns.saved'));
      onSaved();
    },
  );
  const topicError = Object.entries(form.problem?.fieldErrors ?? {}).find(([k]) =>
    k.startsWith('topics'),
  )?.[1];
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form card">
      <FormProblem problem={form.problem} fields={Object.keys(form.problem?.fieldErrors ?? {})} />
      <TextField
        label={t('concerns.topics')}
        hint={t('concerns.topicsHint')}
        value={topics}
        onChange={setTopics}
        error={topicError}
      />
      <TextAreaField
        label={t('concerns.systems')}
        value={systems}
        onChange={setSystems}
        error={form.error('systems')}
      />
      <TextAreaField
        label={t('concerns.constraints')}
        hint={t('concerns.constraintsHint')}
        value={constraints}
        onChange={setConstraints}
        error={form.error('constraints')}
      />
      <fieldset>
        <legend>{t('concerns.toAsk')}</legend>
        <p className="hint">{t('concerns.toAskHint')}</p>
        {concerns.contacts.length === 0 ? <p>{t('concerns.noContacts')}</p> : null}
        {concerns.contacts.map((c) => (
          <CheckboxField
            key={c.personId}
            label={c.displayName}
            checked={toAsk.has(c.personId)}
            onChange={(checked) => {
              const next = new Set(toAsk);
              if (checked) next.add(c.personId);
              else next.delete(c.personId);
              setToAsk(next);
            }}
          />
        ))}
      </fieldset>
      <SubmitButton busy={form.busy}>{t('concerns.save')}</SubmitButton>
      <Status message={message} />
    </form>
  );
}

/**
 * Consultations: a sponsor's inbox (answer each), or for hackers and officers every
 * consultation with every sponsor's concerns above.
 */
export function Consultations() {
  const user = useUser();
  const servesSponsors = Boolean(user.can.readAllAgreements);
  const result = useQuery('/api/consultations');
  return (
    <Page title={t('inbox.title')}>
      {servesSponsors ? <AllConcerns /> : <p>{t('inbox.intro')}</p>}
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {!result.data && !result.error ? <Loading /> : null}
      {result.data?.consultations.length === 0 ? (
        <EmptyState
          title={t('inbox.none')}
          next={servesSponsors ? t('inbox.noneNextCoop') : t('inbox.noneNext')}
          icon={MessagesSquare}
        />
      ) : null}
      {result.data?.consultations.map((c) => (
        <ConsultationCard
          key={c.id}
          consultation={c}
          showItem
          level={2}
          onAnswer={
            servesSponsors
              ? undefined
              : async (answer) => {
                  await api.post('/api/consultations/{id}/answers', {
                    params: { path: { id: c.id } },
                    body: answer,
                  });
                  result.reload();
                }
          }
        />
      ))}
    </Page>
  );
}

function AllConcerns() {
  const result = useQuery('/api/concerns');
  if (result.error) return <LoadError error={result.error} retry={result.reload} />;
  if (!result.data) return <Loading />;
  return (
    <section aria-labelledby="all-concerns" className="card">
      <h2 id="all-concerns">{t('concerns.all')}</h2>
      {result.data.concerns.length === 0 ? (
        <EmptyState title={t('concerns.none')} next={t('concerns.noneNext')} icon={CircleAlert} />
      ) : (
        <table className="responsive-table">
          <caption className="visually-hidden">{t('concerns.allCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('concerns.organization')}</th>
              <th scope="col">{t('concerns.topics')}</th>
              <th scope="col">{t('concerns.systems')}</th>
              <th scope="col">{t('concerns.constraints')}</th>
              <th scope="col">{t('concerns.toAsk')}</th>
              <th scope="col">{t('concerns.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {result.data.concerns.map((c) => (
              <tr key={c.organizationId}>
                <td data-label={t('concerns.organization')}>
                  <Link href={`/organizations/${c.organizationId}/concerns`}>
                    {c.organizationName}
                  </Link>
                  {c.reciprocalAccess ? null : (
                    <span className="hint"> ({t('concerns.notConsulted')})</span>
                  )}
                </td>
                <td data-label={t('concerns.topics')}>{c.topics.join(', ')}</td>
                <td data-label={t('concerns.systems')} className="pre-line">
                  {c.systems}
                </td>
                <td data-label={t('concerns.constraints')} className="pre-line">
                  {c.constraints}
                </td>
                <td data-label={t('concerns.toAsk')}>{c.toAsk.join(', ')}</td>
                <td data-label={t('concerns.updated')}>{formatDate(c.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A work item's own page for its consultations: work items have no page of their own. */
export function WorkItemConsultations({ id }: { id: string }) {
  const result = useQuery('/api/items/{kind}/{id}/consultations', {
    params: { path: { kind: 'work-item', id } },
  });
  return (
    <Page
      title={
        result.data
          ? t('item.workItemTitle', { title: result.data.subject.title })
          : t('item.heading')
      }
    >
      <p>
        <Link href="/cycles">{t('item.back')}</Link>
      </p>
      <ItemConsultations kind="work-item" id={id} />
    </Page>
  );
}

/** The page a consultation mail links to: no sign-in, the secret in the link is the authority. */
export function ConsultationByLink({ token }: { token: string }) {
  const result = useQuery('/api/consultation-links/{token}', { params: { path: { token } } });
  return (
    <Page title={t('link.title')}>
      {result.error?.status === 404 ? <p>{t('link.invalid')}</p> : null}
      {result.error && result.error.status !== 404 ? (
        <LoadError error={result.error} retry={result.reload} />
      ) : null}
      {!result.data && !result.error ? <Loading /> : null}
      {result.data ? (
        <ConsultationCard
          consultation={result.data}
          showItem
          level={2}
          onAnswer={async (answer) => {
            await api.post('/api/consultation-links/{token}/answers', {
              params: { path: { token } },
              body: answer,
            });
            result.reload();
          }}
        />
      ) : null}
    </Page>
  );
}
