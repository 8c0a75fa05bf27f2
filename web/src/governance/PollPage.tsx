import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { ConfirmAction } from '../app/ConfirmAction.tsx';
import { classPluralLabel, formatDate, formatDateTime, humanize } from '../app/format.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { AmendmentChanges } from './AmendmentChanges.tsx';
import type { MemberClass } from '../api/types.ts';
import { BudgetLinesTable } from './BudgetLines.tsx';
import { pollMethodLabels, pollStatusLabels, thresholdLabels, toDateInput } from './labels.ts';
import { Nominations } from './Nominations.tsx';
import { InLog } from '../transparency/InLog.tsx';
import { PollResultView } from './PollResult.tsx';
import { PublishedBallots } from './PublishedBallots.tsx';

import { VoteForm } from './VoteForm.tsx';

/** A proposal or an election: the question, who stands, the ballot, and after the close the count. */
export function PollPage({ id }: { id: string }) {
  const user = useUser();
  const detail = useQuery('/api/polls/{id}', { params: { path: { id } } });
  const data = detail.data;
  const poll = data?.poll;
  const openBallots = poll && poll.status === 'closed' && !poll.secret;
  const members = useQuery(openBallots ? '/api/members' : null, {
    params: { query: { limit: 500 } },
  });
  const voterNames = new Map((members.data?.members ?? []).map((m) => [m.personId, m.displayName]));
  // The receipt of a vote cast on this page, for "Find my ballot" after the close.
  const [receipt, setReceipt] = useState<string | undefined>(undefined);

  const electorate = poll?.electorate.length
    ? poll.electorate.map((c) => classPluralLabel(c as MemberClass)).join(', ')
    : 'All members';
  const inElectorate =
    !!poll &&
    user.can.takePart &&
    !!user.memberClass &&
    (poll.electorate.length === 0 || poll.electorate.includes(user.memberClass));

  return (
    <Page title={poll?.title ?? 'Vote'}>
      <p>
        <Link href="/votes">
          <span aria-hidden="true">← </span>All votes
        </Link>
      </p>
      {detail.error ? <LoadError error={detail.error} retry={detail.reload} /> : null}
      {!data && !detail.error ? <Loading /> : null}
      {data && poll ? (
        <>
          <section aria-labelledby="about-heading" className="card">
            <h2 id="about-heading">{poll.kind === 'election' ? 'The election' : 'The proposal'}</h2>
            <p>
              <span className={`status poll-${poll.status}`}>{pollStatusLabels[poll.status]}</span>
              {poll.amendsBylaws ? <span className="badge badge-warn">Bylaw amendment</span> : null}
              {poll.budget ? <span className="badge badge-warn">Budget</span> : null}
            </p>
            {poll.body ? <p className="pre-line poll-body">{poll.body}</p> : null}
            <dl className="details">
              {poll.officeRole ? (
                <>
                  <dt>Office</dt>
                  <dd>
                    {humanize(poll.officeRole)}, {poll.seats} seat{poll.seats === 1 ? '' : 's'}
                  </dd>
                </>
              ) : null}
              <dt>Method</dt>
              <dd>{pollMethodLabels[poll.method] ?? poll.method}</dd>
              {poll.method === 'yes-no' ? (
                <>
                  <dt>Majority</dt>
                  <dd>
                    {thresholdLabels[poll.threshold]}
                    {poll.inEachClass
                      ? ', reached in each member class separately (it changes an entrenched part of the bylaws)'
                      : ''}
                  </dd>
                </>
              ) : null}
              <dt>Who votes</dt>
              <dd>
                {electorate}
                {poll.classBalanced ? ', class-balanced by the pie' : ''}
              </dd>
              <dt>Quorum</dt>
              <dd>{poll.quorumPercent}% of the electorate</dd>
              <dt>Ballot</dt>
              <dd>
                {poll.secret
                  ? 'Secret: ballots are published without voters'
                  : 'Open: ballots are published with their voters'}
              </dd>
              {poll.amendsBylaws ? (
                <>
                  <dt>If passed, in force</dt>
                  <dd>
                    {poll.bylawsEffectiveOn
                      ? `from ${formatDate(poll.bylawsEffectiveOn)} (or the day of the close, if later)`
                      : 'from the day of the close'}
                  </dd>
                </>
              ) : null}
              <dt>Opens</dt>
              <dd>{formatDateTime(poll.opensAt)}</dd>
              <dt>Closes</dt>
              <dd>{formatDateTime(poll.closesAt)}</dd>
            </dl>
            {user.can.callVotes && poll.status !== 'closed' ? (
              <PollActions
                pollId={poll.id}
                title={poll.title}
                status={poll.status}
                opensAt={poll.opensAt}
                closesAt={poll.closesAt}
                onDone={detail.reload}
              />
            ) : null}
          </section>

          {poll.budget ? (
            <section aria-labelledby="budget-heading" className="card">
              <h2 id="budget-heading">The budget</h2>
              <BudgetLinesTable lines={poll.budget} />
            </section>
          ) : null}
          {poll.amendsBylaws && data.proposedBylaws ? (
            <AmendmentChanges
              amends={poll.bylawsVersion}
              proposed={data.proposedBylaws}
              decided={poll.status === 'closed'}
              effectiveOn={poll.bylawsEffectiveOn ?? toDateInput(new Date(poll.closesAt))}
            />
          ) : null}

          {poll.kind === 'election' ? (
            <Nominations poll={poll} nominations={data.nominations} onChange={detail.reload} />
          ) : null}

          {data.options.length > 0 && poll.method !== 'yes-no' ? (
            <section aria-labelledby="options-heading" className="card">
              <h2 id="options-heading">{poll.kind === 'election' ? 'Candidates' : 'Options'}</h2>
              <ol className="option-list">
                {data.options.map((o) => (
                  <li key={o.number}>
                    {o.personId ? <Link href={`/members/${o.personId}`}>{o.label}</Link> : o.label}
                  </li>
                ))}
              </ol>
            </section>
          ) : null}

          {poll.status === 'open' && inElectorate ? (
            <VoteForm
              poll={poll}
              options={data.options}
              votedAt={data.votedAt}
              onVoted={detail.reload}
              onReceipt={setReceipt}
            />
          ) : null}
          {poll.status === 'open' && !inElectorate ? (
            <p className="notice notice-info">Only {electorate.toLowerCase()} vote on this.</p>
          ) : null}

          {poll.status === 'closed' ? <PollResultView poll={poll} options={data.options} /> : null}
          {poll.status === 'closed' ? (
            <InLog subjectType="poll" subjectId={poll.id} eventType="poll.closed" />
          ) : null}
          {poll.status === 'closed' && data.ballots ? (
            <PublishedBallots
              poll={poll}
              options={data.options}
              ballots={data.ballots}
              receipt={receipt}
              voterNames={voterNames}
            />
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

function PollActions({
  pollId,
  title,
  status,
  opensAt,
  closesAt,
  onDone,
}: {
  pollId: string;
  title: string;
  status: 'nominating' | 'scheduled' | 'open';
  opensAt: string;
  closesAt: string;
  onDone: () => void;
}) {
  const params = { path: { id: pollId } };
  if (status === 'open')
    return (
      <ConfirmAction
        hint="The vote closes at its time by itself; it can close earlier only once the votes still to come cannot change the result."
        trigger="Close and count now"
        title={`Close “${title}” now?`}
        confirm="Close and count the vote"
        onConfirm={async () => {
          await api.post('/api/polls/{id}/close', { params });
          onDone();
          return 'The vote is closed and counted.';
        }}
      >
        <p>
          The vote closes now instead of at {formatDateTime(closesAt)} and is counted; the result is
          published. Members who have not voted cannot vote any more. A closed vote cannot be
          reopened.
        </p>
      </ConfirmAction>
    );
  return (
    <ConfirmAction
      hint={
        status === 'nominating'
          ? 'Opening the ballot now closes nominations; the accepted nominees are the candidates.'
          : 'The ballot opens at its time by itself; you can open it now.'
      }
      trigger="Open the ballot now"
      title={`Open the ballot of “${title}” now?`}
      confirm="Open the ballot"
      onConfirm={async () => {
        await api.post('/api/polls/{id}/open', { params });
        onDone();
        return 'The ballot is open.';
      }}
    >
      <p>
        The ballot opens now instead of at {formatDateTime(opensAt)}
        {status === 'nominating'
          ? ': nominations close, and only the accepted nominees stand.'
          : '.'}{' '}
        An open ballot cannot be put back.
      </p>
    </ConfirmAction>
  );
}
