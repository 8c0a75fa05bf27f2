import { Link } from 'wouter';
import { formatDateTime } from '../app/format.ts';
import { useQuery } from '../app/useQuery.ts';
import { t } from './messages.ts';

/**
 * "In the log at index N, checkpoint of <date>": where a record (a tally, an invoice, a dividend
 * notice) sits in the co-op's transparency log, with its proof file to download and check
 * offline with `coop log check`. Shows nothing while the record is not logged yet.
 */
export function InLog({
  subjectType,
  subjectId,
  eventType,
  proofHref,
}: {
  subjectType: string;
  subjectId: string;
  /** Which of the subject's events to show (e.g. `poll.closed`); the latest when not given. */
  eventType?: string;
  /**
   * Where the proof file is served, when the log's own route leaves the record out (a record
   * for its holder only, as a dividend notice): its domain serves it behind its own rule.
   */
  proofHref?: string;
}) {
  const query = useQuery('/api/log/subjects/{subjectType}/{subjectId}', {
    params: { path: { subjectType, subjectId } },
  });
  const leaf = query.data?.leaves.find((l) => !eventType || l.type === eventType);
  if (!leaf) return null;
  return (
    <p className="in-log muted">
      {t('inLog.before')}
      <Link href="/log">{t('inLog.link')}</Link>
      {t('inLog.at', { index: leaf.leafIndex })}
      {leaf.checkpoint ? (
        <>
          {t('inLog.checkpoint', { at: formatDateTime(leaf.checkpoint.signedAt) })}
          {leaf.checkpoint.witnesses.length > 0
            ? t('inLog.witnessed', {
                names: leaf.checkpoint.witnesses.map((w) => w.name).join(', '),
              })
            : ''}
          .{' '}
          <a href={proofHref ?? `/api/log/events/${leaf.eventSeq}/proof`} download>
            {t('inLog.download')}
          </a>
        </>
      ) : (
        t('inLog.waiting')
      )}
    </p>
  );
}
