import { Link } from 'wouter';
import { formatDate } from '../app/format.ts';
import { Loading, LoadError } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import { HorizontalBars } from './charts.tsx';
import { formatMoney, percent } from '../app/money.ts';
import type { Schemas } from '../api/client.ts';
import { formatNumber } from './books.ts';
import { t } from './messages.ts';

/**
 * How much the co-op leans on its largest sponsors over twelve months: the largest share, the
 * Herfindahl-Hirschman index, how many sponsors make half, and the officers' warnings.
 */
type Alert = Schemas['FundingConcentration']['alerts'][number];

/** A threshold passed, in the reader's language (an index is a whole number, never grouped). */
function alertText(alert: Alert): string {
  return alert.kind === 'hhi'
    ? t('concentration.alertHhi', { value: String(alert.value), limit: String(alert.limit) })
    : t('concentration.alertLargest', {
        name: alert.name,
        value: percent(alert.value),
        limit: percent(alert.limit),
      });
}

export function ConcentrationPanel({ currency }: { currency: string }) {
  const concentration = useQuery('/api/reports/concentration');
  const bylaws = useQuery('/api/bylaws');
  const c = concentration.data;
  const limits = bylaws.data?.document.concentration ?? {
    hhiWarning: 2500,
    largestSponsorPercentWarning: 40,
  };
  const largest = c?.sponsors[0];
  // The line of the sponsors not shown by name, counted in the reader's language.
  const named = c?.sponsors.filter((s) => s.organizationId).length ?? 0;
  const nameOf = (s: { organizationId: string | null; name: string }) =>
    s.organizationId
      ? s.name
      : t('concentration.others', { count: (c?.sponsorCount ?? 0) - named });

  return (
    <section aria-labelledby="concentration-heading" className="card concentration">
      <h2 id="concentration-heading">{t('concentration.title')}</h2>
      {concentration.error ? (
        <LoadError error={concentration.error} retry={concentration.reload} />
      ) : null}
      {concentration.loading && !c ? <Loading /> : null}
      {c ? (
        <>
          <p className="muted">
            {t('concentration.intro', { from: formatDate(c.from), to: formatDate(c.to) })}
            <strong>{formatMoney(c.total, currency)}</strong>
            {t('concentration.stall')}
          </p>
          {c.alerts.length > 0 ? (
            <div className="notice notice-warning concentration-warnings">
              <h3>{t('concentration.warnings', { count: c.alerts.length })}</h3>
              <ul>
                {c.alerts.map((a) => (
                  <li key={a.kind}>{alertText(a)}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {c.byName || c.sponsorCount === 0 ? null : (
            <p className="muted">
              {c.sponsors.some((s) => s.organizationId)
                ? t('concentration.notByNameOwn')
                : t('concentration.notByName')}
            </p>
          )}
          {c.sponsors.length === 0 ? (
            <p>{t('concentration.none')}</p>
          ) : (
            <>
              <dl className="key-figures">
                <div>
                  <dt>{t('concentration.largest')}</dt>
                  <dd>
                    <span className="figure-value">{percent(c.largestSharePercent)}</span>
                    <span className="figure-note">
                      {c.byName && largest
                        ? t('concentration.largestNoteNamed', {
                            name: largest.name,
                            limit: percent(limits.largestSponsorPercentWarning),
                          })
                        : t('concentration.largestNote', {
                            limit: percent(limits.largestSponsorPercentWarning),
                          })}
                    </span>
                  </dd>
                </div>
                <div>
                  <dt>{t('concentration.hhi')}</dt>
                  <dd>
                    <span className="figure-value">{formatNumber(c.hhi)}</span>
                    <span className="figure-note">
                      {t('concentration.hhiNote', {
                        max: formatNumber(10000),
                        limit: formatNumber(limits.hhiWarning),
                      })}
                    </span>
                  </dd>
                </div>
                <div>
                  <dt>{t('concentration.half')}</dt>
                  <dd>
                    <span className="figure-value">{c.sponsorsForHalf}</span>
                    <span className="figure-note">
                      {t('concentration.halfNote', { count: c.sponsorCount })}
                    </span>
                  </dd>
                </div>
              </dl>
              <div className="concentration-layout">
                <HorizontalBars
                  title={t('concentration.chart')}
                  className="concentration-chart"
                  bars={c.sponsors.map((s) => ({
                    key: s.organizationId ?? 'others',
                    label: nameOf(s),
                    fraction: s.sharePercent / 100,
                    text: percent(s.sharePercent),
                  }))}
                  threshold={{
                    fraction: limits.largestSponsorPercentWarning / 100,
                    label: t('concentration.warningLevel', {
                      limit: percent(limits.largestSponsorPercentWarning),
                    }),
                  }}
                />
                <table className="share-table">
                  <caption>{t('concentration.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('concentration.sponsor')}</th>
                      <th scope="col" className="num">
                        {t('concentration.funding')}
                      </th>
                      <th scope="col" className="num">
                        {t('concentration.share')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.sponsors.map((s) => (
                      <tr
                        key={s.organizationId ?? 'others'}
                        className={
                          s.organizationId && s.sharePercent > limits.largestSponsorPercentWarning
                            ? 'row-over'
                            : undefined
                        }
                      >
                        <th scope="row">
                          {s.organizationId ? (
                            <Link href={`/organizations/${s.organizationId}`}>{s.name}</Link>
                          ) : (
                            nameOf(s)
                          )}
                          {s.organizationId &&
                          s.sharePercent > limits.largestSponsorPercentWarning ? (
                            <span className="badge badge-warn">{t('concentration.over')}</span>
                          ) : null}
                        </th>
                        <td className="num">{formatMoney(s.funding, currency)}</td>
                        <td className="num">{percent(s.sharePercent)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      ) : null}
    </section>
  );
}
