import { useState } from 'react';
import { Link } from 'wouter';
import {
  consultationInputSchema,
  itemTopicsInputSchema,
} from '../../../src/concerns/concernsInput.ts';
import { api } from '../api/client.ts';
import { FormProblem, Status, SubmitButton, TextAreaField, TextField } from '../app/forms.tsx';
import { LoadError, Loading } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { ConsultationCard } from './ConsultationCard.tsx';
import { t } from './messages.ts';
import { DateField } from '../app/DateField.tsx';

type Kind = 'work-item' | 'poll' | 'release';

const splitTopics = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * "Sponsors to consult" on an item's page: its topics, the sponsors whose concerns share one,
 * and its consultations with every answer. Hackers and officers tag and consult; a sponsor
 * sees its own organization alone and answers there.
 */
export function ItemConsultations({ kind, id }: { kind: Kind; id: string }) {
  const user = useUser();
  const result = useQuery('/api/items/{kind}/{id}/consultations', {
    params: { path: { kind, id } },
  });
  const view = result.data;
  const consults = Boolean(user.can.readAllAgreements);
  if (result.error?.status === 403) return null;
  return (
    <section aria-labelledby={`consult-${id}`} className="card">
      <h2 id={`consult-${id}`}>{t('item.heading')}</h2>
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {!view && !result.error ? <Loading /> : null}
      {view ? (
        <>
          {consults ? (
            <TopicsForm kind={kind} id={id} topics={view.topics} onSaved={result.reload} />
          ) : view.topics.length > 0 ? (
            <ul className="topic-list" aria-label={t('item.topics')}>
              {view.topics.map((topic) => (
                <li key={topic} className="topic">
                  {topic}
                </li>
              ))}
            </ul>
          ) : null}
          {view.sponsorsToConsult.length === 0 ? (
            <p>{t('item.noSponsors')}</p>
          ) : (
            <ul className="plain-list">
              {view.sponsorsToConsult.map((s) => (
                <li key={s.organizationId}>
                  <strong>{s.organizationName}</strong>{' '}
                  <span className="hint">
                    {t('item.shares', { topics: s.sharedTopics.join(', ') })}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {consults && view.sponsorsToConsult.length > 0 ? (
            <OpenConsultation kind={kind} id={id} onOpened={result.reload} />
          ) : null}
          <h3>{t('item.consultations')}</h3>
          {view.consultations.length === 0 ? <p>{t('item.noConsultations')}</p> : null}
          {view.consultations.map((c) => (
            <ConsultationCard
              key={c.id}
              consultation={c}
              onAnswer={
                user.organizationId && !consults
                  ? async (answer) => {
                      await api.post('/api/consultations/{id}/answers', {
                        params: { path: { id: c.id } },
                        body: answer,
                      });
                      result.reload();
                    }
                  : undefined
              }
            />
          ))}
        </>
      ) : null}
    </section>
  );
}

function TopicsForm({
  kind,
  id,
  topics,
  onSaved,
}: {
  kind: Kind;
  id: string;
  topics: string[];
  onSaved: () => void;
}) {
  const form = useZodForm(itemTopicsInputSchema);
  const [text, setText] = useState(topics.join(', '));
  const [message, setMessage] = useState<string | null>(null);
  const onSubmit = form.submitValid(
    () => ({ topics: splitTopics(text) }),
    async (input) => {
      setMessage(null);
      await api.post('/api/items/{kind}/{id}/topics', {
        params: { path: { kind, id } },
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
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
      <FormProblem problem={form.problem} fields={Object.keys(form.problem?.fieldErrors ?? {})} />
      <TextField
        label={t('item.topics')}
        hint={t('item.topicsHint')}
        value={text}
        onChange={setText}
        error={topicError}
      />
      <SubmitButton busy={form.busy} className="button">
        {t('item.saveTopics')}
      </SubmitButton>
      <Status message={message} />
    </form>
  );
}

function OpenConsultation({
  kind,
  id,
  onOpened,
}: {
  kind: Kind;
  id: string;
  onOpened: () => void;
}) {
  const form = useZodForm(consultationInputSchema);
  const [whatChanges, setWhatChanges] = useState('');
  const [answerBy, setAnswerBy] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const onSubmit = form.submitValid(
    () => ({ whatChanges, answerBy }),
    async (input) => {
      setMessage(null);
      await api.post('/api/items/{kind}/{id}/consultations', {
        params: { path: { kind, id } },
        body: input,
      });
      setWhatChanges('');
      setMessage(t('item.opened'));
      onOpened();
    },
  );
  return (
    <form
      ref={form.formRef}
      onSubmit={onSubmit}
      noValidate
      className="form"
      aria-labelledby={`open-${id}`}
    >
      <h3 id={`open-${id}`}>{t('item.open')}</h3>
      <FormProblem problem={form.problem} fields={['whatChanges', 'answerBy']} />
      <TextAreaField
        label={t('item.whatChanges')}
        value={whatChanges}
        onChange={setWhatChanges}
        error={form.error('whatChanges')}
      />
      <DateField
        label={t('item.answerBy')}
        value={answerBy}
        onChange={setAnswerBy}
        error={form.error('answerBy')}
      />
      <SubmitButton busy={form.busy} className="button">
        {t('item.send')}
      </SubmitButton>
      <Status message={message} />
    </form>
  );
}

/** A link to a work item's own consultations page, for the lists that show work items. */
export function ConsultLink({ id }: { id: string }) {
  return <Link href={`/work-items/${id}/consultations`}>{t('item.consultLink')}</Link>;
}
