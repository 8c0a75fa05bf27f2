import { Link } from 'wouter';
import { formatDate } from '../app/format.ts';
import { Loading, LoadError } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import { HorizontalBars } from './charts.tsx';
import { formatMoney, percent } from '../app/money.ts';

/**
 * How much the co-op leans on its largest sponsors over twelve months: the largest share, the
 * Herfindahl-Hirschman index, how many sponsors make half, and the officers' warnings.
 */
export function ConcentrationPanel({ currency }: { currency: string }) {
  const concentration = useQuery('/api/reports/concentration');
  const bylaws = useQuery('/api/bylaws');
  const c = concentration.data;
  const limits = bylaws.data?.document.concentration ?? {
    hhiWarning: 2500,
    largestSponsorPercentWarning: 40,
  };
  const largest = c?.sponsors[0];

  return (
    <section aria-labelledby="concentration-heading" className="card concentration">
      <h2 id="concentration-heading">Funding concentration</h2>
      {concentration.error ? (
        <LoadError error={concentration.error} retry={concentration.reload} />
      ) : null}
      {concentration.loading && !c ? <Loading /> : null}
      {c ? (
        <>
          <p className="muted">
            Sponsor funding (money, and labour at the bylaws’ rate) from {formatDate(c.from)} to{' '}
            {formatDate(c.to)}: <strong>{formatMoney(c.total, currency)}</strong>. Projects stall
            when one large funder walks away.
          </p>
          {c.warnings.length > 0 ? (
            <div className="notice notice-warning concentration-warnings">
              <h3>
                {c.warnings.length === 1 ? 'A warning' : `${c.warnings.length} warnings`} for the
                officers
              </h3>
              <ul>
                {c.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {c.byName || c.sponsorCount === 0 ? null : (
            <p className="muted">
              The bylaws do not show members each sponsor’s funding by name: the sponsors are one
              line{c.sponsors.some((s) => s.organizationId) ? ', besides your organization' : ''}.
            </p>
          )}
          {c.sponsors.length === 0 ? (
            <p>No sponsor funding in these twelve months.</p>
          ) : (
            <>
              <dl className="key-figures">
                <div>
                  <dt>Largest sponsor’s share</dt>
                  <dd>
                    <span className="figure-value">{percent(c.largestSharePercent)}</span>
                    <span className="figure-note">
                      {c.byName ? `${largest?.name}; ` : ''}the bylaws warn above{' '}
                      {percent(limits.largestSponsorPercentWarning)}
                    </span>
                  </dd>
                </div>
                <div>
                  <dt>Herfindahl-Hirschman index</dt>
                  <dd>
                    <span className="figure-value">{c.hhi.toLocaleString('en-GB')}</span>
                    <span className="figure-note">
                      of 10,000 (the sum of the squared shares); warning above{' '}
                      {limits.hhiWarning.toLocaleString('en-GB')}
                    </span>
                  </dd>
                </div>
                <div>
                  <dt>Sponsors making half the funding</dt>
                  <dd>
                    <span className="figure-value">{c.sponsorsForHalf}</span>
                    <span className="figure-note">of {c.sponsorCount} sponsors</span>
                  </dd>
                </div>
              </dl>
              <div className="concentration-layout">
                <HorizontalBars
                  title="Each sponsor’s share of the funding"
                  className="concentration-chart"
                  bars={c.sponsors.map((s) => ({
                    key: s.organizationId ?? 'others',
                    label: s.name,
                    fraction: s.sharePercent / 100,
                    text: percent(s.sharePercent),
                  }))}
                  threshold={{
                    fraction: limits.largestSponsorPercentWarning / 100,
                    label: `${percent(limits.largestSponsorPercentWarning)} warning level`,
                  }}
                />
                <table className="share-table">
                  <caption>Funding per sponsor</caption>
                  <thead>
                    <tr>
                      <th scope="col">Sponsor</th>
                      <th scope="col" className="num">
                        Funding
                      </th>
                      <th scope="col" className="num">
                        Share
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
                            s.name
                          )}
                          {s.organizationId &&
                          s.sharePercent > limits.largestSponsorPercentWarning ? (
                            <span className="badge badge-warn">over the limit</span>
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
