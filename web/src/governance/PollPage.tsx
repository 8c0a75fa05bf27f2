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
import { classList } from '../bylaws/labels.ts';
import { percent } from '../app/money.ts';
import { pollMethodLabels, pollStatusLabels, thresholdLabels, toDateInput } from './labels.ts';
import { t } from './messages.ts';
import { Nominations } from './Nominations.tsx';
import { InLog } from '../transparency/InLog.tsx';
import { ItemConsultations } from '../concerns/ItemConsultations.tsx';
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
    : t('pollPage.allMembers');
  const inElectorate =
    !!poll &&
    user.can.takePart &&
    !!user.memberClass &&
    (poll.electorate.length === 0 || poll.electorate.includes(user.memberClass));

  return (
    <Page title={poll?.title ?? t('pollPage.vote')}>
      <p>
        <Link href="/votes">
          <span aria-hidden="true">← </span>
          {t('pollPage.allVotes')}
        </Link>
      </p>
      {detail.error ? <LoadError error={detail.error} retry={detail.reload} /> : null}
      {!data && !detail.error ? <Loading /> : null}
      {data && poll ? (
        <>
          <section aria-labelledby="about-heading" className="card">
            <h2 id="about-heading">
              {poll.kind === 'election' ? t('pollPage.theElection') : t('pollPage.theProposal')}
            </h2>
            <p>
              <span className={`status poll-${poll.status}`}>{pollStatusLabels[poll.status]}</span>
              {poll.amendsBylaws ? (
                <span className="badge badge-warn">{t('pollPage.bylawAmendment')}</span>
              ) : null}
              {poll.budget ? (
                <span className="badge badge-warn">{t('pollPage.budget')}</span>
              ) : null}
            </p>
            {poll.body ? <p className="pre-line poll-body">{poll.body}</p> : null}
            <dl className="details">
              {poll.officeRole ? (
                <>
                  <dt>{t('pollPage.office')}</dt>
                  <dd>
                    {t('pollPage.seats', { office: humanize(poll.officeRole), count: poll.seats })}
                  </dd>
                </>
              ) : null}
              <dt>{t('pollPage.method')}</dt>
              <dd>{pollMethodLabels[poll.method] ?? poll.method}</dd>
              {poll.method === 'yes-no' ? (
                <>
                  <dt>{t('pollPage.majority')}</dt>
                  <dd>
                    {poll.inEachClass
                      ? t('pollPage.inEachClass', { majority: thresholdLabels[poll.threshold] })
                      : thresholdLabels[poll.threshold]}
                  </dd>
                </>
              ) : null}
              <dt>{t('pollPage.whoVotes')}</dt>
              <dd>
                {poll.classBalanced ? t('pollPage.classBalanced', { electorate }) : electorate}
              </dd>
              <dt>{t('pollPage.quorum')}</dt>
              <dd>{t('pollPage.quorumOf', { percent: percent(poll.quorumPercent) })}</dd>
              <dt>{t('pollPage.ballot')}</dt>
              <dd>{poll.secret ? t('pollPage.secret') : t('pollPage.open')}</dd>
              {poll.amendsBylaws ? (
                <>
                  <dt>{t('pollPage.inForce')}</dt>
                  <dd>
                    {poll.bylawsEffectiveOn
                      ? t('pollPage.inForceFrom', { day: formatDate(poll.bylawsEffectiveOn) })
                      : t('pollPage.inForceAtClose')}
                  </dd>
                </>
              ) : null}
              <dt>{t('pollPage.opens')}</dt>
              <dd>{formatDateTime(poll.opensAt)}</dd>
              <dt>{t('pollPage.closes')}</dt>
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
              <h2 id="budget-heading">{t('pollPage.theBudget')}</h2>
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
              <h2 id="options-heading">
                {poll.kind === 'election' ? t('pollPage.candidates') : t('pollPage.options')}
              </h2>
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
            <p className="notice notice-info">
              {t('pollPage.onlyClasses', { classes: classList(poll.electorate as MemberClass[]) })}
            </p>
          ) : null}

          <ItemConsultations kind="poll" id={poll.id} />
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
        tone="secondary"
        hint={t('pollPage.closeHint')}
        trigger={t('pollPage.closeTrigger')}
        title={t('pollPage.closeTitle', { title })}
        confirm={t('pollPage.closeConfirm')}
        onConfirm={async () => {
          await api.post('/api/polls/{id}/close', { params });
          onDone();
          return t('pollPage.closed');
        }}
      >
        <p>{t('pollPage.closeText', { closesAt: formatDateTime(closesAt) })}</p>
      </ConfirmAction>
    );
  return (
    <ConfirmAction
      hint={
        status === 'nominating' ? t('pollPage.openHintNominating') : t('pollPage.openHintScheduled')
      }
      // While candidates are nominated, nominating is the page's action; opening early is not.
      tone={status === 'nominating' ? 'secondary' : 'primary'}
      trigger={t('pollPage.openTrigger')}
      title={t('pollPage.openTitle', { title })}
      confirm={t('pollPage.openConfirm')}
      onConfirm={async () => {
        await api.post('/api/polls/{id}/open', { params });
        onDone();
        return t('pollPage.opened');
      }}
    >
      <p>
        {t(status === 'nominating' ? 'pollPage.openTextNominating' : 'pollPage.openTextScheduled', {
          opensAt: formatDateTime(opensAt),
        })}
      </p>
    </ConfirmAction>
  );
}
