import { openConsultation } from '../concerns/commands/openConsultation.ts';
import { setItemTopics } from '../concerns/commands/setItemTopics.ts';
import { operatorActor } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import { runCommand } from '../platform/commands.ts';
import { addDays } from '../platform/dates.ts';
import type { Db } from '../platform/db/database.ts';
import { planRelease } from '../releases/commands/planRelease.ts';
import { publishRelease } from '../releases/commands/publishRelease.ts';

/**
 * Releases as a sponsor would meet them: a release published today on the `crypto` topic the
 * first two demo sponsors share, and a deprecation planned in two months on `lts`, with a
 * consultation on it (mailed by the dispatcher once the server runs): the gold sponsor shares
 * `lts` and is consulted; the silver one shares it too, but its tier has no reciprocal access.
 * Through the same commands as real use.
 */
export async function fillDemoReleases(db: Db, publicUrl: string, coopId: string, clock: Clock) {
  const operator = { db, publicUrl, clock, actor: operatorActor(coopId) };
  const today = clock.today();
  const tag = (subjectId: string, topics: string[]) =>
    runCommand(setItemTopics, { subjectKind: 'release', subjectId, topics }, operator);

  const release = await runCommand(
    planRelease,
    {
      release: {
        project: 'coop-engine',
        version: '4.2.0',
        kind: 'release',
        title: 'Engine 4.2: constant-time key comparison',
        summary:
          'Key comparison runs in constant time.\n\n- TLS session tickets rotate daily\n- Builds for arm64',
        plannedOn: today,
      },
    },
    operator,
  );
  await tag(release.id, ['crypto']);
  await runCommand(publishRelease, { releaseId: release.id }, operator);

  const deprecation = await runCommand(
    planRelease,
    {
      release: {
        project: 'coop-engine',
        version: '3.x',
        kind: 'deprecation',
        title: 'The 3.x line is deprecated',
        summary:
          'The 3.x line gets security fixes only, until its end of support; move to 4.x, which keeps the same configuration format.',
        plannedOn: addDays(today, 60),
      },
    },
    operator,
  );
  await tag(deprecation.id, ['lts', 'packaging']);
  await runCommand(
    openConsultation,
    {
      subjectKind: 'release',
      subjectId: deprecation.id,
      whatChanges:
        'From the planned day, 3.x gets security fixes only; Debian packages of 4.x take over in stable.',
      answerBy: addDays(today, 21),
    },
    operator,
  );
}
