import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { toApiError, type ApiError } from '../app/api.ts';
import { classLabel } from '../app/format.ts';
import {
  FormProblem,
  SelectField,
  Status,
  SubmitButton,
  TextAreaField,
  TextField,
} from '../app/forms.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { nominationInputSchema } from '../../../src/governance/nominationInput.ts';
import type { Nomination, Poll } from '../api/types.ts';
import { t } from './messages.ts';

function nominationState(n: Nomination): { label: string; className: string } {
  if (n.acceptedAt)
    return { label: t('nominations.accepted'), className: 'status status-accepted' };
  if (n.declinedAt) return { label: t('nominations.declined'), className: 'status status-revoked' };
  return { label: t('nominations.awaiting'), className: 'status status-pending' };
}

/** Who stands: nominations with their answers, a nominee's accept or decline, and nominating. */
export function Nominations({
  poll,
  nominations,
  onChange,
}: {
  poll: Poll;
  nominations: Nomination[];
  onChange: () => void;
}) {
  const user = useUser();
  const nominating = poll.status === 'nominating';
  const mine = nominations.find((n) => n.personId === user.personId);
  return (
    <section aria-labelledby="nominations-heading" className="card">
      <h2 id="nominations-heading">{t('nominations.title')}</h2>
      {nominating ? <p className="muted">{t('nominations.intro')}</p> : null}
      {nominations.length === 0 ? (
        <p className="muted">{t('nominations.none')}</p>
      ) : (
        <ul className="nomination-list">
          {nominations.map((n) => {
            const state = nominationState(n);
            return (
              <li key={n.personId}>
                <span className="nominee">
                  <Link href={`/members/${n.personId}`}>{n.displayName}</Link>
                  {n.personId === user.personId ? (
                    <span className="muted">{t('nominations.you')}</span>
                  ) : null}
                </span>{' '}
                <span className={state.className}>{state.label}</span>
                {n.statement ? <p className="statement">{n.statement}</p> : null}
              </li>
            );
          })}
        </ul>
      )}
      {nominating && mine ? (
        <AnswerNomination poll={poll} mine={mine} onAnswered={onChange} />
      ) : null}
      {nominating ? (
        <NominateForm
          poll={poll}
          nominated={nominations.map((n) => n.personId)}
          onNominated={onChange}
        />
      ) : null}
    </section>
  );
}

function AnswerNomination({
  poll,
  mine,
  onAnswered,
}: {
  poll: Poll;
  mine: Nomination;
  onAnswered: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const answer = async (accept: boolean) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    setMessage(null);
    try {
      await api.post('/api/polls/{id}/nomination/answer', {
        params: { path: { id: poll.id } },
        body: { accept },
      });
      setMessage(accept ? t('nominations.youAccepted') : t('nominations.youDeclined'));
      onAnswered();
    } catch (error) {
      setProblem(toApiError(error));
    } finally {
      setBusy(false);
    }
  };
  const state = mine.acceptedAt ? 'accepted' : mine.declinedAt ? 'declined' : 'open';
  return (
    <div className="notice notice-info nomination-answer">
      <p>
        <strong>{t('nominations.youAreNominated')}</strong>{' '}
        {state === 'accepted'
          ? t('nominations.stateAccepted')
          : state === 'declined'
            ? t('nominations.stateDeclined')
            : t('nominations.stateOpen')}
      </p>
      <div className="form-actions">
        {state !== 'accepted' ? (
          <button
            type="button"
            className="button primary"
            aria-disabled={busy || undefined}
            onClick={() => answer(true)}
          >
            {t('nominations.accept')}
          </button>
        ) : null}
        {state !== 'declined' ? (
          <button
            type="button"
            className="button danger"
            aria-disabled={busy || undefined}
            onClick={() => answer(false)}
          >
            {state === 'accepted' ? t('nominations.withdraw') : t('nominations.decline')}
          </button>
        ) : null}
      </div>
      {problem ? (
        <div className="notice notice-error" role="alert">
          <p>{problem.message}</p>
        </div>
      ) : null}
      <Status message={message} />
    </div>
  );
}

function NominateForm({
  poll,
  nominated,
  onNominated,
}: {
  poll: Poll;
  nominated: string[];
  onNominated: () => void;
}) {
  const user = useUser();
  const members = useQuery('/api/members', { params: { query: { status: 'active', limit: 500 } } });
  const form = useZodForm(nominationInputSchema);
  const [filter, setFilter] = useState('');
  const [personId, setPersonId] = useState('');
  const [statement, setStatement] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const words = filter.trim().toLowerCase();
  const candidates = (members.data?.members ?? []).filter(
    (m) =>
      !nominated.includes(m.personId) &&
      (!words || m.displayName.toLowerCase().includes(words) || m.personId === personId),
  );
  const nameOf = (id: string) =>
    members.data?.members.find((m) => m.personId === id)?.displayName ?? t('nominations.theMember');

  // A member not chosen yet is missing, as the route words it ("required").
  const values = () => {
    setMessage(null);
    return { personId: personId || undefined, statement: statement.trim() };
  };
  const onSubmit = form.submitValid(values, async (input) => {
    await api.post('/api/polls/{id}/nominations', {
      params: { path: { id: poll.id } },
      body: input,
    });
    setMessage(
      input.personId === user.personId
        ? t('nominations.nominatedYourself')
        : t('nominations.nominatedOther', { name: nameOf(input.personId) }),
    );
    setPersonId('');
    setStatement('');
    setFilter('');
    onNominated();
  });

  return (
    <form
      ref={form.formRef}
      onSubmit={onSubmit}
      noValidate
      className="form inline-form"
      aria-labelledby="nominate-heading"
    >
      <h3 id="nominate-heading">{t('nominations.nominate')}</h3>
      <FormProblem problem={form.problem} fields={['personId', 'statement']} />
      <div className="field-row">
        <TextField
          label={t('nominations.filter')}
          type="search"
          value={filter}
          onChange={setFilter}
          autoComplete="off"
          className="grow"
        />
        <SelectField
          label={t('nominations.member')}
          value={personId}
          onChange={setPersonId}
          options={[
            {
              value: '',
              label:
                candidates.length === 0
                  ? t('nominations.noMatch')
                  : t('nominations.choose', { count: candidates.length }),
            },
            ...candidates.map((m) => ({
              value: m.personId,
              label: t(
                m.personId === user.personId
                  ? 'nominations.memberOptionYou'
                  : 'nominations.memberOption',
                { name: m.displayName, memberClass: classLabel(m.memberClass) },
              ),
            })),
          ]}
          className="grow"
          error={form.error('personId')}
        />
      </div>
      <TextAreaField
        label={t('nominations.statement')}
        hint={t('nominations.statementHint')}
        value={statement}
        onChange={setStatement}
        rows={3}
        error={form.error('statement')}
      />
      <div className="form-actions">
        <SubmitButton busy={form.busy}>{t('nominations.submit')}</SubmitButton>
      </div>
      <Status message={message} />
    </form>
  );
}
