import { postEntry } from '../finance/commands/postEntry.ts';
import { recordSponsorPayment } from '../finance/commands/recordSponsorPayment.ts';
import { closeYear } from '../finance/yearEnd/closeYear.ts';
import { logTime } from '../governance/commands/logTime.ts';
import { proposeWorkItem } from '../governance/commands/proposeWorkItem.ts';
import { loadActor } from '../members/repository.ts';
import { operatorActor } from '../platform/actor.ts';
import type { Db } from '../platform/db/database.ts';
import { lastOfMonth, shiftMonths } from '../platform/dates.ts';

/**
 * Two fiscal years of books: quarterly sponsorship from the demo organizations, monthly
 * salaries and infrastructure, a conference, hackers' hours; the first year closed with its
 * dividends.
 */
export async function fillDemoBooks(
  db: Db,
  publicUrl: string,
  coopId: string,
  ids: { hackerIds: string[]; orgIds: string[] },
) {
  const operator = { db, publicUrl, actor: operatorActor(coopId) };
  const today = new Date().toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4)) - 1;
  const quarterly = ['27000.00', '18000.00', '7500.00', '4500.00', '2400.00', '1200.00'];
  const months: string[] = [];
  for (let m = 0; ; m++) {
    const day = `${year}-${String((m % 12) + 1).padStart(2, '0')}-01`.replace(
      /^\d{4}/,
      String(year + Math.floor(m / 12)),
    );
    if (day > today) break;
    months.push(day);
  }
  for (const [i, month] of months.entries()) {
    if (i % 3 === 0)
      for (const [k, organizationId] of ids.orgIds.entries())
        await recordSponsorPayment(operator, {
          organizationId,
          receivedOn: shiftMonths(month, 0).replace(/-01$/, '-10'),
          amount: quarterly[k]!,
          reference: `Q${Math.floor((i % 12) / 3) + 1} retainer`,
        });
    const end = lastOfMonth(month);
    if (end > today) continue;
    await postEntry(operator, {
      effectiveOn: end,
      kind: 'salary',
      description: `Salaries ${month.slice(0, 7)}`,
      postings: [
        { account: 'expenses:salaries', amount: '16500.00' },
        { account: 'assets:bank:operating', amount: '-16500.00' },
      ],
    });
    await postEntry(operator, {
      effectiveOn: month.replace(/-01$/, '-05'),
      kind: 'expense',
      description: 'Servers and CI',
      postings: [
        { account: 'expenses:infrastructure', amount: '640.00' },
        { account: 'assets:bank:operating', amount: '-640.00' },
      ],
    });
  }
  await postEntry(operator, {
    effectiveOn: `${year}-09-20`,
    kind: 'expense',
    description: 'Contributor summit venue',
    postings: [
      { account: 'expenses:events', amount: '6200.00' },
      { account: 'assets:bank:operating', amount: '-6200.00' },
    ],
  });

  // Hours worked in the first year: the hackers' patronage.
  const item = await proposeWorkItem(
    { ...operator, actor: (await loadActor(db, coopId, ids.hackerIds[0]!))! },
    {
      title: 'Maintenance and releases',
      kind: 'feature',
      originClass: 'hackers',
      estimateHours: 5000,
    },
  );
  for (const [i, personId] of ids.hackerIds.entries()) {
    const hacker = { ...operator, actor: (await loadActor(db, coopId, personId))! };
    for (let m = 1; m <= 12; m++)
      for (let d = 1; d <= (i === 2 ? 8 : 16); d++)
        await logTime(hacker, personId, {
          workItemId: item.id,
          workedOn: `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
          hours: 7.5,
        });
  }

  await closeYear(operator, { fiscalYear: year });
}
