import { DateTime } from 'luxon';
import { moveOpportunity } from '../pipeline/commands/moveOpportunity.ts';
import { openOpportunity } from '../pipeline/commands/openOpportunity.ts';
import { operatorActor } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import { runCommand } from '../platform/commands.ts';
import type { Db } from '../platform/db/database.ts';

/**
 * A small pipeline: the sponsor whose quote waits (a proposal), a prospect at its first call
 * (a lead, its next step passed, so the board flags it), more business with the first sponsor,
 * and a deal lost, with its reason.
 */
export async function fillDemoPipeline(
  db: Db,
  publicUrl: string,
  coopId: string,
  orgIds: string[],
  currency: string,
  clock: Clock,
) {
  const ctx = { db, publicUrl, clock, actor: operatorActor(coopId) };
  const day = (days: number) => DateTime.fromISO(clock.today()).plus({ days }).toISODate()!;
  const open = async (org: number, title: string, amount: string, fields: object) =>
    (
      await runCommand(
        openOpportunity,
        {
          organizationId: orgIds[org]!,
          title,
          amount,
          currency,
          expectedCloseOn: day(45),
          ...fields,
        },
        ctx,
      )
    ).id;
  await open(4, 'Platinum retainer', '90000.00', {
    stage: 'proposal',
    nextStep: 'Walk their procurement through the quote',
    nextStepOn: day(5),
    champion: { name: 'Priya Natarajan', email: 'priya@example.com' },
    engineerMonths: '18.0',
  });
  await open(5, 'Silver retainer', '12000.00', {
    nextStep: 'First call with their platform lead',
    nextStepOn: day(-3),
    engineerMonths: '4.5',
    expectedCloseOn: day(100),
  });
  await open(0, 'Expert hours for the migration', '20000.00', {
    stage: 'qualified',
    nextStep: 'Scope the migration',
    nextStepOn: day(10),
    engineerMonths: '6.0',
  });
  const lost = await open(5, 'Gold retainer', '36000.00', { stage: 'negotiation' });
  await runCommand(
    moveOpportunity,
    { opportunityId: lost, stage: 'lost', reason: 'Budget frozen until next fiscal year' },
    ctx,
  );
}
