import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { ConfirmAction } from '../app/ConfirmAction.tsx';
import { formatDate, formatDateTime } from '../app/format.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';

import { AvailabilityTable } from './Availability.tsx';
import { CommunitySurvey } from './CommunitySurvey.tsx';
import { HackerDeclarations } from './HackerDeclarations.tsx';
import {
  phaseInline,
  phaseLabels,
  phases,
  sliceOfClass,
  slices,
  surveyMethodShort,
} from './labels.ts';
import { t } from './messages.ts';
import { PhaseStepper } from './PhaseStepper.tsx';
import { Plan } from './Plan.tsx';
import { SponsorPoints } from './SponsorPoints.tsx';
import type { CycleDetail, CyclePhase, Slice } from '../api/types.ts';
import { ItemsBySlice, ProposeItemForm } from './WorkItems.tsx';

const nextPhase: Partial<Record<CyclePhase, CyclePhase>> = {
  proposing: 'voting',
  voting: 'planned',
  planned: 'in-progress',
  'in-progress': 'closed',
};

/** One cycle: its phase, items, hours, the vote for the viewer's class, and the plan. */
export function CyclePage({ id }: { id: string }) {
  const user = useUser();
  const detail = useQuery('/api/cycles/{id}', { params: { path: { id } } });
  const data = detail.data;
  const bylaws = useQuery(data ? '/api/bylaws/versions/{version}' : null, {
    params: { path: { version: data?.cycle.bylawsVersion ?? 0 } },
  });
  const pie = bylaws.data?.document.pie;

  return (
    <Page title={data?.cycle.title ?? t('cyclePage.cycle')}>
      <p>
        <Link href="/cycles">
          <span aria-hidden="true">← </span>
          {t('cyclePage.allCycles')}
        </Link>
      </p>
      {detail.error ? <LoadError error={detail.error} retry={detail.reload} /> : null}
      {!data && !detail.error ? <Loading /> : null}
      {data ? (
        <CycleBody detail={data} pie={pie} reload={detail.reload} userId={user.personId} />
      ) : null}
    </Page>
  );
}

function CycleBody({
  detail,
  pie,
  reload,
  userId,
}: {
  detail: CycleDetail;
  pie: { sponsors: number; community: number; hackers: number } | undefined;
  reload: () => void;
  userId: string;
}) {
  const user = useUser();
  const { cycle, items } = detail;
  const phase = cycle.phase;
  const manager = user.can.manageCycles;
  const active = user.can.takePart;
  const memberClass = active ? user.memberClass : null;
  const ownSlice = memberClass ? sliceOfClass[memberClass] : null;
  const allowedSlices: Slice[] = manager ? [...slices] : ownSlice ? [ownSlice] : [];
  if (manager && ownSlice) {
    // The viewer's own slice first.
    allowedSlices.splice(allowedSlices.indexOf(ownSlice), 1);
    allowedSlices.unshift(ownSlice);
  }
  const open = (slice: Slice) =>
    items.filter((i) => i.originClass === slice && i.status === 'proposed');
  const published = phases.indexOf(phase) >= phases.indexOf('planned');
  const myHours = detail.availability.find((a) => a.personId === userId)?.hours;

  return (
    <>
      <div className="cycle-summary card">
        <p className="cycle-phase">
          <span className={`status phase-${phase}`}>{phaseLabels[phase]}</span>
        </p>
        <dl className="details">
          <dt>{t('cyclePage.voting')}</dt>
          <dd>
            {t('cyclePage.from', {
              from: formatDateTime(cycle.votingOpensAt),
              to: formatDateTime(cycle.votingClosesAt),
            })}
          </dd>
          <dt>{t('cyclePage.work')}</dt>
          <dd>
            {t('cyclePage.from', {
              from: formatDate(cycle.startsOn),
              to: formatDate(cycle.endsOn),
            })}
          </dd>
          <dt>{t('cyclePage.survey')}</dt>
          <dd>
            {cycle.surveyMethod === 'quadratic'
              ? t('cyclePage.credits', {
                  method: surveyMethodShort[cycle.surveyMethod],
                  credits: cycle.quadraticCredits ?? 0,
                })
              : surveyMethodShort[cycle.surveyMethod]}
          </dd>
          <dt>{t('cyclePage.capacity')}</dt>
          <dd>{t('cyclePage.capacityHours', { hours: detail.capacity })}</dd>
          {phase !== 'proposing' ? (
            <>
              <dt>{t('cyclePage.participation')}</dt>
              <dd>
                {t('cyclePage.sponsorsVoted', { count: detail.participation.sponsorsVoted })};{' '}
                {t('cyclePage.surveyAnswered', { count: detail.participation.surveyBallots })}
              </dd>
            </>
          ) : null}
        </dl>
        <PhaseStepper phase={phase} />
        {manager && nextPhase[phase] ? <AdvanceButton detail={detail} onAdvanced={reload} /> : null}
      </div>

      {phase === 'voting' && user.can.voteAsSponsor ? (
        <SponsorPoints
          cycleId={cycle.id}
          items={open('sponsors')}
          mine={detail.mine.sponsorPoints}
          organizationName={
            items.find((i) => i.organizationId === user.organizationId)?.organizationName ?? null
          }
          onSaved={reload}
        />
      ) : null}
      {phase === 'voting' && user.can.voteInSurvey ? (
        <CommunitySurvey
          cycle={cycle}
          items={open('community')}
          mine={detail.mine.surveyBallot}
          onSaved={reload}
        />
      ) : null}
      {(phase === 'proposing' || phase === 'voting') && user.can.declareHackerWork ? (
        <HackerDeclarations
          cycleId={cycle.id}
          items={items.filter((i) => i.originClass === 'hackers' && i.status === 'proposed')}
          mine={detail.mine.declarations}
          myHours={myHours}
          hackerPercent={pie?.hackers}
          onSaved={reload}
        />
      ) : null}

      {published ? <Plan detail={detail} pie={pie} onChange={reload} /> : null}

      <ItemsBySlice items={items} />
      {phase === 'proposing' && allowedSlices.length > 0 ? (
        <ProposeItemForm cycleId={cycle.id} allowedSlices={allowedSlices} onProposed={reload} />
      ) : null}
      <AvailabilityTable
        cycleId={cycle.id}
        availability={detail.availability}
        capacity={detail.capacity}
        editable={phase === 'proposing' || phase === 'voting'}
        onChange={reload}
      />
    </>
  );
}

