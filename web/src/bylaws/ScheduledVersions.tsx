import { Link } from 'wouter';
import { formatDate } from '../app/format.ts';
import { useQuery } from '../app/useQuery.ts';
import { versionState, type BylawsVersion, type BylawsVersionSummary } from './types.ts';

/**
 * Versions adopted for a later day hold the whole document as it was when they were adopted:
 * an amendment made now is not in them, and from their day their rules replace it. Said
 * wherever an amendment is written or voted on.
 */
export function ScheduledVersions({ inForce }: { inForce: BylawsVersion | undefined }) {
  const versions = useQuery<{ versions: BylawsVersionSummary[] }>('/api/bylaws/versions');
  const scheduled = (versions.data?.versions ?? []).filter(
    (v) => versionState(v, inForce) === 'scheduled',
  );
  return (
    <>
      {scheduled.map((v) => (
        <div key={v.version} className="notice notice-info" role="note">
          <p>
            <Link href={`/bylaws/versions/${v.version}`}>Version {v.version}</Link> is adopted and
            takes over on {formatDate(v.effectiveOn)}. It does not hold this amendment: from that
            day its rules replace these, unless it is amended too.
          </p>
        </div>
      ))}
    </>
  );
}
