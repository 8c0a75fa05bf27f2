import { acceptQuote } from '../agreements/commands/acceptQuote.ts';
import { createAgreement } from '../agreements/commands/createAgreement.ts';
import { createTier } from '../agreements/commands/createTier.ts';
import { draftQuote } from '../agreements/commands/draftQuote.ts';
import { recordPurchaseOrder } from '../agreements/commands/recordPurchaseOrder.ts';
import { sendQuote } from '../agreements/commands/sendQuote.ts';
import { updateAgreement } from '../agreements/commands/updateAgreement.ts';
import { operatorActor, publicActor } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import { runCommand } from '../platform/commands.ts';
import { addDays, shiftMonths } from '../platform/dates.ts';
import type { Db } from '../platform/db/database.ts';

const entitlements = (level: 1 | 2 | 3) => ({
  responseHours: {
    critical: [24, 6, 2][level - 1]!,
    high: [72, 24, 8][level - 1]!,
    normal: level === 1 ? null : [0, 72, 24][level - 1]!,
    low: level === 3 ? 72 : null,
  },
  expertHoursPerMonth: [1, 4, 10][level - 1]!,
  reciprocalAccess: level > 1,
  meetingsPerYear: [1, 4, 12][level - 1]!,
  digest: (['quarterly', 'monthly', 'weekly'] as const)[level - 1]!,
  publicAcknowledgement: true,
  // Gold and platinum give back a share of the fee for each broken promise: 1% and 2% a breach,
  // at most 5% and 10% of a billing period's fee.
  ...(level > 1
    ? {
        serviceCredits: {
          perBreachBasisPoints: level * 100 - 100,
          capBasisPoints: level * 500 - 500,
        },
      }
    : {}),
});

/**
 * Silver, gold and platinum tiers; four sponsors on retainers served by the hackers (one with
 * a purchase order), a quote accepted through its link and one waiting for its buyer.
 */
export async function fillDemoAgreements(
  db: Db,
  publicUrl: string,
  coopId: string,
  ids: { hackerIds: string[]; orgIds: string[] },
  clock: Clock,
) {
  const ctx = { db, publicUrl, clock, actor: operatorActor(coopId) };
  const tiers: string[] = [];
  for (const [slug, name, price, hours, level] of [
    ['silver', 'Silver', '12000.00', 2, 1],
    ['gold', 'Gold', '36000.00', 6, 2],
    ['platinum', 'Platinum', '90000.00', 14, 3],
  ] as const)
    tiers.push(
      (
        await runCommand(
          createTier,
          {
            slug,
            name,
            summary: `${name}: sustained maintenance${level > 1 ? ', reciprocal access' : ''} and advice on call.`,
            price,
            currency: 'EUR',
            periodMonths: 12,
            entitlements: entitlements(level),
            serviceHoursPerMonth: hours,
          },
          ctx,
        )
      ).id,
    );
  const today = clock.today();
  const [ada, bruno, chiara] = ids.hackerIds;
  const started = shiftMonths(today, -7);
  for (const [org, tier, hackers] of [
    [0, 2, [ada!, bruno!]],
    [1, 1, [bruno!]],
    [2, 0, [chiara!]],
  ] as const) {
    const { id } = await runCommand(
      createAgreement,
      {
        organizationId: ids.orgIds[org]!,
        title: 'Retainer',
        startsOn: started,
        termMonths: 12,
        lines: [{ tierId: tiers[tier]! }],
        servingHackerIds: [...hackers],
      },
      ctx,
    );
    if (org === 0)
      await runCommand(
        recordPurchaseOrder,
        {
          agreementId: id,
          number: 'PO-2026-0042',
          amount: '90000.00',
          validFrom: started,
          validUntil: addDays(shiftMonths(started, 12), -1),
        },
        ctx,
      );
  }
  // A quote accepted through its link, as a buyer would.
  const accepted = await runCommand(
    draftQuote,
    {
      organizationId: ids.orgIds[3]!,
      title: 'Retainer with onboarding',
      validUntil: addDays(today, 30),
      startsOn: addDays(today, 14),
      termMonths: 12,
      lines: [{ tierId: tiers[1]! }, { description: 'Onboarding workshop', unitPrice: '1500.00' }],
    },
    ctx,
  );
  const sent = await runCommand(sendQuote, { quoteId: accepted.id }, ctx);
  const agreement = await runCommand(
    acceptQuote,
    {
      token: sent.acceptUrl.split('/quote/')[1]!,
      sha256: sent.sha256,
      signatory: {
        name: 'Priya Procurement',
        email: 'procurement@demo-buyer.example',
        role: 'Head of Procurement',
      },
    },
    { db, publicUrl, clock, actor: publicActor(coopId), ip: '198.51.100.23' },
  );
  await runCommand(
    updateAgreement,
    {
      agreementId: agreement.agreementId,
      patch: { servingHackerIds: [chiara!], buyerReference: 'IT-OPS-7' },
    },
    ctx,
  );
  // And one waiting for its buyer.
  const open = await runCommand(
    draftQuote,
    {
      organizationId: ids.orgIds[4]!,
      title: 'Platinum retainer',
      validUntil: addDays(today, 21),
      startsOn: addDays(today, 30),
      termMonths: 24,
      lines: [{ tierId: tiers[2]! }],
    },
    ctx,
  );
  await runCommand(sendQuote, { quoteId: open.id }, ctx);
}
