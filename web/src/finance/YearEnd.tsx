import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { localProblem } from '../app/api.ts';
import { formatDate } from '../app/format.ts';
import { FormProblem, SelectField, SubmitButton, useForm } from '../app/forms.tsx';
import { Loading, LoadError } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { basisText, today } from './books.ts';
import { BooksPage } from './BooksPage.tsx';
import { formatMoney, toBigInt } from '../app/money.ts';
import type { FiscalYearStanding, Share, YearEndResult } from '../api/types.ts';

type Step = 'choose' | 'review' | 'confirm' | 'done';

const steps: { key: Step; label: string }[] = [
  { key: 'choose', label: 'Choose the year' },
  { key: 'review', label: 'Check the dry run' },
  { key: 'confirm', label: 'Confirm' },
  { key: 'done', label: 'Closed' },
];

function Stepper({ step }: { step: Step }) {
  const current = steps.findIndex((s) => s.key === step);
  return (
    <ol className="stepper" aria-label="Steps of the year-end close">
      {steps.map((s, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'todo';
        return (
          <li
            key={s.key}
            className={`step step-${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="step-marker" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span className="step-label">
              {s.label}
              {state === 'done' ? <span className="visually-hidden"> (done)</span> : null}
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
      <BooksPage title="Year end">
        <p className="notice">
          The keepers of the books (an administrator or the chief economist) close a fiscal year.
          Every member with a share receives a notice: see{' '}
          <Link href="/books/dividends">the dividends</Link>.
        </p>
      </BooksPage>
    );
  return (
    <BooksPage title="Year end">
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

  const chooseForm = useForm();
  const confirmForm = useForm();
  const [understood, setUnderstood] = useState(false);

  const runDry = chooseForm.submit(async () => {
    const result = await api.post('/api/ledger/year-end', {
      body: {
        fiscalYear: Number(year),
        dryRun: true,
      },
    });
    setDryRun(result);
    setUnderstood(false);
    setStep('review');
  });

  const close = confirmForm.submit(async () => {
    if (!dryRun) return;
    if (!understood)
      throw localProblem('Please confirm the close.', {
        understood: 'tick the box to confirm the close',
      });
    const result = await api.post('/api/ledger/year-end', {
      body: {
        fiscalYear: dryRun.fiscalYear,
        dryRun: false,
      },
    });
    setClosed(result);
    setStep('done');
  });

  // Only the years that can close: begun, not closed, not before the books. The oldest open
  // year first, since a year's retained surplus is the next one's opening.
  const open = (standing.data?.years ?? []).filter((y) => y.status !== 'closed');
  const year = chosen ?? String(open.at(-1)?.fiscalYear ?? '');
  const yearLabel = (y: FiscalYearStanding) =>
    `${startMonth === 1 ? y.fiscalYear : `${y.fiscalYear}/${String(y.fiscalYear + 1).slice(2)}`}: ${formatDate(y.fromDay)} to ${formatDate(y.toDay)}${y.status === 'current' ? ' (not ended yet)' : ''}`;
  const closedYears = (standing.data?.years ?? []).filter((y) => y.status === 'closed');

  return (
    <div className="wizard">
      <Stepper step={step} />

      {step === 'choose' ? (
        <section aria-labelledby="step-heading" className="card">
          <h2 id="step-heading" ref={heading} tabIndex={-1}>
            1. Choose the fiscal year
          </h2>
          <p>
            Closing a year moves its income and expenses into the retained surplus, sets aside the
            bylaws’ reserves, shares the rest among the classes and their members by patronage,
            locks the year and mails every member with a share a notice. A dry run shows it all
            first; nothing is posted until you confirm.
          </p>
          {standing.error ? <LoadError error={standing.error} retry={standing.reload} /> : null}
          {!standing.data ? (
            standing.error ? null : (
              <Loading />
            )
          ) : open.length === 0 ? (
            <p className="notice">Every fiscal year the co-op has kept books in is closed.</p>
          ) : (
            <form ref={chooseForm.formRef} onSubmit={runDry} noValidate className="form">
              <FormProblem problem={chooseForm.problem} fields={['fiscalYear']} />
              <SelectField
                label="Fiscal year"
                hint={
                  closedYears.length > 0
                    ? `Closed already: ${closedYears.map((y) => y.fiscalYear).join(', ')}.`
                    : undefined
                }
                value={year}
                onChange={setYear}
                options={open.map((y) => ({ value: String(y.fiscalYear), label: yearLabel(y) }))}
                error={chooseForm.error('fiscalYear')}
              />
              <div className="form-actions">
                <SubmitButton busy={chooseForm.busy}>Run the dry run</SubmitButton>
              </div>
            </form>
          )}
        </section>
      ) : null}

      {step === 'review' && dryRun ? (
        <section aria-labelledby="step-heading" className="card">
          <h2 id="step-heading" ref={heading} tabIndex={-1}>
            2. The dry run of fiscal year {dryRun.fiscalYear}
          </h2>
          <Consequences result={dryRun} />
          <Arithmetic result={dryRun} />
          <div className="form-actions">
            <button type="button" className="button primary" onClick={() => setStep('confirm')}>
              Continue to confirm
            </button>
            <button type="button" className="button" onClick={() => setStep('choose')}>
              Back: another year
            </button>
          </div>
        </section>
      ) : null}

      {step === 'confirm' && dryRun ? (
        <section aria-labelledby="step-heading" className="card">
          <h2 id="step-heading" ref={heading} tabIndex={-1}>
            3. Close fiscal year {dryRun.fiscalYear}
          </h2>
          <Consequences result={dryRun} />
          <ul>
            <li>
              The surplus of{' '}
              <strong>{formatMoney(dryRun.plan.surplusMinor, dryRun.currency)}</strong> closes into
              the retained surplus.
            </li>
            <li>
              {dryRun.plan.reserves.length === 0
                ? 'No reserves are set aside.'
                : `Reserves: ${dryRun.plan.reserves.map((r) => `${r.name} ${formatMoney(r.amountMinor, dryRun.currency)}`).join(', ')}.`}
            </li>
            <li>
              {dryRun.plan.hackers.length +
                dryRun.plan.sponsors.length +
                (dryRun.plan.community ?? []).length}{' '}
              member
              {dryRun.plan.hackers.length +
                dryRun.plan.sponsors.length +
                (dryRun.plan.community ?? []).length ===
              1
                ? ''
                : 's'}{' '}
              receive a dividend and a notice; the community fund receives{' '}
              {formatMoney(dryRun.plan.communityFund, dryRun.currency)}.
            </li>
            <li>
              The year {formatDate(dryRun.fromDay)} to {formatDate(dryRun.toDay)} is locked. A year
              closes once.
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
                I have checked the arithmetic: close fiscal year {dryRun.fiscalYear}
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
                Close fiscal year {dryRun.fiscalYear}
              </SubmitButton>
              <button type="button" className="button" onClick={() => setStep('review')}>
                Back to the dry run
              </button>
            </div>
          </form>
        </section>
      ) : null}

      {step === 'done' && closed ? (
        <section aria-labelledby="step-heading" className="card">
          <h2 id="step-heading" ref={heading} tabIndex={-1}>
            4. Fiscal year {closed.fiscalYear} is closed
          </h2>
          <div className="notice notice-success">
            <p>
              Posted {closed.entries.length === 1 ? 'entry' : 'entries'}{' '}
              {closed.entries.map((e, i) => (
                <span key={e.id}>
                  {i > 0 ? (i === closed.entries.length - 1 ? ' and ' : ', ') : null}
                  <Link href={`/books/entries?before=${e.number + 1}`}>#{e.number}</Link>
                </span>
              ))}
              . The year is locked and the notices are on their way.
            </p>
          </div>
          <p>
            <Link href="/books/dividends">See the dividend notices</Link>
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
      text: (
        <>
          This fiscal year ends on {formatDate(result.toDay)}. Closing it now locks it: entries
          dated later in the year will be refused unless the chief economist reopens it.
        </>
      ),
    });
  if (toBigInt(plan.surplusMinor) <= 0n)
    warnings.push({
      key: 'no-surplus',
      text: (
        <>
          The year shows no surplus ({money(plan.surplusMinor)}): nobody receives a dividend and no
          reserve is set aside.
        </>
      ),
    });
  if (toBigInt(plan.unclaimed.hackers) > 0n)
    warnings.push({
      key: 'no-hours',
      text: (
        <>
          No hours were logged in this year, so the hackers’ share of{' '}
          <strong>{money(plan.unclaimed.hackers)}</strong> goes to the community fund instead of to
          the hackers. If they worked, log their hours first (on each cycle’s plan).
        </>
      ),
    });
  if (toBigInt(plan.unclaimed.sponsors) > 0n)
    warnings.push({
      key: 'no-funding',
      text: (
        <>
          No sponsor funding was recorded in this year, so the sponsors’ share of{' '}
          <strong>{money(plan.unclaimed.sponsors)}</strong> goes to the community fund. If sponsors
          paid, record their payments first (
          <Link href="/books/sponsor-payment">a sponsor’s payment</Link>).
        </>
      ),
    });
  if (warnings.length === 0) return null;
  return (
    <div className="notice notice-warning" role="note" aria-label="Before you close">
      <p>
        <strong>Before you close:</strong>
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
            <th scope="col">Member</th>
            <th scope="col">Basis</th>
            <th scope="col" className="num">
              Share
            </th>
            <th scope="col" className="num">
              Cash
            </th>
            <th scope="col" className="num">
              Retained
            </th>
          </tr>
        </thead>
        <tbody>
          {[...shares]
            .sort((a, b) => (toBigInt(b.amountMinor) > toBigInt(a.amountMinor) ? 1 : -1))
            .map((s) => (
              <tr key={s.id}>
                <td data-label="Member" className="cell-title">
                  {names[s.id] ?? 'A member'}
                </td>
                <td data-label="Basis">{basisText(s.basis)}</td>
                <td data-label="Share" className="num">
                  {money(s.amountMinor)}
                </td>
                <td data-label="Cash" className="num">
                  {money(s.cashMinor)}
                </td>
                <td data-label="Retained" className="num">
                  {money(s.retainedMinor)}
                </td>
              </tr>
            ))}
        </tbody>
        <tfoot>
          <tr>
            <td data-label="Member" className="cell-title">
              <strong>All</strong>
            </td>
            <td data-label="Basis" />
            <td data-label="Share" className="num">
              <strong>{money(sum((s) => s.amountMinor))}</strong>
            </td>
            <td data-label="Cash" className="num">
              {money(sum((s) => s.cashMinor))}
            </td>
            <td data-label="Retained" className="num">
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
        Fiscal year {result.fiscalYear}: {formatDate(result.fromDay)} to {formatDate(result.toDay)},
        in {currency}. The rates are those of the bylaws in force on its last day:{' '}
        <Link href={`/bylaws/versions/${result.bylaws.version}`}>
          version {result.bylaws.version}
        </Link>
        , in force from {formatDate(result.bylaws.effectiveOn)}.
      </p>
      <h3>The steps</h3>
      <ol className="explanation">
        {plan.steps.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>

      <h3>From surplus to classes</h3>
      <table className="arith-table year-end-split">
        <caption className="visually-hidden">The surplus, the reserves and the class split</caption>
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col" className="num">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Surplus of the year</th>
            <td className="num">
              <strong>{money(plan.surplusMinor)}</strong>
            </td>
          </tr>
          {plan.reserves.map((r) => (
            <tr key={r.name}>
              <th scope="row">
                Reserve: {r.name} ({r.percent}%)
              </th>
              <td className="num">−{money(r.amountMinor)}</td>
            </tr>
          ))}
          <tr className="subtotal-row">
            <th scope="row">Distributable</th>
            <td className="num">{money(plan.distributable)}</td>
          </tr>
          <tr>
            <th scope="row">
              <span className="swatch swatch-hackers" aria-hidden="true" />
              Hackers
            </th>
            <td className="num">{money(plan.classes.hackers)}</td>
          </tr>
          <tr>
            <th scope="row">
              <span className="swatch swatch-sponsors" aria-hidden="true" />
              Sponsors
            </th>
            <td className="num">{money(plan.classes.sponsors)}</td>
          </tr>
          <tr>
            <th scope="row">
              <span className="swatch swatch-community" aria-hidden="true" />
              Community
            </th>
            <td className="num">{money(plan.classes.community)}</td>
          </tr>
        </tbody>
      </table>

      <h3>Each member’s share</h3>
      {plan.hackers.length > 0 ? (
        <ShareTable
          id="hackers-shares"
          title="Hackers, by hours worked"
          shares={plan.hackers}
          names={names}
          currency={currency}
        />
      ) : (
        <p className="muted">No hacker worked hours in the year.</p>
      )}
      {plan.sponsors.length > 0 ? (
        <ShareTable
          id="sponsors-shares"
          title="Sponsors, by funding"
          shares={plan.sponsors}
          names={names}
          currency={currency}
        />
      ) : (
        <p className="muted">No sponsor funded the co-op in the year.</p>
      )}
      {communityShares.length > 0 ? (
        <ShareTable
          id="community-shares"
          title="Community members, by patronage (as the bylaws choose)"
          shares={communityShares}
          names={names}
          currency={currency}
        />
      ) : null}
      <p>
        Community fund (earmarked for conferences, infrastructure and hiring):{' '}
        <strong>{money(plan.communityFund)}</strong>
        {plan.unclaimed && toBigInt(plan.unclaimed.hackers) + toBigInt(plan.unclaimed.sponsors) > 0n
          ? `, including ${money(toBigInt(plan.unclaimed.hackers) + toBigInt(plan.unclaimed.sponsors))} of a class with nobody to share in it`
          : ''}
        .
      </p>
      <p className={`sum-check ${exact ? 'ok' : 'off'}`}>
        <span aria-hidden="true">{exact ? '✓ ' : '⚠ '}</span>
        Reserves {money(reserves)} + hackers {money(hackers)} + sponsors {money(sponsors)} +
        community fund {money(plan.communityFund)} = {money(parts)}
        {exact
          ? ': the parts add up to the surplus exactly.'
          : `, not the surplus ${money(plan.surplusMinor)}.`}
      </p>
    </div>
  );
}
