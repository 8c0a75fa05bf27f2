import { sql } from 'drizzle-orm';
import type { BylawsDocument } from '../../bylaws/document.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/rows.ts';
import { financePolicy } from '../policy.ts';

/**
 * What each reader may see of the reports, one rule wherever a figure shows (JSON, CSV, PDF):
 * what a member may not read in one place they may not read in another.
 */

/** The line an account a reader may not see by name is added into: its parent. */
export interface FoldedInto {
  account: string;
  code: string;
}

/**
 * The accounts this actor may not read one by one (other members' capital accounts), each
 * with the parent account its balance is shown under: `equity:member-capital` as one line.
 */
export async function foldedAccounts(
  executor: Executor,
  actor: Actor,
): Promise<Map<string, FoldedInto>> {
  const owned = await queryRows<{
    path: string;
    person_id: string | null;
    organization_id: string | null;
    parent_path: string | null;
    parent_code: string | null;
  }>(
    executor,
    sql`select a.path, a.person_id, a.organization_id, p.path as parent_path, p.code as parent_code
        from accounts a left join accounts p on p.coop_id = a.coop_id and p.id = a.parent_id
        where a.coop_id = ${actor.coopId}
          and (a.person_id is not null or a.organization_id is not null)`,
  );
  const folded = new Map<string, FoldedInto>();
  for (const a of owned)
    if (
      !financePolicy.seeCapitalAccount(actor, {
        personId: a.person_id,
        organizationId: a.organization_id,
      })
    )
      folded.set(a.path, {
        // An owned account always has a parent (ensureAccount creates it under one); were it
        // not so, the line still loses the owner's name.
        account: a.parent_path ?? a.path.slice(0, a.path.lastIndexOf(':')),
        code: a.parent_code ?? '',
      });
  return folded;
}

/**
 * Lines with the folded accounts added into their parents' lines (created where the parent has
 * no balance of its own), in the order the lines came. `same` tells lines of one account apart
 * (the trial balance has one per currency), `add` sums two of them.
 */
export function foldLines<L extends { account: string }>(
  lines: readonly L[],
  folded: ReadonlyMap<string, FoldedInto>,
  add: (into: L, line: L) => L,
  same: (a: L, b: L) => boolean = (a, b) => a.account === b.account,
): L[] {
  const out: L[] = [];
  for (const line of lines) {
    const parent = folded.get(line.account);
    const shown: L = parent
      ? { ...line, account: parent.account, ...('code' in line ? { code: parent.code } : {}) }
      : line;
    const at = out.findIndex((l) => same(l, shown));
    if (at >= 0) out[at] = add(out[at]!, shown);
    else out.push(shown);
  }
  return out;
}

type Concentration = {
  total: bigint;
  sponsors: { organizationId: string; name: string; funding: bigint; sharePercent: number }[];
};

/**
 * The concentration report as this reader may see it. The index, the largest share and the
 * count of sponsors making half are about the co-op, not a sponsor: everyone reads them. Each
 * sponsor by name only where `seeSponsorsByName` allows; otherwise a sponsor's representative
 * sees their own organization's line, and every other sponsor is one "other sponsors" line.
 */
export function concentrationFor<R extends Concentration>(
  report: R,
  actor: Actor,
  bylaws: BylawsDocument,
) {
  const sponsorCount = report.sponsors.length;
  if (financePolicy.seeSponsorsByName(actor, bylaws))
    return { ...report, sponsorCount, byName: true };
  const own = actor.membership?.organizationId ?? null;
  const mine = report.sponsors.filter((s) => s.organizationId === own);
  const others = report.sponsors.filter((s) => s.organizationId !== own);
  const funding = others.reduce((sum, s) => sum + s.funding, 0n);
  const sharePercent =
    report.total === 0n ? 0 : Number((funding * 10_000n + report.total / 2n) / report.total) / 100;
  const rest =
    others.length === 0
      ? []
      : [
          {
            organizationId: null,
            name: others.length === 1 ? '1 other sponsor' : `${others.length} other sponsors`,
            funding,
            sharePercent,
          },
        ];
  return { ...report, sponsors: [...mine, ...rest], sponsorCount, byName: false };
}
