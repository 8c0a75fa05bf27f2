import { loadActor } from '../members/repository.ts';
import { manualClock, type Clock } from '../platform/clock.ts';
import { runCommand } from '../platform/commands.ts';
import type { Db } from '../platform/db/database.ts';
import { discloseVulnerability } from '../vulnerabilities/commands/discloseVulnerability.ts';
import { recordImpactNote } from '../vulnerabilities/commands/recordImpactNote.ts';
import { recordPrenotification } from '../vulnerabilities/commands/recordPrenotification.ts';
import { recordVulnerability } from '../vulnerabilities/commands/recordVulnerability.ts';

/**
 * One vulnerability, recorded under embargo, its pre-notification to the platinum sponsor, and
 * its disclosure nine hours ago: the platinum sponsor had its impact note two hours after t0
 * (its clock met), the other qualifying sponsors none within six hours (their clocks breached, and the
 * breaches propose their agreements' service credits), once the dispatcher and the clocks' jobs
 * have followed the events.
 */
export async function fillDemoVulnerabilities(
  db: Db,
  publicUrl: string,
  coopId: string,
  ids: { officerId: string; platinumOrgId: string },
  clock: Clock,
) {
  const officer = {
    db,
    publicUrl,
    clock,
    actor: (await loadActor(db, coopId, ids.officerId, clock.today()))!,
  };
  const at = (instant: Date) => ({ ...officer, clock: manualClock(instant) });
  const t0 = new Date(clock.now().getTime() - 9 * 3_600_000);
  const { id } = await runCommand(
    recordVulnerability,
    {
      vulnerability: {
        title: 'Request smuggling through a duplicated Content-Length header',
        identifiers: ['CVE-2026-41872', 'GHSA-7q4m-h2xv-9c3r'],
        severity: 'high',
        summary:
          'Two `Content-Length` headers with different values are accepted; behind a proxy that ' +
          'reads the other one, a request can be smuggled into the next connection.',
        affected: [{ project: 'coopd', versions: '>= 4.0.0, < 4.2.4' }],
        embargoUntil: t0.toISOString(),
      },
    },
    at(new Date(t0.getTime() - 3 * 86_400_000)),
  );
  await runCommand(
    recordPrenotification,
    {
      vulnerabilityId: id,
      organizationId: ids.platinumOrgId,
      note: 'Told their security contact under embargo; they patched their edge proxies first.',
    },
    at(new Date(t0.getTime() - 2 * 86_400_000)),
  );
  const { qualifyingOrganizationIds } = await runCommand(
    discloseVulnerability,
    { vulnerabilityId: id, publicAt: t0.toISOString() },
    at(t0),
  );
  // The pre-notified platinum sponsor had its note in time; the others (gold) never did.
  const first = qualifyingOrganizationIds.find((id) => id === ids.platinumOrgId);
  if (first)
    await runCommand(
      recordImpactNote,
      {
        vulnerabilityId: id,
        organizationId: first,
        note: 'Your deployment runs 4.2.1 behind nginx, which rejects duplicated headers: not exploitable there. Upgrade to 4.2.4 at your next window.',
      },
      at(new Date(t0.getTime() + 2 * 3_600_000)),
    );
}
