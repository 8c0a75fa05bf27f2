import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { FormProblem, useForm } from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useSession } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { Entitlements } from './Entitlements.tsx';
import { periodLabel, type Tier } from './types.ts';
import { formatDecimal } from '../app/money.ts';
import { t } from './messages.ts';

/** The public tiers page; officers and hackers also see hidden and archived tiers. */
export function Tiers() {
  const { session } = useSession();
  const can = session.user?.can;
  const all = !!can?.readAllTiers;
  const list = useQuery('/api/tiers', { params: { query: { all: all ? 'true' : 'false' } } });
  const tiers = list.data?.tiers ?? [];
  return (
    <Page
      title={t('tiers.title')}
      actions={
        can?.manageAgreements ? (
          <Link href="/tiers/new" className="button">
            {t('tiers.new')}
          </Link>
        ) : null
      }
    >
      <p>{t('tiers.lead')}</p>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && tiers.length === 0 ? <p className="muted">{t('tiers.none')}</p> : null}
      <div className="tier-grid">
        {tiers.map((tier) => (
          <section key={tier.id} className="card" aria-labelledby={`tier-${tier.id}`}>
            <h2 id={`tier-${tier.id}`}>{tier.current.name}</h2>
            <p className="tier-price">
              <strong>{formatDecimal(tier.current.price, tier.current.currency)}</strong>{' '}
              {periodLabel(tier.current.periodMonths)}
            </p>
            {tier.current.summary ? <p>{tier.current.summary}</p> : null}
            <Entitlements e={tier.current.entitlements} />
            {all ? (
              <p className="muted">
                {t('tiers.version', {
                  version: tier.current.version,
                  count: tier.current.serviceHoursPerMonth,
                })}
                {tier.published ? '' : t('tiers.hidden')}
                {tier.archived ? t('tiers.archived') : ''}
              </p>
            ) : null}
            {can?.manageAgreements ? (
              <div className="form-actions">
                <Link href={`/tiers/${tier.id}/revise`} className="button">
                  {t('tiers.newVersion')}
                  <span className="visually-hidden">
                    {t('tiers.ofTier', { name: tier.current.name })}
                  </span>
                </Link>
                <Listing tier={tier} reload={list.reload} />
              </div>
            ) : null}
          </section>
        ))}
      </div>
    </Page>
  );
}

function Listing({ tier, reload }: { tier: Tier; reload: () => void }) {
  const form = useForm();
  const set = (listing: { published: boolean; archived: boolean }) =>
    form.submit(async () => {
      await api.patch('/api/tiers/{id}/listing', {
        params: { path: { id: tier.id } },
        body: listing,
      });
      reload();
    });
  const name = <span className="visually-hidden"> {tier.current.name}</span>;
  return (
    <>
      <FormProblem problem={form.problem} />
      <form
        className="inline-form"
        onSubmit={set({ published: !tier.published, archived: tier.archived })}
      >
        <button type="submit" className="button">
          {tier.published ? t('tiers.hide') : t('tiers.publish')}
          {name}
        </button>
      </form>
      <form
        className="inline-form"
        onSubmit={set({ published: tier.published, archived: !tier.archived })}
      >
        <button type="submit" className="button">
          {tier.archived ? t('tiers.offerAgain') : t('tiers.archive')}
          {name}
        </button>
      </form>
    </>
  );
}
