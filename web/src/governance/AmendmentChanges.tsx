import { Link } from 'wouter';
import { humanize } from '../app/format.ts';
import { Loading, LoadError } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import { ScheduledVersions } from '../bylaws/ScheduledVersions.tsx';
import { t } from './messages.ts';

export interface Change {
  path: string;
  before: string;
  after: string;
}

/** "bylawAmendmentMajority" -> "Bylaw amendment majority". */
const label = (key: string) => humanize(key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());

const shown = (value: unknown): string =>
  value === undefined
    ? t('amendment.none')
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

/** Every leaf that differs between two documents, by its path ("pie › community"). */
export function documentChanges(before: unknown, after: unknown, path: string[] = []): Change[] {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => documentChanges(before[k], after[k], [...path, label(k)]));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length)
    return before.flatMap((b, i) => documentChanges(b, after[i], [...path, String(i + 1)]));
  return JSON.stringify(before) === JSON.stringify(after)
    ? []
    : [{ path: path.join(' › '), before: shown(before), after: shown(after) }];
}

/** What a bylaw amendment changes, against the version it amends: what members vote on. */
export function AmendmentChanges({
  amends,
  proposed,
  decided,
  effectiveOn,
}: {
  amends: number;
  proposed: unknown;
  /** The earliest day it would take effect. */
  effectiveOn: string;
  /** After the close the amendment is itself a version; the warning is for those voting. */
  decided: boolean;
}) {
  const base = useQuery('/api/bylaws/versions/{version}', {
    params: { path: { version: amends } },
  });
  const inForce = useQuery(decided ? null : '/api/bylaws');
  const changes = base.data ? documentChanges(base.data.document, proposed) : [];
  return (
    <section aria-labelledby="changes-heading" className="card">
      <h2 id="changes-heading">{t('amendment.title')}</h2>
      <p className="muted">
        {t('amendment.against')}{' '}
        <Link href={`/bylaws/versions/${amends}`}>
          {t('amendment.version', { version: amends })}
        </Link>{' '}
        {t('amendment.ofTheBylaws')}
      </p>
      {decided ? null : <ScheduledVersions inForce={inForce.data} effectiveOn={effectiveOn} />}
      {base.error ? <LoadError error={base.error} retry={base.reload} /> : null}
      {!base.data && !base.error ? <Loading /> : null}
      {base.data && changes.length === 0 ? <p>{t('amendment.same')}</p> : null}
      {changes.length > 0 ? (
        <table className="responsive-table changes-table">
          <caption className="visually-hidden">{t('amendment.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('amendment.rule')}</th>
              <th scope="col">{t('amendment.now')}</th>
              <th scope="col">{t('amendment.proposed')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.path}>
                <td data-label={t('amendment.rule')}>{c.path}</td>
                <td data-label={t('amendment.now')}>{c.before}</td>
                <td data-label={t('amendment.proposed')}>{c.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
