import { prepareSponsorDigest } from '../digests/commands/prepareSponsorDigest.ts';
import { editDigestNote } from '../digests/commands/editDigestNote.ts';
import { sendSponsorDigest } from '../digests/commands/sendSponsorDigest.ts';
import { lastEndedPeriod } from '../digests/periods.ts';
import { loadActor } from '../members/repository.ts';
import { operatorActor } from '../platform/actor.ts';
import { manualClock, type Clock } from '../platform/clock.ts';
import { runCommand } from '../platform/commands.ts';
import type { Db } from '../platform/db/database.ts';
import { openRequest } from '../requests/commands/openRequest.ts';
import { replyToRequest } from '../requests/commands/replyToRequest.ts';

const hour = 3_600_000;

/**
 * Sponsors' digests as officers and sponsors find them: the monthly sponsor's digest of the last
 * month that has ended sent, with a note (a digest reports a period that is over; the demo dates
 * a question of that sponsor and its answer inside it, so the digest has something to say;
 * mailed with its PDF by the dispatcher once the server runs, and in its portal), and the weekly
 * sponsor's last week prepared, waiting for a preview.
 */
export async function fillDemoDigests(
  db: Db,
  publicUrl: string,
  coopId: string,
  ids: { orgIds: string[]; repIds: string[]; hackerId: string },
  clock: Clock,
) {
  const ctx = { db, publicUrl, clock, actor: operatorActor(coopId) };
  const today = clock.today();
  const lastMonth = lastEndedPeriod('monthly', today);
  const monthlyRepId = ids.repIds[1];
  if (monthlyRepId) {
    // The 10th of last month, mid-morning: inside the period whatever its length.
    const asked = new Date(`${lastMonth.from.slice(0, 8)}10T09:30:00Z`);
    const as = async (personId: string, at: Date) => ({
      db,
      publicUrl,
      clock: manualClock(at),
      actor: (await loadActor(db, coopId, personId, today))!,
    });
    const { id } = await runCommand(
      openRequest,
      {
        subject: 'Upgrade path from 3.x to 4.x',
        details: 'Can we skip 4.0 and 4.1 when we move our build farm from 3.9 to 4.2?',
        severity: 'normal',
        organizationId: ids.orgIds[1]!,
      },
      await as(monthlyRepId, asked),
    );
    await runCommand(
      replyToRequest,
      {
        requestId: id,
        body: 'Yes: 4.2 reads 3.9’s data directory directly; run `coop upgrade --check` first.',
        minutesSpent: 40,
      },
      await as(ids.hackerId, new Date(asked.getTime() + 3 * hour)),
    );
  }
  const monthly = await runCommand(
    prepareSponsorDigest,
    { organizationId: ids.orgIds[1]!, day: lastMonth.from },
    ctx,
  );
  await runCommand(
    editDigestNote,
    {
      digestId: monthly.id,
      note: 'Thank you for your questions last month. The FIPS mode you depend on is proposed for the next cycle: please tell us what you think of it in its consultation.',
    },
    ctx,
  );
  await runCommand(sendSponsorDigest, { digestId: monthly.id }, ctx);
  await runCommand(prepareSponsorDigest, { organizationId: ids.orgIds[0]! }, ctx);
}
