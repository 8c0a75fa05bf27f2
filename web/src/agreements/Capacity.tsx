import { useState } from 'react';
import { serviceHoursInputSchema } from '../../../src/agreements/capacity/serviceHoursInput.ts';
import { api } from '../api/client.ts';
import { useZodForm } from '../app/zodForm.ts';
import { formatMoney, percent } from '../app/money.ts';
import { FormProblem, NumberField, SelectField, Status, SubmitButton } from '../app/forms.tsx';
import { useUser } from '../app/session.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import { t } from './messages.ts';

const money = (minor: string, currency: string) => formatMoney(minor, currency);

/** The capacity plan: who serves how many sponsors, and what it takes to reach the pay target. */
export function Capacity() {
  const user = useUser();
  const result = useQuery('/api/capacity');
  const plan = result.data;
  return (
    <Page title={t('capacity.title')}>
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {!plan && !result.error ? <Loading /> : null}
      {plan ? (
        <>
          {plan.warnings.length > 0 ? (
            <div
              className="notice notice-warning"
              role="region"
              aria-label={t('capacity.warnings')}
            >
              <ul>
                {plan.warnings.map((w, i) => (
                  <li key={i}>{t(`capacity.warning.${w.code}`, w.facts)}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <section className="card" aria-labelledby="capacity-summary">
            <h2 id="capacity-summary">{t('capacity.coop')}</h2>
            <dl className="details">
              <dt>{t('capacity.sponsorsServed')}</dt>
              <dd>
                {t('capacity.served', {
                  clients: plan.clients,
                  comfortable: plan.comfortableClients,
                  hackers: plan.hackers.length,
                  each: plan.thresholds.comfortableClientsPerHacker,
                  hireBefore: plan.clientsBeforeHiring,
                })}
              </dd>
              <dt>{t('capacity.hours')}</dt>
              <dd>
                {t('capacity.committed', {
                  committed: plan.committedHoursPerMonth,
                  capacity: plan.capacityHoursPerMonth,
                })}
                {plan.unservedHoursPerMonth > 0
                  ? t('capacity.unserved', { hours: plan.unservedHoursPerMonth })
                  : ''}
              </dd>
              <dt>{t('capacity.revenue')}</dt>
              <dd>{money(plan.annualRevenueMinor, plan.currency)}</dd>
              <dt>{t('capacity.target')}</dt>
              <dd>{money(plan.targetAnnualMinor, plan.currency)}</dd>
              <dt>{t('capacity.gap')}</dt>
              <dd>{t('capacity.aYear', { amount: money(plan.gapMinor, plan.currency) })}</dd>
            </dl>
          </section>
          <table className="responsive-table">
            <caption>{t('capacity.load')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('capacity.hacker')}</th>
                <th scope="col" className="num">
                  {t('capacity.sponsors')}
                </th>
                <th scope="col" className="num">
                  {t('capacity.hoursCommitted')}
                </th>
                <th scope="col" className="num">
                  {t('capacity.loadColumn')}
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.hackers.map((h) => (
                <tr key={h.personId}>
                  <td data-label={t('capacity.hacker')}>{h.name}</td>
                  <td data-label={t('capacity.sponsors')} className="num">
                    {h.clients}
                  </td>
                  <td data-label={t('capacity.hoursCommitted')} className="num">
                    {t('capacity.of', {
                      committed: h.committedHoursPerMonth,
                      hours: h.serviceHoursPerMonth,
                    })}
                  </td>
                  <td data-label={t('capacity.loadColumn')} className="num">
                    {h.loadPercent === null ? t('capacity.over') : percent(h.loadPercent)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {user.can.manageAgreements ? (
            <ServiceHours hackers={plan.hackers} reload={result.reload} />
          ) : null}
          <table className="responsive-table">
            <caption>{t('capacity.tiersCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('capacity.tier')}</th>
                <th scope="col" className="num">
                  {t('capacity.year')}
                </th>
                <th scope="col" className="num">
                  {t('capacity.wholeTarget')}
                </th>
                <th scope="col" className="num">
                  {t('capacity.missing')}
                </th>
                <th scope="col">{t('capacity.fits')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.tiers.map((tier) => (
                <tr key={tier.tierId}>
                  <td data-label={t('capacity.tier')}>
                    {t('capacity.tierVersion', { name: tier.name, version: tier.version })}
                  </td>
                  <td data-label={t('capacity.year')} className="num">
                    {money(tier.annualPriceMinor, plan.currency)}
                  </td>
                  <td data-label={t('capacity.wholeTarget')} className="num">
                    {t('capacity.sponsorsHours', {
                      sponsors: tier.sponsorsForTarget,
                      hours: tier.hoursForTarget,
                    })}
                  </td>
                  <td data-label={t('capacity.missing')} className="num">
                    {t('capacity.sponsorsHours', {
                      sponsors: tier.sponsorsForGap,
                      hours: tier.hoursForGap,
                    })}
                  </td>
                  <td data-label={t('capacity.fits')}>
                    {tier.gapFitsCapacity ? t('capacity.yes') : t('capacity.hire')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </Page>
  );
}

function ServiceHours({
  hackers,
  reload,
}: {
  hackers: { personId: string; name: string; serviceHoursPerMonth: number }[];
  reload: () => void;
}) {
  const form = useZodForm(serviceHoursInputSchema);
  const [personId, setPersonId] = useState(hackers[0]?.personId ?? '');
  const [hours, setHours] = useState<number | ''>('');
  const [saved, setSaved] = useState<string | null>(null);
  // Hours left empty go out as none: the bylaws' default, as the route says.
  const onSubmit = form.submitValid(
    () => ({ hoursPerMonth: hours === '' ? null : hours }),
    async (body) => {
      await api.patch('/api/capacity/hackers/{id}', { params: { path: { id: personId } }, body });
      setSaved(t('capacity.saved'));
      reload();
    },
  );
  if (hackers.length === 0) return null;
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form card">
      <h2>{t('capacity.serviceTitle')}</h2>
      <FormProblem problem={form.problem} fields={['hoursPerMonth']} />
      <SelectField
        label={t('capacity.hacker')}
        value={personId}
        onChange={setPersonId}
        options={hackers.map((h) => ({
          value: h.personId,
          label: t('capacity.hackerOption', { name: h.name, hours: h.serviceHoursPerMonth }),
        }))}
      />
      <NumberField
        label={t('capacity.hoursField')}
        hint={t('capacity.hoursHint')}
        value={hours}
        onChange={setHours}
        error={form.error('hoursPerMonth')}
      />
      <SubmitButton busy={form.busy}>{t('capacity.saveHours')}</SubmitButton>
      <Status message={saved} />
    </form>
  );
}
