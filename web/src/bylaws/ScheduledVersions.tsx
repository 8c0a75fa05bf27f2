import { Link } from 'wouter';
import { formatDate } from '../app/format.ts';
import { useQuery } from '../app/useQuery.ts';
import type { BylawsVersion } from '../api/types.ts';
import { versionState } from '../bylaws/labels.ts';
import { t } from './messages.ts';

/**
 * Versions adopted for a later day hold the whole document as it was when they were adopted:
 * an amendment made now is not in them, and from their day their rules replace it. Said
 * wherever an amendment is written or voted on.
 */
export function ScheduledVersions({
  inForce,
  effectiveOn,
}: {
  inForce: BylawsVersion | undefined;
  /** The day the amendment would take effect. */
  effectiveOn: string;
}) {
  const versions = useQuery('/api/bylaws/versions');
  const scheduled = (versions.data?.versions ?? []).filter(
    (v) => versionState(v, inForce) === 'scheduled',
  );
  return (
    <>
      {scheduled.map((v) => (
        <div key={v.version} className="notice notice-info" role="note">
          {effectiveOn < v.effectiveOn ? (
            <p>
              <Link href={`/bylaws/versions/${v.version}`}>
                {t('history.version', { version: v.version })}
              </Link>{' '}
              {t('scheduled.later', { day: formatDate(v.effectiveOn) })}
            </p>
          ) : (
            <p>
              <Link href={`/bylaws/versions/${v.version}`}>
                {t('history.version', { version: v.version })}
              </Link>{' '}
              {t('scheduled.earlier', {
                day: formatDate(v.effectiveOn),
                effectiveOn: formatDate(effectiveOn),
                version: v.version,
              })}
            </p>
          )}
        </div>
      ))}
    </>
  );
}
