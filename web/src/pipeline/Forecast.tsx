import { formatMoney, percent } from '../app/money.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import { t } from './messages.ts';

const tenths = (n: number) => `${Math.floor(n / 10)}.${n % 10}`;

/** The forecast with its arithmetic: weighted amounts, the pay target, the room before hiring. */
export function Forecast() {
  const result = useQuery('/api/pipeline/forecast');
  const f = result.data;
  return (
    <Page title={t('forecast.title')}>
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {!f && !result.error ? <Loading /> : null}
      {f ? (
        <>
          {f.totals.length === 0 ? <p className="muted">{t('forecast.none')}</p> : null}
          <table className="responsive-table">
            <caption>{t('forecast.totals')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('forecast.currency')}</th>
                <th scope="col" className="num">
                  {t('forecast.count')}
                </th>
                <th scope="col" className="num">
                  {t('forecast.open')}
                </th>
                <th scope="col" className="num">
                  {t('forecast.weighted')}
                </th>
              </tr>
            </thead>
            <tbody>
              {f.totals.map((r) => (
                <tr key={r.currency}>
                  <td data-label={t('forecast.currency')}>{r.currency}</td>
                  <td data-label={t('forecast.count')} className="num">
                    {r.count}
                  </td>
                  <td data-label={t('forecast.open')} className="num">
                    {formatMoney(r.openMinor, r.currency)}
                  </td>
                  <td data-label={t('forecast.weighted')} className="num">
                    {formatMoney(r.weightedMinor, r.currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="responsive-table">
            <caption>{t('forecast.months')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('forecast.month')}</th>
                <th scope="col">{t('forecast.currency')}</th>
                <th scope="col" className="num">
                  {t('forecast.open')}
                </th>
                <th scope="col" className="num">
                  {t('forecast.weighted')}
                </th>
              </tr>
            </thead>
            <tbody>
              {f.months.map((m) => (
                <tr key={`${m.month}-${m.currency}`}>
                  <td data-label={t('forecast.month')}>{m.month}</td>
                  <td data-label={t('forecast.currency')}>{m.currency}</td>
                  <td data-label={t('forecast.open')} className="num">
                    {formatMoney(m.openMinor, m.currency)}
                  </td>
                  <td data-label={t('forecast.weighted')} className="num">
                    {formatMoney(m.weightedMinor, m.currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="responsive-table">
            <caption>{t('forecast.rows')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('forecast.opportunity')}</th>
                <th scope="col">{t('forecast.arithmetic')}</th>
                <th scope="col" className="num">
                  {t('forecast.weighted')}
                </th>
              </tr>
            </thead>
            <tbody>
              {f.opportunities.map((o) => (
                <tr key={o.id}>
                  <td data-label={t('forecast.opportunity')}>
                    {o.organizationName}: {o.title}
                  </td>
                  <td data-label={t('forecast.arithmetic')}>
                    {t('forecast.times', {
                      amount: formatMoney(o.amountMinor, o.currency),
                      percent: percent(o.probabilityPercent),
                    })}
                  </td>
                  <td data-label={t('forecast.weighted')} className="num">
                    {formatMoney(o.weightedMinor, o.currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <section className="card" aria-labelledby="forecast-target">
            <h2 id="forecast-target">{t('forecast.target')}</h2>
            <dl className="details">
              <dt>{t('forecast.revenue')}</dt>
              <dd>{formatMoney(f.target.annualRevenueMinor, f.target.currency)}</dd>
              <dt>{t('forecast.payTarget')}</dt>
              <dd>{formatMoney(f.target.targetAnnualMinor, f.target.currency)}</dd>
              <dt>{t('forecast.gap')}</dt>
              <dd>{formatMoney(f.target.gapMinor, f.target.currency)}</dd>
              <dt>{t('forecast.pipeline')}</dt>
              <dd>{formatMoney(f.target.weightedMinor, f.target.currency)}</dd>
              <dt>{t('forecast.gapAfter')}</dt>
              <dd>{formatMoney(f.target.gapAfterMinor, f.target.currency)}</dd>
            </dl>
            {f.target.otherCurrencies.length > 0 ? (
              <p className="muted">
                {t('forecast.otherCurrencies', { list: f.target.otherCurrencies.join(', ') })}
              </p>
            ) : null}
          </section>
          <section className="card" aria-labelledby="forecast-hiring">
            <h2 id="forecast-hiring">{t('forecast.hiring')}</h2>
            <Hiring h={f.hiring} />
          </section>
        </>
      ) : null}
    </Page>
  );
}

type HiringRoom = NonNullable<
  ReturnType<typeof useQuery<'/api/pipeline/forecast'>>['data']
>['hiring'];

function Hiring({ h }: { h: HiringRoom }) {
  const average = h.averageHoursTenths === null ? null : tenths(h.averageHoursTenths);
  return (
    <ol>
      <li>
        {t('forecast.free', {
          capacity: h.capacityHoursPerMonth,
          committed: h.committedHoursPerMonth,
          free: h.freeHoursPerMonth,
        })}
      </li>
      <li>
        {average === null
          ? t('forecast.noAverage')
          : h.averageFrom === 'agreements'
            ? t('forecast.averageAgreements', {
                committed: h.committedHoursPerMonth,
                clients: h.clients,
                average,
              })
            : t('forecast.averageTiers', { average })}
      </li>
      {h.moreClientsByHours !== null && average !== null ? (
        <li>
          {t('forecast.byHours', {
            free: h.freeHoursPerMonth,
            average,
            more: h.moreClientsByHours,
          })}
        </li>
      ) : null}
      <li>
        {t('forecast.byLimit', {
          limit: h.clientsBeforeHiring,
          clients: h.clients,
          more: h.moreClientsByClientLimit,
        })}
      </li>
      <li>
        <strong>
          {t('forecast.answer', {
            more: h.moreClients,
            binding: t(h.binding === 'hours' ? 'forecast.bindingHours' : 'forecast.bindingClients'),
          })}
        </strong>
      </li>
      <li>
        {t('forecast.expected', { expected: tenths(h.expectedNewClientsTenths) })}{' '}
        {h.mustHire ? t('forecast.mustHire') : t('forecast.room')}
      </li>
    </ol>
  );
}
