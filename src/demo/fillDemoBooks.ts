import { postEntry } from '../finance/commands/postEntry.ts';
import { importStatement } from '../finance/statements/commands/importStatement.ts';
import { queryRows } from '../platform/db/rows.ts';
import { sql } from 'drizzle-orm';
import { approveClaim } from '../finance/expenses/commands/approveClaim.ts';
import { createClaim } from '../finance/expenses/commands/createClaim.ts';
import { payClaim } from '../finance/expenses/commands/payClaim.ts';
import { submitClaim } from '../finance/expenses/commands/submitClaim.ts';
import { uploadReceipt } from '../finance/expenses/commands/uploadReceipt.ts';
import { runPayroll } from '../finance/payroll/commands/runPayroll.ts';
import { setSalary } from '../finance/payroll/commands/setSalary.ts';
import { recordSponsorPayment } from '../finance/commands/recordSponsorPayment.ts';
import { closeYear } from '../finance/yearEnd/closeYear.ts';
import { logTime } from '../governance/commands/logTime.ts';
import { proposeWorkItem } from '../governance/commands/proposeWorkItem.ts';
import { loadActor } from '../members/repository.ts';
import { operatorActor } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import { runCommand, type CommandContext } from '../platform/commands.ts';
import type { Db } from '../platform/db/database.ts';
import { addDays, lastOfMonth, shiftMonths } from '../platform/dates.ts';

