import { Link } from 'wouter';
import { formatDate } from '../app/format.ts';
import { useQuery } from '../app/useQuery.ts';
import type { BylawsVersion } from '../api/types.ts';
import { versionState } from '../bylaws/labels.ts';

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
              <Link href={`/bylaws/versions/${v.version}`}>Version {v.version}</Link> is adopted and
              takes over on {formatDate(v.effectiveOn)}. It does not hold this amendment: from that
              day its rules replace these, unless it is amended too.
            </p>
          ) : (
            <p>
              <Link href={`/bylaws/versions/${v.version}`}>Version {v.version}</Link> is adopted and
              takes over on {formatDate(v.effectiveOn)}, but this amendment starts from the version
              in force today: from {formatDate(effectiveOn)} its rules replace version {v.version}
              ’s, undoing that version’s changes unless they are made here too.
            </p>
          )}
        </div>
      ))}
    </>
  );
}
