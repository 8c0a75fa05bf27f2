import { useState } from 'react';
import type { Schemas } from '../api/client.ts';
import { formatDate, formatDateTime } from '../app/format.ts';
import { FormProblem, SelectField, Status, SubmitButton, TextAreaField } from '../app/forms.tsx';
import { useZodForm } from '../app/zodForm.ts';
import { answerInputSchema } from '../../../src/concerns/answerInput.ts';
import { t } from './messages.ts';

type Consultation = Schemas['Consultation'];
type AnswerKind = Consultation['answers'][number]['kind'];
const answerKinds: AnswerKind[] = ['acknowledge', 'comment', 'object'];

/** One consultation: what changes, each sponsor's state (overdue flagged), every answer kept. */
export function ConsultationCard({
  consultation,
  showItem = false,
  level = 3,
  onAnswer,
}: {
  consultation: Consultation;
  showItem?: boolean;
  /** The card's heading level: 2 where cards stand alone on a page, 3 inside an item's section. */
  level?: 2 | 3;
  /** Given when the reader may answer (a consulted sponsor, or the holder of the link). */
  onAnswer?: ((answer: { kind: AnswerKind; comment: string }) => Promise<void>) | undefined;
}) {
  const c = consultation;
  const Heading = level === 2 ? 'h2' : 'h3';
  const Sub = level === 2 ? 'h3' : 'h4';
  return (
    <article className="card consultation" aria-labelledby={`consultation-${c.id}`}>
      <Heading id={`consultation-${c.id}`}>
        {showItem ? t('consultation.about', { title: c.subjectTitle }) : formatDate(c.openedAt)}
      </Heading>
      <p className="pre-line">{c.whatChanges}</p>
      <p>
        {t('consultation.wantedBy', { day: formatDate(c.answerBy) })}{' '}
        {c.overdue ? (
          <strong className="badge badge-warning">{t('consultation.overdue')}</strong>
        ) : null}
      </p>
      <table className="responsive-table">
        <caption className="visually-hidden">{t('consultation.sponsorsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('concerns.organization')}</th>
            <th scope="col">{t('consultation.kind')}</th>
          </tr>
        </thead>
        <tbody>
          {c.sponsors.map((s) => (
            <tr key={s.organizationId}>
              <td data-label={t('concerns.organization')}>
                {s.organizationName}{' '}
                <span className="hint">{t('consultation.mailedTo', { count: s.mailedTo })}</span>
              </td>
              <td data-label={t('consultation.kind')}>
                {s.objected ? (
                  <strong>{t('kind.object')}</strong>
                ) : s.answered ? (
                  t('consultation.answered')
                ) : s.overdue ? (
                  <strong className="badge badge-warning">{t('consultation.overdue')}</strong>
                ) : (
                  t('consultation.awaiting')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Sub>{t('consultation.answers')}</Sub>
      {c.answers.length === 0 ? (
        <p>{t('consultation.noAnswers')}</p>
      ) : (
        <ul className="plain-list answers">
          {c.answers.map((a) => (
            <li key={a.id} className={`answer answer-${a.kind}`}>
              <strong>{t(`kind.${a.kind}`)}</strong>{' '}
              <span className="hint">
                {t('consultation.by', {
                  who: a.personName
                    ? `${a.personName} (${a.organizationName})`
                    : a.organizationName,
                  when: formatDateTime(a.answeredAt),
                })}
                {a.via === 'link' ? ` · ${t('consultation.viaLink')}` : ''}
              </span>
              {a.comment ? <p className="pre-line">{a.comment}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {onAnswer ? <AnswerForm id={c.id} onAnswer={onAnswer} Sub={Sub} /> : null}
    </article>
  );
}

function AnswerForm({
  id,
  onAnswer,
  Sub,
}: {
  id: string;
  Sub: 'h3' | 'h4';
  onAnswer: (answer: { kind: AnswerKind; comment: string }) => Promise<void>;
}) {
  const form = useZodForm(answerInputSchema);
  const [kind, setKind] = useState<AnswerKind>('acknowledge');
  const [comment, setComment] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const values = () => {
    setMessage(null);
    return { kind, comment };
  };
  const onSubmit = form.submitValid(values, async (input) => {
    await onAnswer(input);
    setComment('');
    setMessage(t('consultation.sent'));
  });
  return (
    <form
      ref={form.formRef}
      onSubmit={onSubmit}
      noValidate
      className="form"
      aria-labelledby={`answer-${id}`}
    >
      <Sub id={`answer-${id}`}>{t('consultation.yourAnswer')}</Sub>
      <FormProblem problem={form.problem} fields={['kind', 'comment']} />
      <SelectField
        label={t('consultation.kind')}
        value={kind}
        onChange={(v) => setKind(v as AnswerKind)}
        options={answerKinds.map((k) => ({ value: k, label: t(`action.${k}`) }))}
        error={form.error('kind')}
      />
      <TextAreaField
        label={t('consultation.comment')}
        hint={t('consultation.commentHint')}
        value={comment}
        onChange={setComment}
        error={form.error('comment')}
      />
      <SubmitButton busy={form.busy}>{t('consultation.send')}</SubmitButton>
      <Status message={message} />
    </form>
  );
}