const tinyPng =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

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
  clock: Clock,
) {
  const operator = { db, publicUrl, actor: operatorActor(coopId), clock };
  const today = clock.today();
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
  const salaries = [
    { gross: '6200.00', employer: '1240.00' },
    { gross: '5800.00', employer: '1160.00' },
    { gross: '3100.00', employer: '620.00' },
  ];
  for (const [i, personId] of ids.hackerIds.entries())
    await runCommand(
      setSalary,
      {
        personId,
        grossMonthly: salaries[i]!.gross,
        employerCostMonthly: salaries[i]!.employer,
        effectiveFrom: months[0]!,
      },
      operator,
    );
  const monthly = salaries.reduce(
    (sum, s) => sum + Math.round(Number(s.gross) * 100) + Math.round(Number(s.employer) * 100),
    0,
  );
  const payout = (monthly / 100).toFixed(2);
  for (const [i, month] of months.entries()) {
    if (i % 3 === 0)
      for (const [k, organizationId] of ids.orgIds.entries())
        await runCommand(
          recordSponsorPayment,
          {
            organizationId,
            receivedOn: shiftMonths(month, 0).replace(/-01$/, '-10'),
            amount: quarterly[k]!,
            reference: `Q${Math.floor((i % 12) / 3) + 1} retainer`,
          },
          operator,
        );
    const end = lastOfMonth(month);
    if (end > today) continue;
    await runPayroll(operator, { month: month.slice(0, 7) });
    // The payables the payroll books are paid out at the month's end.
    await runCommand(
      postEntry,
      {
        effectiveOn: end,
        kind: 'payment',
        description: `Pay out ${month.slice(0, 7)}`,
        postings: [
          { account: 'liabilities:payables', amount: payout },
          { account: 'assets:bank:operating', amount: `-${payout}` },
        ],
      },
      operator,
    );
    await runCommand(
      postEntry,
      {
        effectiveOn: month.replace(/-01$/, '-05'),
        kind: 'expense',
        description: 'Servers and CI',
        postings: [
          { account: 'expenses:infrastructure', amount: '640.00' },
          { account: 'assets:bank:operating', amount: '-640.00' },
        ],
      },
      operator,
    );
  }
  await runCommand(
    postEntry,
    {
      effectiveOn: `${year}-09-20`,
      kind: 'expense',
      description: 'Contributor summit venue',
      postings: [
        { account: 'expenses:events', amount: '6200.00' },
        { account: 'assets:bank:operating', amount: '-6200.00' },
      ],
    },
    operator,
  );

  // Hours worked in the first year: the hackers' patronage.
  const item = await runCommand(
    proposeWorkItem,
    {
      title: 'Maintenance and releases',
      kind: 'feature',
      originClass: 'hackers',
      estimateHours: 5000,
    },
    { ...operator, actor: (await loadActor(db, coopId, ids.hackerIds[0]!, today))! },
  );
  for (const [i, personId] of ids.hackerIds.entries()) {
    const hacker = { ...operator, actor: (await loadActor(db, coopId, personId, today))! };
    for (let m = 1; m <= 12; m++)
      for (let d = 1; d <= (i === 2 ? 8 : 16); d++)
        await runCommand(
          logTime,
          {
            personId,
            workItemId: item.id,
            workedOn: `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
            hours: 7.5,
          },
          hacker,
        );
  }

  await runCommand(closeYear, { fiscalYear: year }, operator);

  // Expense claims on the way: one paid, one waiting for its approver, one above the
  // threshold with one of its two approvals.
  const [economist, technologist, third] = await Promise.all(
    ids.hackerIds.map(async (id) => ({
      db,
      publicUrl,
      clock,
      actor: (await loadActor(db, coopId, id, today))!,
    })),
  );
  // Each bill its own file: a PNG reader ignores what follows the image's end.
  const receipt = async (who: typeof economist, title: string) =>
    (
      await runCommand(
        uploadReceipt,
        {
          name: 'receipt.png',
          contentType: 'image/png',
          base64: Buffer.concat([Buffer.from(tinyPng, 'base64'), Buffer.from(title)]).toString(
            'base64',
          ),
        },
        who!,
      )
    ).id;
  const claim = async (
    who: typeof economist,
    title: string,
    account: string,
    amount: string,
    daysAgo: number,
  ) => {
    const created = await runCommand(
      createClaim,
      {
        title,
        category: account.split(':')[1]!,
        account,
        amount,
        incurredOn: addDays(today, -daysAgo),
        receiptFileId: await receipt(who, title),
      },
      who!,
    );
    await runCommand(submitClaim, { claimId: created.id }, who!);
    return created.id;
  };
  const paid = await claim(
    technologist,
    'Train to the maintainers’ meeting',
    'expenses:travel',
    '184.60',
    20,
  );
  await runCommand(approveClaim, { claimId: paid }, economist!);
  await runCommand(payClaim, { claimId: paid, payment: {} }, operator);
  await claim(third, 'Conference ticket, FOSDEM', 'expenses:events', '95.00', 6);
  const big = await claim(
    technologist,
    'Replacement CI runner hardware',
    'expenses:infrastructure',
    '2380.00',
    3,
  );
  await runCommand(approveClaim, { claimId: big }, economist!);

  await importDemoStatement(operator, coopId, today);
}

/**
 * Last month's statement of the operating account, as the bank would send it (MT940): the
 * lines the books already hold, which reconciliation matches, and a bank fee nobody booked,
 * which waits in the review queue.
 */
async function importDemoStatement(
  ctx: CommandContext & { db: Db },
  coopId: string,
  today: string,
) {
  const { db } = ctx;
  const first = shiftMonths(`${today.slice(0, 7)}-01`, -1);
  const last = lastOfMonth(first);
  const rows = await queryRows<{
    day: string;
    amount: string;
    description: string;
    number: number;
  }>(
    db,
    sql`select p.effective_on::text as day, p.amount_minor::text as amount, e.description, e.number::int as number
        from postings p join accounts a on a.id = p.account_id join journal_entries e on e.id = p.entry_id
        where p.coop_id = ${coopId} and a.path = 'assets:bank:operating' and p.effective_on between ${first}::date and ${last}::date
        order by p.effective_on, p.id`,
  );
  const [opening] = await queryRows<{ balance: string }>(
    db,
    sql`select coalesce(sum(p.amount_minor), 0)::text as balance from postings p join accounts a on a.id = p.account_id
        where p.coop_id = ${coopId} and a.path = 'assets:bank:operating' and p.effective_on < ${first}::date`,
  );
  const fee = { day: last, amount: '-1250', description: 'Account fee', number: 0 };
  const lines = [...rows, fee];
  const yymmdd = (day: string) => day.slice(2).replaceAll('-', '');
  const mt = (minor: bigint) => {
    const abs = minor < 0n ? -minor : minor;
    return `${abs / 100n},${String(abs % 100n).padStart(2, '0')}`;
  };
  const open = BigInt(opening!.balance);
  const close = lines.reduce((s, l) => s + BigInt(l.amount), open);
  const text = [
    `:20:DEMO${first.slice(0, 7).replace('-', '')}`,
    ':25:DE89370400440532013000',
    ':28C:1/1',
    `:60F:${open < 0n ? 'D' : 'C'}${yymmdd(first)}EUR${mt(open)}`,
    ...lines.flatMap((l, i) => [
      `:61:${yymmdd(l.day)}${l.day.slice(5).replace('-', '')}${BigInt(l.amount) < 0n ? 'D' : 'C'}${mt(BigInt(l.amount))}NTRFDEMO${String(i + 1).padStart(4, '0')}`,
      `:86:${l.description}`,
    ]),
    `:62F:${close < 0n ? 'D' : 'C'}${yymmdd(last)}EUR${mt(close)}`,
    '-',
  ].join('\n');
  await runCommand(
    importStatement,
    {
      fileName: `statement-${first.slice(0, 7)}.sta`,
      content: text,
      account: 'assets:bank:operating',
    },
    ctx,
  );
}
