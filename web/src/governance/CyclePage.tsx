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
import { phaseLabels, phases, sliceOfClass, slices, surveyMethodShort } from './labels.ts';
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

const advanceHints: Partial<Record<CyclePhase, string>> = {
  proposing: 'Proposals close and voting opens now.',
  voting: 'Voting closes now and the plan is computed and published.',
  planned: 'The work starts now.',
  'in-progress': 'The cycle closes now.',
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
    <Page title={data?.cycle.title ?? 'Cycle'}>
      <p>
        <Link href="/cycles">
          <span aria-hidden="true">← </span>All cycles
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
          <dt>Voting</dt>
          <dd>
            {formatDateTime(cycle.votingOpensAt)} to {formatDateTime(cycle.votingClosesAt)}
          </dd>
          <dt>Work</dt>
          <dd>
            {formatDate(cycle.startsOn)} to {formatDate(cycle.endsOn)}
          </dd>
          <dt>Community survey</dt>
          <dd>
            {surveyMethodShort[cycle.surveyMethod]}
            {cycle.surveyMethod === 'quadratic' ? `, ${cycle.quadraticCredits} credits each` : ''}
          </dd>
          <dt>Capacity</dt>
          <dd>{detail.capacity} hours given by the hackers</dd>
          {phase !== 'proposing' ? (
            <>
              <dt>Participation</dt>
              <dd>
                {detail.participation.sponsorsVoted} sponsor
                {detail.participation.sponsorsVoted === 1 ? '' : 's'} spread their points;{' '}
                {detail.participation.surveyBallots} community member
                {detail.participation.surveyBallots === 1 ? '' : 's'} answered the survey
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
  const early = (at: string, what: string) =>
    new Date(at) > now ? ` It was scheduled for ${formatDateTime(at)}: ${what} now instead.` : '';
  const proposed = items.filter((i) => i.status === 'proposed').length;
  const consequences: Record<string, ReactNode> = {
    proposing: (
      <p>
        Proposals close: no item can be proposed or changed any more. Voting opens for sponsors, the
        community survey and the hackers’ declarations.
        {early(cycle.votingOpensAt, 'voting opens')}
      </p>
    ),
    voting: (
      <p>
        Voting closes with what has been cast ({participation.sponsorsVoted} sponsor
        {participation.sponsorsVoted === 1 ? '' : 's'}, {participation.surveyBallots} survey answer
        {participation.surveyBallots === 1 ? '' : 's'}); the plan is computed from {capacity} hours
        and published. It cannot be recomputed.
        {early(cycle.votingClosesAt, 'voting closes')}
      </p>
    ),
    planned: (
      <p>
        The work starts on the published plan.
        {new Date(cycle.startsOn) > now
          ? ` It was scheduled to start on ${formatDate(cycle.startsOn)}.`
          : ''}
      </p>
    ),
    'in-progress': (
      <p>
        The cycle closes and cannot be reopened.
        {new Date(cycle.endsOn) > now
          ? ` Its work was to run until ${formatDate(cycle.endsOn)}.`
          : ''}
      </p>
    ),
  };
  const warnings: ReactNode[] = [];
  if ((phase === 'proposing' || phase === 'voting') && proposed === 0)
    warnings.push('No item has been proposed: the plan will be empty.');
  if ((phase === 'proposing' || phase === 'voting') && capacity === 0)
    warnings.push('No hacker has given any hours: the plan will have no capacity to share.');
  if (phase === 'voting' && participation.sponsorsVoted + participation.surveyBallots === 0)
    warnings.push('Nobody has voted yet.');
  return (
    <ConfirmAction
      hint={advanceHints[phase]}
      trigger={`Move to next phase: ${phaseLabels[to]}`}
      title={`Move “${cycle.title}” to ${phaseLabels[to].toLowerCase()}?`}
      confirm={`Move to ${phaseLabels[to].toLowerCase()}`}
      warnings={warnings}
      onConfirm={async () => {
        const result = await api.post('/api/cycles/{id}/advance', {
          params: { path: { id: cycle.id } },
          body: { from: phase },
        });
        onAdvanced();
        return `The cycle moved to ${phaseLabels[result.phase].toLowerCase()}.`;
      }}
    >
      {consequences[phase]}
    </ConfirmAction>
  );
}
