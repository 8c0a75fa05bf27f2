import { advanceCycle } from '../governance/commands/advanceCycle.ts';
import { castSponsorPoints } from '../governance/commands/castSponsorPoints.ts';
import { castSurveyBallot } from '../governance/commands/castSurveyBallot.ts';
import { createCycle } from '../governance/commands/createCycle.ts';
import { createProposal } from '../governance/commands/createPoll.ts';
import { declareHackerWork } from '../governance/commands/declareHackerWork.ts';
import { proposeWorkItem } from '../governance/commands/proposeWorkItem.ts';
import { recordFunding } from '../governance/commands/recordFunding.ts';
import { setAvailability } from '../governance/commands/setAvailability.ts';
import { loadActor } from '../members/repository.ts';
import { operatorActor, systemActor } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import { runCommand } from '../platform/commands.ts';
import type { Db } from '../platform/db/database.ts';

const day = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * A cycle in its voting phase, as members would find it: items in every slice, the hackers’
 * hours, a sponsor’s contributed labour, some sponsor points and survey answers in; and a
 * proposal open for votes. Every write goes through the same commands as real use.
 */
export async function fillDemoGovernance(
  db: Db,
  publicUrl: string,
  coopId: string,
  ids: { hackerIds: string[]; orgIds: string[]; repIds: string[]; communityIds: string[] },
  clock: Clock,
) {
  const as = async (personId: string) => ({
    db,
    publicUrl,
    clock,
    actor: (await loadActor(db, coopId, personId, clock.today()))!,
  });
  const operator = { db, publicUrl, clock, actor: operatorActor(coopId) };
  const system = { db, publicUrl, clock, actor: systemActor(coopId) };
  const now = clock.now().getTime();
  await runCommand(
    recordFunding,
    {
      organizationId: ids.orgIds[4]!,
      receivedOn: isoDay(now - 20 * day),
      labourHours: 120,
      note: 'Two engineers on the release',
    },
    operator,
  );

  const cycle = await runCommand(
    createCycle,
    {
      title: `Cycle starting ${isoDay(now + 30 * day)}`,
      votingOpensAt: new Date(now + day),
      votingClosesAt: new Date(now + 14 * day),
      startsOn: isoDay(now + 30 * day),
      surveyMethod: 'approval',
    },
    operator,
  );
  const item = async (
    personId: string,
    originClass: 'sponsors' | 'community' | 'hackers',
    title: string,
    estimateHours: number,
    kind: 'feature' | 'bug' | 'infrastructure' | 'hackers-own' = 'feature',
  ) =>
    (
      await runCommand(
        proposeWorkItem,
        { cycleId: cycle.id, title, originClass, estimateHours, kind, topics: [] },
        await as(personId),
      )
    ).id;
  const sponsorItems = [
    await item(ids.repIds[0]!, 'sponsors', 'ARM64 builds and CI', 160, 'infrastructure'),
    await item(ids.repIds[1]!, 'sponsors', 'FIPS-validated crypto mode', 300),
    await item(ids.repIds[2]!, 'sponsors', 'Long-term support branch for 4.x', 240),
  ];
  const communityItems = [
    await item(ids.communityIds[0]!, 'community', 'Dark mode for the dashboard', 40),
    await item(ids.communityIds[1]!, 'community', 'Better error messages for config files', 80),
    await item(ids.communityIds[2]!, 'community', 'Windows installer', 120),
    await item(ids.communityIds[3]!, 'community', 'Fix memory leak in the watcher', 30, 'bug'),
  ];
  const hackerItems = [
    await item(ids.hackerIds[0]!, 'hackers', 'Rewrite the query planner', 200, 'hackers-own'),
    await item(ids.hackerIds[2]!, 'hackers', 'Fuzzing harness', 60, 'hackers-own'),
  ];
  for (const [i, personId] of ids.hackerIds.entries())
    await runCommand(
      setAvailability,
      {
        cycleId: cycle.id,
        personId,
        hours: i === 2 ? 240 : 480,
        note: i === 2 ? 'Part time' : '',
      },
      operator,
    );
  await runCommand(
    declareHackerWork,
    { cycleId: cycle.id, hours: { [hackerItems[0]!]: 100 } },
    await as(ids.hackerIds[0]!),
  );
  await runCommand(
    declareHackerWork,
    { cycleId: cycle.id, hours: { [hackerItems[1]!]: 60 } },
    await as(ids.hackerIds[2]!),
  );

  // Voting opens now rather than at its time, as the co-op would on the day.
  await runCommand(advanceCycle, { cycleId: cycle.id, from: 'proposing' }, system);
  const points = [
    { [sponsorItems[0]!]: 70, [sponsorItems[2]!]: 30 },
    { [sponsorItems[1]!]: 100 },
    { [sponsorItems[2]!]: 60, [sponsorItems[0]!]: 40 },
  ];
  for (const [i, p] of points.entries())
    await runCommand(castSponsorPoints, { cycleId: cycle.id, points: p }, await as(ids.repIds[i]!));
  for (const [i, personId] of ids.communityIds.slice(0, 60).entries()) {
    const approve = communityItems.filter((_, k) => (i + k) % 3 !== 0 || k === 3);
    await runCommand(
      castSurveyBallot,
      { cycleId: cycle.id, ballot: { approve } },
      await as(personId),
    );
  }

  await runCommand(
    createProposal,
    {
      title: 'Sponsor the project’s first in-person contributor summit',
      body: 'Spend up to EUR 15,000 from the community fund on travel grants and a venue.',
      method: 'yes-no',
      secret: true,
      // Passed, it becomes next year's events budget, set against the books in the reports.
      budget: [
        {
          account: 'expenses:events',
          fromDay: `${new Date(now).getUTCFullYear() + 1}-01-01`,
          toDay: `${new Date(now).getUTCFullYear() + 1}-12-31`,
          amount: '15000.00',
        },
      ],
      opensAt: new Date(now - 60_000),
      closesAt: new Date(now + 7 * day),
    },
    operator,
  );
}
