import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { FormProblem, useForm } from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useSession } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { Entitlements } from './Entitlements.tsx';
import { periodLabel, type Tier } from './types.ts';

/** The public tiers page; officers and hackers also see hidden and archived tiers. */
export function Tiers() {
  const { session } = useSession();
  const can = session.user?.can;
  const all = !!can?.readAllTiers;
  const list = useQuery('/api/tiers', { params: { query: { all: all ? 'true' : 'false' } } });
  const tiers = list.data?.tiers ?? [];
  return (
    <Page
      title="Sponsorship tiers"
      actions={
        can?.manageAgreements ? (
          <Link href="/tiers/new" className="button">
            New tier
          </Link>
        ) : null
      }
    >
      <p>
        Companies that depend on our projects fund their maintenance through a retainer at one of
        these tiers. Each tier is versioned: a signed agreement keeps the version it bought.
      </p>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && tiers.length === 0 ? <p className="muted">No tiers are offered yet.</p> : null}
      <div className="tier-grid">
        {tiers.map((t) => (
          <section key={t.id} className="card" aria-labelledby={`tier-${t.id}`}>
            <h2 id={`tier-${t.id}`}>{t.current.name}</h2>
            <p className="tier-price">
              <strong>
                {t.current.currency} {t.current.price}
              </strong>{' '}
              {periodLabel(t.current.periodMonths)}
            </p>
            {t.current.summary ? <p>{t.current.summary}</p> : null}
            <Entitlements e={t.current.entitlements} />
            {all ? (
              <p className="muted">
                Version {t.current.version} · {t.current.serviceHoursPerMonth} service hours a month
                {t.published ? '' : ' · hidden from the public page'}
                {t.archived ? ' · archived' : ''}
              </p>
            ) : null}
            {can?.manageAgreements ? (
              <div className="form-actions">
                <Link href={`/tiers/${t.id}/revise`} className="button">
                  New version<span className="visually-hidden"> of {t.current.name}</span>
                </Link>
                <Listing tier={t} reload={list.reload} />
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
          {tier.published ? 'Hide' : 'Publish'}
          {name}
        </button>
      </form>
      <form
        className="inline-form"
        onSubmit={set({ published: tier.published, archived: !tier.archived })}
      >
        <button type="submit" className="button">
          {tier.archived ? 'Offer again' : 'Archive'}
          {name}
        </button>
      </form>
    </>
  );
}
