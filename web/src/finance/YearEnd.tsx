import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { closeYearInputSchema } from '../../../src/finance/yearEnd/closeYearInput.ts';
import { api } from '../api/client.ts';
import { formatDate } from '../app/format.ts';
import { FormProblem, SelectField, SubmitButton } from '../app/forms.tsx';
import { Loading, LoadError } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { today } from './books.ts';
import { dividendSteps, shareBasis } from './dividendWords.ts';
import { BooksPage } from './BooksPage.tsx';
import { formatMoney, percent, toBigInt } from '../app/money.ts';
import type { FiscalYearStanding, Share, YearEndResult } from '../api/types.ts';
import { t } from './messages.ts';

type Step = 'choose' | 'review' | 'confirm' | 'done';

const steps: Step[] = ['choose', 'review', 'confirm', 'done'];

function Stepper({ step }: { step: Step }) {
  const current = steps.indexOf(step);
  return (
    <ol className="stepper" aria-label={t('yearEnd.stepsLabel')}>
      {steps.map((s, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'todo';
        return (
          <li
            key={s}
            className={`step step-${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="step-marker" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span className="step-label">
              {t(`yearEnd.steps.${s}`)}
              {state === 'done' ? (
                <span className="visually-hidden">{t('yearEnd.stepDone')}</span>
              ) : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** The year-end close as a wizard: choose, dry run with all its arithmetic, confirm, done. */
export function YearEnd() {
  const user = useUser();
  const bylaws = useQuery(user.can.keepBooks ? '/api/bylaws' : null);
  const startMonth = bylaws.data?.document.fiscalYear.startMonth;

  if (!user.can.keepBooks)
    return (
      <BooksPage title={t('yearEnd.title')}>
        <p className="notice">
          {t('yearEnd.keepersOnly')}
          <Link href="/books/dividends">{t('yearEnd.theDividends')}</Link>.
        </p>
      </BooksPage>
    );
  return (
    <BooksPage title={t('yearEnd.title')}>
      {bylaws.error ? <LoadError error={bylaws.error} retry={bylaws.reload} /> : null}
      {startMonth ? <Wizard startMonth={startMonth} /> : bylaws.error ? null : <Loading />}
    </BooksPage>
  );
}

function Wizard({ startMonth }: { startMonth: number }) {
  const standing = useQuery('/api/ledger/year-end');
  const [step, setStep] = useState<Step>('choose');
  const [chosen, setYear] = useState<string | null>(null);
  const [dryRun, setDryRun] = useState<YearEndResult | null>(null);
  const [closed, setClosed] = useState<YearEndResult | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  // Each step's heading takes the focus, so that the change is announced.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  // Both steps send to one route, checked first by its own schema.
  const chooseForm = useZodForm(closeYearInputSchema);
  const confirmForm = useZodForm(closeYearInputSchema);
  const [understood, setUnderstood] = useState(false);

  // No year to choose goes out as missing ("required").
  const runDry = chooseForm.submitValid(
    () => ({ fiscalYear: year ? Number(year) : undefined, dryRun: true }),
    async (body) => {
      const result = await api.post('/api/ledger/year-end', { body });
      setDryRun(result);
      setUnderstood(false);
      setStep('review');
    },
  );

  // That the consequences were read is the wizard's own check, beside the schema's.
  const close = confirmForm.submitValid(
    () => ({ fiscalYear: dryRun?.fiscalYear, dryRun: false }),
    async (body) => {
      const result = await api.post('/api/ledger/year-end', { body });
      setClosed(result);
      setStep('done');
    },
    (): Record<string, string> => (understood ? {} : { understood: t('yearEnd.tickBox') }),
  );

  // Only the years that can close: begun, not closed, not before the books. The oldest open
  // year first, since a year's retained surplus is the next one's opening.
  const open = (standing.data?.years ?? []).filter((y) => y.status !== 'closed');
  const year = chosen ?? String(open.at(-1)?.fiscalYear ?? '');
  const yearLabel = (y: FiscalYearStanding) =>
    t(y.status === 'current' ? 'yearEnd.yearOptionCurrent' : 'yearEnd.yearOption', {
      year:
        startMonth === 1 ? y.fiscalYear : `${y.fiscalYear}/${String(y.fiscalYear + 1).slice(2)}`,
      from: formatDate(y.fromDay),
      to: formatDate(y.toDay),
    });
  const closedYears = (standing.data?.years ?? []).filter((y) => y.status === 'closed');

  return (
    <div className="wizard">
      <Stepper step={step} />

      {step === 'choose' ? (
        <section aria-labelledby="step-heading" className="card">
          <h2 id="step-heading" ref={heading} tabIndex={-1}>
            {t('yearEnd.chooseHeading')}
          </h2>
          <p>{t('yearEnd.chooseExplain')}</p>
          {standing.error ? <LoadError error={standing.error} retry={standing.reload} /> : null}
          {!standing.data ? (
            standing.error ? null : (
              <Loading />
            )
          ) : open.length === 0 ? (
            <p className="notice">{t('yearEnd.allClosed')}</p>
          ) : (
            <form ref={chooseForm.formRef} onSubmit={runDry} noValidate className="form">
              <FormProblem problem={chooseForm.problem} fields={['fiscalYear']} />
              <SelectField
                label={t('yearEnd.fiscalYear')}
                hint={
                  closedYears.length > 0
                    ? t('yearEnd.closedAlready', {
                        years: closedYears.map((y) => y.fiscalYear).join(', '),
                      })
                    : undefined
                }
                value={year}
                onChange={setYear}
                options={open.map((y) => ({ value: String(y.fiscalYear), label: yearLabel(y) }))}
                error={chooseForm.error('fiscalYear')}
              />
              <div className="form-actions">
                <SubmitButton busy={chooseForm.busy}>{t('yearEnd.runDry')}</SubmitButton>
              </div>
            </form>
          )}
        </section>
      ) : null}

      {step === 'review' && dryRun ? (
        <section aria-labelledby="step-heading" className="card">
          <h2 id="step-heading" ref={heading} tabIndex={-1}>
            {t('yearEnd.reviewHeading', { year: dryRun.fiscalYear })}
          </h2>
          <Consequences result={dryRun} />
          <Arithmetic result={dryRun} />
          <div className="form-actions">
            <button type="button" className="button primary" onClick={() => setStep('confirm')}>
              {t('yearEnd.continue')}
            </button>
            <button type="button" className="button" onClick={() => setStep('choose')}>
              {t('yearEnd.back')}
            </button>
          </div>
        </section>
      ) : null}

      {step === 'confirm' && dryRun ? (
        <section aria-labelledby="step-heading" className="card">
          <h2 id="step-heading" ref={heading} tabIndex={-1}>
            {t('yearEnd.confirmHeading', { year: dryRun.fiscalYear })}
          </h2>
          <Consequences result={dryRun} />
          <ul>
            <li>
              {t('yearEnd.surplusBefore')}
              <strong>{formatMoney(dryRun.plan.surplusMinor, dryRun.currency)}</strong>
              {t('yearEnd.surplusAfter')}
            </li>
            <li>
              {dryRun.plan.reserves.length === 0
                ? t('yearEnd.noReserves')
                : t('yearEnd.reserves', {
                    reserves: dryRun.plan.reserves
                      .map((r) => `${r.name} ${formatMoney(r.amountMinor, dryRun.currency)}`)
                      .join(', '),
                  })}
            </li>
            <li>
              {t('yearEnd.receivers', {
                count:
                  dryRun.plan.hackers.length +
                  dryRun.plan.sponsors.length +
                  (dryRun.plan.community ?? []).length,
                fund: formatMoney(dryRun.plan.communityFund, dryRun.currency),
              })}
            </li>
            <li>
              {t('yearEnd.locked', {
                from: formatDate(dryRun.fromDay),
                to: formatDate(dryRun.toDay),
              })}
            </li>
          </ul>
          <form ref={confirmForm.formRef} onSubmit={close} noValidate className="form">
            <FormProblem problem={confirmForm.problem} fields={['understood']} />
            <div
              className={`field field-checkbox${confirmForm.error('understood') ? ' field-invalid' : ''}`}
            >
              <input
                id="confirm-close"
                type="checkbox"
                checked={understood}
                onChange={(e) => setUnderstood(e.target.checked)}
                aria-invalid={confirmForm.error('understood') ? true : undefined}
                aria-describedby={
                  confirmForm.error('understood') ? 'confirm-close-error' : undefined
                }
              />
              <label htmlFor="confirm-close">
                {t('yearEnd.checked', { year: dryRun.fiscalYear })}
              </label>
              {confirmForm.error('understood') ? (
                <p className="field-error" id="confirm-close-error">
                  <span aria-hidden="true">⚠ </span>
                  {confirmForm.error('understood')}
                </p>
              ) : null}
            </div>
            <div className="form-actions">
              <SubmitButton busy={confirmForm.busy}>
                {t('yearEnd.close', { year: dryRun.fiscalYear })}
              </SubmitButton>
              <button type="button" className="button" onClick={() => setStep('review')}>
                {t('yearEnd.backToDryRun')}
              </button>
            </div>
          </form>
        </section>
      ) : null}

      {step === 'done' && closed ? (
        <section aria-labelledby="step-heading" className="card">
          <h2 id="step-heading" ref={heading} tabIndex={-1}>
            {t('yearEnd.doneHeading', { year: closed.fiscalYear })}
          </h2>
          <div className="notice notice-success">
            <p>
              {t('yearEnd.postedEntries', { count: closed.entries.length })}
              {closed.entries.map((e, i) => (
                <span key={e.id}>
                  {i > 0 ? (i === closed.entries.length - 1 ? t('yearEnd.and') : ', ') : null}
                  <Link href={`/books/entries?before=${e.number + 1}`}>#{e.number}</Link>
                </span>
              ))}
              {t('yearEnd.lockedNotices')}
            </p>
          </div>
          <p>
            <Link href="/books/dividends">{t('yearEnd.seeNotices')}</Link>
          </p>
          <Arithmetic result={closed} />
        </section>
      ) : null}
    </div>
  );
}

/**
 * What the close does that a treasurer might not expect, as warnings that cannot be missed:
 * each says what happens and what to do first if it is not what the co-op wants.
 */
function Consequences({ result }: { result: YearEndResult }) {
  const money = (minor: string | bigint) => formatMoney(minor, result.currency);
  const { plan } = result;
  const warnings: { key: string; text: ReactNode }[] = [];
  if (result.toDay >= today())
    warnings.push({
      key: 'not-ended',
      text: <>{t('yearEnd.notEnded', { day: formatDate(result.toDay) })}</>,
    });
  if (toBigInt(plan.surplusMinor) <= 0n)
    warnings.push({
      key: 'no-surplus',
      text: <>{t('yearEnd.noSurplus', { surplus: money(plan.surplusMinor) })}</>,
    });
  if (toBigInt(plan.unclaimed.hackers) > 0n)
    warnings.push({
      key: 'no-hours',
      text: (
        <>
          {t('yearEnd.noHoursBefore')}
          <strong>{money(plan.unclaimed.hackers)}</strong>
          {t('yearEnd.noHoursAfter')}
        </>
      ),
    });
  if (toBigInt(plan.unclaimed.sponsors) > 0n)
    warnings.push({
      key: 'no-funding',
      text: (
        <>
          {t('yearEnd.noFundingBefore')}
          <strong>{money(plan.unclaimed.sponsors)}</strong>
          {t('yearEnd.noFundingAfter')}
          <Link href="/books/sponsor-payment">{t('yearEnd.sponsorPayment')}</Link>
          {t('yearEnd.noFundingEnd')}
        </>
      ),
    });
  if (warnings.length === 0) return null;
  return (
    <div className="notice notice-warning" role="note" aria-label={t('yearEnd.beforeYouClose')}>
      <p>
        <strong>{t('yearEnd.beforeYouCloseColon')}</strong>
      </p>
      <ul>
        {warnings.map((w) => (
          <li key={w.key}>{w.text}</li>
        ))}
      </ul>
    </div>
  );
}

function ShareTable({
  title,
  shares,
  names,
  currency,
  id,
}: {
  title: string;
  shares: Share[];
  names: Record<string, string>;
  currency: string;
  id: string;
}) {
  const money = (minor: string | bigint) => formatMoney(minor, currency);
  const sum = (f: (s: Share) => string) => shares.reduce((t, s) => t + toBigInt(f(s)), 0n);
  return (
    <section aria-labelledby={id} className="share-group">
      <h4 id={id}>{title}</h4>
      <table className="responsive-table shares-table">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('yearEnd.member')}</th>
            <th scope="col">{t('yearEnd.basis')}</th>
            <th scope="col" className="num">
              {t('yearEnd.share')}
            </th>
            <th scope="col" className="num">
              {t('yearEnd.cash')}
            </th>
            <th scope="col" className="num">
              {t('yearEnd.retained')}
            </th>
          </tr>
        </thead>
        <tbody>
          {[...shares]
            .sort((a, b) => (toBigInt(b.amountMinor) > toBigInt(a.amountMinor) ? 1 : -1))
            .map((s) => (
              <tr key={s.id}>
                <td data-label={t('yearEnd.member')} className="cell-title">
                  {names[s.id] ?? t('yearEnd.aMember')}
                </td>
                <td data-label={t('yearEnd.basis')}>{shareBasis(s, currency)}</td>
                <td data-label={t('yearEnd.share')} className="num">
                  {money(s.amountMinor)}
                </td>
                <td data-label={t('yearEnd.cash')} className="num">
                  {money(s.cashMinor)}
                </td>
                <td data-label={t('yearEnd.retained')} className="num">
                  {money(s.retainedMinor)}
                </td>
              </tr>
            ))}
        </tbody>
        <tfoot>
          <tr>
            <td data-label={t('yearEnd.member')} className="cell-title">
              <strong>{t('yearEnd.all')}</strong>
            </td>
            <td data-label={t('yearEnd.basis')} />
            <td data-label={t('yearEnd.share')} className="num">
              <strong>{money(sum((s) => s.amountMinor))}</strong>
            </td>
            <td data-label={t('yearEnd.cash')} className="num">
              {money(sum((s) => s.cashMinor))}
            </td>
            <td data-label={t('yearEnd.retained')} className="num">
              {money(sum((s) => s.retainedMinor))}
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

/** Every step of the split, and a check that the parts add up to the surplus. */
function Arithmetic({ result }: { result: YearEndResult }) {
  const { plan, currency, names } = result;
  const money = (minor: string | bigint) => formatMoney(minor, currency);
  const reserves = plan.reserves.reduce((t, r) => t + toBigInt(r.amountMinor), 0n);
  const hackers = plan.hackers.reduce((t, s) => t + toBigInt(s.amountMinor), 0n);
  const sponsors = plan.sponsors.reduce((t, s) => t + toBigInt(s.amountMinor), 0n);
  const communityShares = plan.community ?? [];
  const community = communityShares.reduce((t, s) => t + toBigInt(s.amountMinor), 0n);
  const parts = reserves + hackers + sponsors + community + toBigInt(plan.communityFund);
  const exact = parts === toBigInt(plan.surplusMinor);
  return (
    <div className="year-end-arithmetic">
      <p>
        {t('yearEnd.arithmetic', {
          year: result.fiscalYear,
          from: formatDate(result.fromDay),
          to: formatDate(result.toDay),
          currency,
        })}
        <Link href={`/bylaws/versions/${result.bylaws.version}`}>
          {t('yearEnd.version', { version: result.bylaws.version })}
        </Link>
        {t('yearEnd.inForceFrom', { day: formatDate(result.bylaws.effectiveOn) })}
      </p>
      <h3>{t('yearEnd.theSteps')}</h3>
      <ol className="explanation">
        {dividendSteps(plan, currency).map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>

      <h3>{t('yearEnd.toClasses')}</h3>
      <table className="arith-table year-end-split">
        <caption className="visually-hidden">{t('yearEnd.splitCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('yearEnd.part')}</th>
            <th scope="col" className="num">
              {t('yearEnd.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('yearEnd.surplus')}</th>
            <td className="num">
              <strong>{money(plan.surplusMinor)}</strong>
            </td>
          </tr>
          {plan.reserves.map((r) => (
            <tr key={r.name}>
              <th scope="row">
                {t('yearEnd.reserve', { name: r.name, percent: percent(r.percent) })}
              </th>
              <td className="num">−{money(r.amountMinor)}</td>
            </tr>
          ))}
          <tr className="subtotal-row">
            <th scope="row">{t('yearEnd.distributable')}</th>
            <td className="num">{money(plan.distributable)}</td>
          </tr>
          <tr>
            <th scope="row">
              <span className="swatch swatch-hackers" aria-hidden="true" />
              {t('yearEnd.hackers')}
            </th>
            <td className="num">{money(plan.classes.hackers)}</td>
          </tr>
          <tr>
            <th scope="row">
              <span className="swatch swatch-sponsors" aria-hidden="true" />
              {t('yearEnd.sponsors')}
            </th>
            <td className="num">{money(plan.classes.sponsors)}</td>
          </tr>
          <tr>
            <th scope="row">
              <span className="swatch swatch-community" aria-hidden="true" />
              {t('yearEnd.community')}
            </th>
            <td className="num">{money(plan.classes.community)}</td>
          </tr>
        </tbody>
      </table>

      <h3>{t('yearEnd.eachShare')}</h3>
      {plan.hackers.length > 0 ? (
        <ShareTable
          id="hackers-shares"
          title={t('yearEnd.hackersByHours')}
          shares={plan.hackers}
          names={names}
          currency={currency}
        />
      ) : (
        <p className="muted">{t('yearEnd.noHackers')}</p>
      )}
      {plan.sponsors.length > 0 ? (
        <ShareTable
          id="sponsors-shares"
          title={t('yearEnd.sponsorsByFunding')}
          shares={plan.sponsors}
          names={names}
          currency={currency}
        />
      ) : (
        <p className="muted">{t('yearEnd.noSponsors')}</p>
      )}
      {communityShares.length > 0 ? (
        <ShareTable
          id="community-shares"
          title={t('yearEnd.communityByPatronage')}
          shares={communityShares}
          names={names}
          currency={currency}
        />
      ) : null}
      <p>
        {t('yearEnd.fund')}
        <strong>{money(plan.communityFund)}</strong>
        {plan.unclaimed && toBigInt(plan.unclaimed.hackers) + toBigInt(plan.unclaimed.sponsors) > 0n
          ? t('yearEnd.fundUnclaimed', {
              amount: money(toBigInt(plan.unclaimed.hackers) + toBigInt(plan.unclaimed.sponsors)),
            })
          : ''}
        .
      </p>
      <p className={`sum-check ${exact ? 'ok' : 'off'}`}>
        <span aria-hidden="true">{exact ? '✓ ' : '⚠ '}</span>
        {t('yearEnd.sum', {
          reserves: money(reserves),
          hackers: money(hackers),
          sponsors: money(sponsors),
          fund: money(plan.communityFund),
          parts: money(parts),
        })}
        {exact ? t('yearEnd.exact') : t('yearEnd.notExact', { surplus: money(plan.surplusMinor) })}
      </p>
    </div>
  );
}
