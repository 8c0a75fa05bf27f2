import { Link } from 'wouter';
import { formatDate } from '../app/format.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { agreementStatusLabel } from './types.ts';
import { formatDecimal } from '../app/money.ts';
import { t } from './messages.ts';

/** Agreements and their renewal calendar: every one for officers and hackers, a sponsor's own. */
export function Agreements() {
  const user = useUser();
  const list = useQuery('/api/agreements');
  const agreements = list.data?.agreements ?? [];
  return (
    <Page
      title={t('agreements.title')}
      actions={
        user.can.manageAgreements ? (
          <Link href="/agreements/new" className="button">
            {t('agreements.new')}
          </Link>
        ) : null
      }
    >
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && agreements.length === 0 ? (
        <p className="muted">{t('agreements.none')}</p>
      ) : null}
      {agreements.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">{t('agreements.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agreements.number')}</th>
              <th scope="col">{t('agreements.sponsor')}</th>
              <th scope="col" className="num">
                {t('agreements.perPeriod')}
              </th>
              <th scope="col">{t('agreements.termEnds')}</th>
              <th scope="col">{t('agreements.renewal')}</th>
              <th scope="col">{t('agreements.state')}</th>
            </tr>
          </thead>
          <tbody>
            {[...agreements]
              .sort((a, b) => a.currentTermEndsOn.localeCompare(b.currentTermEndsOn))
              .map((a) => (
                <tr key={a.id}>
                  <td data-label={t('agreements.number')} className="cell-title">
                    <Link href={`/agreements/${a.id}`}>{a.number}</Link>
                  </td>
                  <td data-label={t('agreements.sponsor')}>{a.organizationName}</td>
                  <td data-label={t('agreements.perPeriod')} className="num">
                    {formatDecimal(a.perPeriod, a.currency)}
                  </td>
                  <td data-label={t('agreements.termEnds')}>
                    {formatDate(a.endsOn ?? a.currentTermEndsOn)}
                  </td>
                  <td data-label={t('agreements.renewal')}>
                    {a.status !== 'active'
                      ? '—'
                      : a.autoRenew
                        ? t('agreements.automatic', { days: a.noticeDays })
                        : t('agreements.ends')}
                  </td>
                  <td data-label={t('agreements.state')}>{agreementStatusLabel(a.status)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      ) : null}
    </Page>
  );
}
