import { listMembers } from '../../members/queries.ts';
import type { MemberClass, MembershipStatus } from '../../members/schema.ts';
import { requireCoopId, withDatabase } from '../database.ts';

/** `coop members list [--json] [--class C] [--status S]`. */
export async function membersList(options: {
  json?: boolean;
  class?: MemberClass;
  status?: MembershipStatus;
}): Promise<void> {
  await withDatabase('members list', async (database) => {
    const coopId = await requireCoopId(database);
    const { members: rows } = await listMembers(
      database.db,
      coopId,
      { memberClass: options.class, status: options.status, limit: 1_000_000, offset: 0 },
      true,
    );
    if (options.json) {
      console.log(JSON.stringify(rows, null, 2));
      return;
    }
    for (const m of rows) {
      console.log(
        [m.displayName, m.email, m.memberClass, m.status, m.organizationName ?? ''].join('\t'),
      );
    }
    console.error(`${rows.length} member(s)`);
  });
}
