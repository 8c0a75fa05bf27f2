import { sql } from 'drizzle-orm';
import { coopCurrency as currencyOf } from '../coop/queries.ts';
import type { Executor } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/rows.ts';
import { csvLine } from '../platform/csv.ts';
import { formatAmount } from '../platform/money/amount.ts';

export const exportFormats = ['hledger', 'beancount', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Columns of the CSV export; the first column names this version so readers can check it. */
export const csvColumns = [
  'format_version',
  'entry_number',
  'effective_on',
  'kind',
  'description',
  'account',
  'account_code',
  'amount',
  'currency',
  'coop_amount',
  'coop_currency',
  'rate',
  'memo',
] as const;
const csvVersion = 'coop-ledger-csv-1';

interface Line {
  number: number;
  effective_on: string;
  kind: string;
  description: string;
  path: string;
  code: string;
  type: string;
  amount_minor: string;
  currency: string;
  coop_amount_minor: string;
  rate: string | null;
  memo: string;
}

const roots: Record<string, string> = {
  asset: 'Assets',
  liability: 'Liabilities',
  equity: 'Equity',
  income: 'Income',
  expense: 'Expenses',
};

/** `income:patronage-payable` as Beancount wants it: a typed root, capitalised components. */
export function beancountAccount(path: string, type: string): string {
  const parts = path
    .split(':')
    .slice(1)
    .map((p) => {
      const clean = p.replace(/[^A-Za-z0-9-]/g, '-');
      return /^[A-Za-z0-9]/.test(clean) ? clean[0]!.toUpperCase() + clean.slice(1) : `X${clean}`;
    });
  // Beancount has no postings on a bare root: a top-level account becomes `Root:General`.
  return [roots[type]!, ...(parts.length > 0 ? parts : ['General'])].join(':');
}

const quote = (s: string) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/** The ledger as hledger, Beancount or CSV text, a chunk per entry, oldest first. */
export async function* exportLedger(
  executor: Executor,
  coopId: string,
  format: ExportFormat,
  range: { from?: string | undefined; to?: string | undefined } = {},
): AsyncGenerator<string> {
  const coopCurrency = await currencyOf(executor, coopId);
  if (format === 'csv') yield csvLine(csvColumns);
  if (format === 'beancount') {
    yield `option "operating_currency" "${coopCurrency}"\n\n`;
    const accounts = await queryRows<{ path: string; type: string }>(
      executor,
      sql`select path, type from accounts where coop_id = ${coopId} order by path`,
    );
    for (const a of accounts) yield `1970-01-01 open ${beancountAccount(a.path, a.type)}\n`;
    yield '\n';
  }
  let after = 0;
  for (;;) {
    const lines = await queryRows<Line>(
      executor,
      sql`select e.number::int as number, e.effective_on::text as effective_on, e.kind, e.description,
                 a.path, a.code, a.type, p.amount_minor::text as amount_minor, p.currency,
                 p.coop_amount_minor::text as coop_amount_minor, p.rate, p.memo
          from journal_entries e
          join postings p on p.coop_id = e.coop_id and p.entry_id = e.id
          join accounts a on a.id = p.account_id
          where e.coop_id = ${coopId}
            and e.number in (select number from journal_entries where coop_id = ${coopId} and number > ${after}
                             ${range.from ? sql`and effective_on >= ${range.from}::date` : sql``}
                             ${range.to ? sql`and effective_on <= ${range.to}::date` : sql``}
                             order by number limit 1000)
          order by e.number, p.id`,
    );
    if (lines.length === 0) return;
    let chunk = '';
    for (let i = 0; i < lines.length;) {
      const first = lines[i]!;
      const entry: Line[] = [];
      while (i < lines.length && lines[i]!.number === first.number) entry.push(lines[i++]!);
      if (format === 'hledger') {
        chunk += `${first.effective_on} (${first.number}) ${first.description.replace(/\s+/g, ' ')}  ; kind:${first.kind}\n`;
        for (const l of entry)
          chunk += `    ${l.path}  ${formatAmount(BigInt(l.amount_minor), l.currency)} ${l.currency}${l.memo ? `  ; ${l.memo.replace(/\s+/g, ' ')}` : ''}\n`;
        chunk += '\n';
      } else if (format === 'beancount') {
        chunk += `${first.effective_on} * ${quote(first.description)}\n  entry: "${first.number}"\n`;
        for (const l of entry)
          chunk += `  ${beancountAccount(l.path, l.type)}  ${formatAmount(BigInt(l.amount_minor), l.currency)} ${l.currency}\n`;
        chunk += '\n';
      } else {
        for (const l of entry)
          chunk += csvLine([
            csvVersion,
            String(l.number),
            l.effective_on,
            l.kind,
            l.description,
            l.path,
            l.code,
            formatAmount(BigInt(l.amount_minor), l.currency),
            l.currency,
            formatAmount(BigInt(l.coop_amount_minor), coopCurrency),
            coopCurrency,
            l.rate ?? '',
            l.memo,
          ]);
      }
    }
    yield chunk;
    after = lines[lines.length - 1]!.number;
  }
}