function AdvanceButton({ detail, onAdvanced }: { detail: CycleDetail; onAdvanced: () => void }) {
  const { cycle, items, capacity, participation } = detail;
  const phase = cycle.phase;
  const to = nextPhase[phase]!;
  const now = new Date();
  const early = (at: string, key: 'cyclePage.earlyVotingOpens' | 'cyclePage.earlyVotingCloses') =>
    new Date(at) > now ? ` ${t(key, { at: formatDateTime(at) })}` : '';
  const proposed = items.filter((i) => i.status === 'proposed').length;
  const consequences: Record<string, ReactNode> = {
    proposing: (
      <p>
        {t('cyclePage.proposingCloses')}
        {early(cycle.votingOpensAt, 'cyclePage.earlyVotingOpens')}
      </p>
    ),
    voting: (
      <p>
        {t('cyclePage.votingCloses', {
          sponsors: t('cyclePage.votingCast', { count: participation.sponsorsVoted }),
          answers: t('cyclePage.surveyCast', { count: participation.surveyBallots }),
          hours: capacity,
        })}
        {early(cycle.votingClosesAt, 'cyclePage.earlyVotingCloses')}
      </p>
    ),
    planned: (
      <p>
        {t('cyclePage.workStarts')}
        {new Date(cycle.startsOn) > now
          ? ` ${t('cyclePage.workScheduled', { day: formatDate(cycle.startsOn) })}`
          : ''}
      </p>
    ),
    'in-progress': (
      <p>
        {t('cyclePage.cycleCloses')}
        {new Date(cycle.endsOn) > now
          ? ` ${t('cyclePage.workUntil', { day: formatDate(cycle.endsOn) })}`
          : ''}
      </p>
    ),
  };
  const warnings: ReactNode[] = [];
  if ((phase === 'proposing' || phase === 'voting') && proposed === 0)
    warnings.push(t('cyclePage.noItems'));
  if ((phase === 'proposing' || phase === 'voting') && capacity === 0)
    warnings.push(t('cyclePage.noCapacity'));
  if (phase === 'voting' && participation.sponsorsVoted + participation.surveyBallots === 0)
    warnings.push(t('cyclePage.nobodyVoted'));
  return (
    <ConfirmAction
      tone="secondary"
      hint={phase === 'closed' ? undefined : t(`cyclePage.advanceHint.${phase}`)}
      trigger={t('cyclePage.trigger', { phase: phaseLabels[to] })}
      title={t('cyclePage.confirmTitle', { title: cycle.title, phase: phaseInline[to] })}
      confirm={t('cyclePage.confirm', { phase: phaseInline[to] })}
      warnings={warnings}
      onConfirm={async () => {
        const result = await api.post('/api/cycles/{id}/advance', {
          params: { path: { id: cycle.id } },
          body: { from: phase },
        });
        onAdvanced();
        return t('cyclePage.moved', { phase: phaseInline[result.phase] });
      }}
    >
      {consequences[phase]}
    </ConfirmAction>
  );
}
