import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { localProblem, toApiError, type ApiError } from '../app/api.ts';
import { classLabel } from '../app/format.ts';
import {
  FormProblem,
  SelectField,
  Status,
  SubmitButton,
  TextAreaField,
  TextField,
  useForm,
} from '../app/forms.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';

import type { Nomination, Poll } from '../api/types.ts';

function nominationState(n: Nomination): { label: string; className: string } {
  if (n.acceptedAt) return { label: 'Accepted', className: 'status status-accepted' };
  if (n.declinedAt) return { label: 'Declined', className: 'status status-revoked' };
  return { label: 'Awaiting an answer', className: 'status status-pending' };
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
      <h2 id="nominations-heading">Nominations</h2>
      {nominating ? (
        <p className="muted">
          Any member may nominate an active member, themselves included. Only nominees who accept
          are on the ballot when it opens.
        </p>
      ) : null}
      {nominations.length === 0 ? (
        <p className="muted">Nobody is nominated yet.</p>
      ) : (
        <ul className="nomination-list">
          {nominations.map((n) => {
            const state = nominationState(n);
            return (
              <li key={n.personId}>
                <span className="nominee">
                  <Link href={`/members/${n.personId}`}>{n.displayName}</Link>
                  {n.personId === user.personId ? <span className="muted"> (you)</span> : null}
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
      setMessage(
        accept
          ? 'You accepted the nomination: you will be on the ballot.'
          : 'You declined the nomination.',
      );
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
        <strong>You are nominated.</strong>{' '}
        {state === 'accepted'
          ? 'You have accepted; you can still withdraw until the ballot opens.'
          : state === 'declined'
            ? 'You have declined; you can still accept until the ballot opens.'
            : 'Do you accept? Only nominees who accept are on the ballot.'}
      </p>
      <div className="form-actions">
        {state !== 'accepted' ? (
          <button
            type="button"
            className="button primary"
            aria-disabled={busy || undefined}
            onClick={() => answer(true)}
          >
            Accept the nomination
          </button>
        ) : null}
        {state !== 'declined' ? (
          <button
            type="button"
            className="button danger"
            aria-disabled={busy || undefined}
            onClick={() => answer(false)}
          >
            {state === 'accepted' ? 'Withdraw' : 'Decline the nomination'}
          </button>
        ) : null}
      </div>
      {problem ? (
        <div className="notice notice-error" role="alert">
          <p>{problem.problem.detail}</p>
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
  const form = useForm();
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
    members.data?.members.find((m) => m.personId === id)?.displayName ?? 'The member';

  const onSubmit = form.submit(async () => {
    setMessage(null);
    if (!personId) throw localProblem('Please choose a member.', { personId: 'choose a member' });
    await api.post('/api/polls/{id}/nominations', {
      params: { path: { id: poll.id } },
      body: {
        personId,
        statement: statement.trim(),
      },
    });
    setMessage(
      personId === user.personId
        ? 'You nominated yourself: you are on the ballot.'
        : `${nameOf(personId)} is nominated and asked to accept.`,
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
      <h3 id="nominate-heading">Nominate a member</h3>
      <FormProblem problem={form.problem} fields={['personId', 'statement']} />
      <div className="field-row">
        <TextField
          label="Filter members by name"
          type="search"
          value={filter}
          onChange={setFilter}
          autoComplete="off"
          className="grow"
        />
        <SelectField
          label="Member"
          value={personId}
          onChange={setPersonId}
          options={[
            {
              value: '',
              label:
                candidates.length === 0
                  ? 'No member matches'
                  : `Choose a member (${candidates.length})…`,
            },
            ...candidates.map((m) => ({
              value: m.personId,
              label: `${m.displayName}${m.personId === user.personId ? ' (you)' : ''} — ${classLabel(m.memberClass)}`,
            })),
          ]}
          className="grow"
          error={form.error('personId')}
        />
      </div>
      <TextAreaField
        label="Statement (optional)"
        hint="Why this member should hold the office."
        value={statement}
        onChange={setStatement}
        rows={3}
        error={form.error('statement')}
      />
      <div className="form-actions">
        <SubmitButton busy={form.busy}>Nominate</SubmitButton>
      </div>
      <Status message={message} />
    </form>
  );
}
