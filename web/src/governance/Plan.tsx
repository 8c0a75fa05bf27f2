import { computationOf } from '../api/types.ts';
import { enteredNumber, percent } from '../app/money.ts';
import { Fragment, useRef, useState } from 'react';
import { planClaimInputSchema } from '../../../src/governance/planClaimInput.ts';
import { timeEntryBodySchema } from '../../../src/governance/timeEntryInput.ts';
import { api } from '../api/client.ts';
import { toApiError, type ApiError } from '../app/api.ts';
import {
  FormProblem,
  NumberField,
  SelectField,
  Status,
  SubmitButton,
  TextField,
} from '../app/forms.tsx';
import { useUser } from '../app/session.tsx';
import { useZodForm } from '../app/zodForm.ts';
import { Emphasized, emphasis } from '../app/Emphasized.tsx';
import { formatExactDecimal } from '../app/format.ts';
import { t } from './messages.ts';
import type { ClassShares } from '../api/types.ts';
import { AssignHoursForm } from './AssignHoursForm.tsx';
import {
  groupDigits,
  hours as formatHours,
  sliceLabels,
  shareOfSupport,
  slicePossessive,
  slices,
  surveyMethodShort,
  toDateInput,
} from './labels.ts';
import { PieChart } from './PieChart.tsx';
import type {
  Availability,
  Cycle,
  CycleDetail,
  PlanComputation,
  PlanItem,
  Slice,
  SliceAllocation,
  SurveyMethod,
  WorkItem,
} from '../api/types.ts';
import { DateField } from '../app/DateField.tsx';

// Read when used, never at load: the app remounts in a new language (see app/i18n.ts).
const supportLabel = (slice: Slice): string => t(`plan.support.${slice}`);
const communitySupportWords = (method: SurveyMethod): string =>
  t(`plan.communitySupport.${method}`);

/** "80.00" in the member's notation ("80,00"), the digits untouched. */
function localDecimal(exact: string): string {
  return formatExactDecimal(exact);
}

/** capacity × percent ÷ 100 with two decimals, exactly (both are whole numbers). */
function exactShare(capacity: number, percent: number): string {
  const hundredths = capacity * percent;
  return localDecimal(
    `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`,
  );
}

function claimed(item: PlanItem): number {
  return item.assignments.reduce((s, a) => s + a.hours, 0);
}

/** Holders in a stable order, so that a row does not shuffle when the plan is read again. */
function byName(assignments: PlanItem['assignments']): PlanItem['assignments'] {
  return [...assignments].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** What an officer needs to assign and release the hours of planned items. */
interface PlanOfficer {
  cycleId: string;
  plan: PlanItem[];
  availability: Availability[];
  /** The item whose assignment form is open; one at a time. */
  assigning: string | null;
  setAssigning: (workItemId: string | null) => void;
  onChange: () => void;
}

/** The published plan: the pie chart, per-slice tables, claims, and the arithmetic. */
export function Plan({
  detail,
  pie,
  onChange,
}: {
  detail: CycleDetail;
  pie: ClassShares | undefined;
  onChange: () => void;
}) {
  const user = useUser();
  const { cycle, plan, availability } = detail;
  const computation = computationOf(detail);
  const items = new Map(detail.items.map((i) => [i.id, i]));
  const title = (id: string) => items.get(id)?.title ?? t('plan.unknownItem');
  const isHacker = user.can.declareHackerWork;
  const working = cycle.phase === 'planned' || cycle.phase === 'in-progress';
  const canTake = isHacker && working;
  const logged = plan.some((p) => p.actualHours > 0);
  const [assigning, setAssigning] = useState<string | null>(null);
  const officer: PlanOfficer | null =
    user.can.assignPlanHours && working
      ? { cycleId: cycle.id, plan, availability, assigning, setAssigning, onChange }
      : null;

  if (!computation)
    return (
      <section aria-labelledby="plan-heading" className="card">
        <h2 id="plan-heading">{t('plan.heading')}</h2>
        <p className="muted">{t('plan.notComputed')}</p>
      </section>
    );

  const capacity = computation.capacity;
  const allocated = (slice: Slice) =>
    plan.filter((p) => p.slice === slice).reduce((s, p) => s + p.hours, 0);

  return (
    <>
      <section aria-labelledby="plan-heading" className="card plan">
        <h2 id="plan-heading">{t('plan.heading')}</h2>
        <p>
          <Emphasized
            text={t('plan.capacityIntro', { hours: emphasis(0) })}
            values={[formatHours(capacity)]}
          />
        </p>
        <div className="pie-layout">
          <PieChart
            title={t('plan.pieTitle')}
            slices={slices.map((s) => ({
              key: s,
              label: sliceLabels[s],
              value: computation.slices[s],
            }))}
          />
          <table className="pie-table">
            <caption>{t('plan.hoursPerSlice')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plan.slice')}</th>
                <th scope="col" className="num">
                  {t('plan.share')}
                </th>
                <th scope="col" className="num">
                  {t('plan.hours')}
                </th>
                <th scope="col" className="num">
                  {t('plan.planned')}
                </th>
              </tr>
            </thead>
            <tbody>
              {slices.map((s) => (
                <tr key={s} data-slice={s}>
                  <th scope="row">
                    <span className={`swatch swatch-${s}`} aria-hidden="true" />
                    {sliceLabels[s]}
                  </th>
                  <td className="num">{pie ? percent(pie[s]) : '—'}</td>
                  <td className="num slice-hours">{formatHours(computation.slices[s])}</td>
                  <td className="num">{formatHours(allocated(s))}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('plan.capacity')}</th>
                <td className="num">{percent(100)}</td>
                <td className="num">{formatHours(capacity)}</td>
                <td className="num">{formatHours(plan.reduce((s, p) => s + p.hours, 0))}</td>
              </tr>
            </tfoot>
          </table>
        </div>

        {slices.map((slice) => (
          <SliceTable
            key={slice}
            slice={slice}
            sliceHours={computation.slices[slice]}
            rows={plan.filter((p) => p.slice === slice)}
            title={title}
            officer={officer}
            unallocated={
              slice === 'sponsors'
                ? computation.sponsor.unallocated
                : slice === 'community'
                  ? computation.community.unallocated
                  : Object.values(computation.hackerUndeclared).reduce((s, n) => s + n, 0)
            }
          />
        ))}

        <Arithmetic
          computation={computation}
          pie={pie}
          availability={availability}
          cycle={cycle}
          title={title}
        />
      </section>

      {canTake ? (
        <ClaimForm
          cycleId={cycle.id}
          plan={plan}
          items={detail.items}
          personId={user.personId}
          onSaved={onChange}
        />
      ) : null}
      {canTake ? (
        <LogTimeForm cycle={cycle} plan={plan} items={detail.items} onSaved={onChange} />
      ) : null}
      {logged || cycle.phase === 'closed' ? <PlannedActual plan={plan} title={title} /> : null}
    </>
  );
}

function SliceTable({
  slice,
  sliceHours,
  rows,
  title,
  unallocated,
  officer,
}: {
  slice: Slice;
  sliceHours: number;
  rows: PlanItem[];
  title: (id: string) => string;
  unallocated: number;
  officer: PlanOfficer | null;
}) {
  const sorted = [...rows].sort(
    (a, b) => b.hours - a.hours || title(a.workItemId).localeCompare(title(b.workItemId)),
  );
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [releasing, setReleasing] = useState<string | null>(null);
  /** Each item's "Assign hours" button, where the focus returns after a change. */
  const toggles = useRef(new Map<string, HTMLButtonElement>());
  const focusToggle = (workItemId: string) => toggles.current.get(workItemId)?.focus();

  const open = (workItemId: string) => {
    setMessage(null);
    setProblem(null);
    officer?.setAssigning(officer.assigning === workItemId ? null : workItemId);
  };
  const close = (workItemId: string) => {
    officer?.setAssigning(null);
    focusToggle(workItemId);
  };
  const assigned = (workItemId: string, text: string) => {
    setMessage(text);
    close(workItemId);
    officer?.onChange();
  };
  const release = async (item: PlanItem, holder: PlanItem['assignments'][number]) => {
    if (!officer || releasing) return;
    const key = `${item.workItemId}:${holder.personId}`;
    setReleasing(key);
    setMessage(null);
    setProblem(null);
    try {
      await api.post('/api/cycles/{id}/plan/{itemId}/claim', {
        params: { path: { id: officer.cycleId, itemId: item.workItemId } },
        body: {
          hours: 0,
          personId: holder.personId,
        },
      });
      setMessage(
        t('plan.released', {
          name: holder.displayName,
          hours: formatHours(holder.hours),
          item: title(item.workItemId),
        }),
      );
      // The button goes away with the hours; the item's own button keeps the focus.
      focusToggle(item.workItemId);
      officer.onChange();
    } catch (error) {
      setProblem(toApiError(error));
    } finally {
      setReleasing(null);
    }
  };
  const totalSupport = sorted.reduce((t, p) => t + BigInt(p.support), 0n);
  return (
    <section aria-labelledby={`plan-${slice}`} className="slice-group">
      <h3 id={`plan-${slice}`}>
        <span className={`swatch swatch-${slice}`} aria-hidden="true" />
        {t('plan.sliceHeading', {
          possessive: slicePossessive[slice],
          hours: formatHours(sliceHours),
        })}
      </h3>
      {sorted.length === 0 ? (
        <p className="muted">{t('plan.noItems')}</p>
      ) : (
        <table className="responsive-table plan-table">
          <caption className="visually-hidden">
            {t('plan.sliceCaption', { slice: sliceLabels[slice] })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.item')}</th>
              <th scope="col" className="num">
                {supportLabel(slice)}
              </th>
              <th scope="col">{t('plan.plannedHours')}</th>
              <th scope="col">{t('plan.takenBy')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((p) => {
              const taken = claimed(p);
              const itemTitle = title(p.workItemId);
              const formOpen = officer?.assigning === p.workItemId;
              const formId = `assign-${p.workItemId}`;
              return (
                <Fragment key={p.workItemId}>
                  <tr>
                    <td data-label={t('plan.item')} className="cell-title">
                      <span className="item-title">{itemTitle}</span>
                    </td>
                    <td data-label={supportLabel(slice)} className="num">
                      {slice === 'hackers'
                        ? formatHours(Number(p.support))
                        : shareOfSupport(p.support, totalSupport)}
                    </td>
                    <td data-label={t('plan.plannedHours')}>
                      <span className="plan-hours">
                        <strong>{formatHours(p.hours)}</strong>
                        {p.capped ? (
                          <span className="badge badge-capped">
                            {t('plan.capped')}
                            <span className="visually-hidden">{t('plan.cappedHidden')}</span>
                          </span>
                        ) : null}
                      </span>
                      <span className="plan-bar" aria-hidden="true">
                        <span
                          className={`plan-bar-fill bar-fill-${slice}`}
                          style={{
                            width: `${sliceHours > 0 ? (p.hours / sliceHours) * 100 : 0}%`,
                          }}
                        />
                      </span>
                    </td>
                    <td data-label={t('plan.takenBy')}>
                      {p.assignments.length === 0 ? (
                        <span className="muted">{p.hours > 0 ? t('plan.nobodyYet') : '—'}</span>
                      ) : (
                        <ul className={`plain-list${officer ? '' : ' compact'}`}>
                          {byName(p.assignments).map((a) => (
                            <li key={a.personId}>
                              {officer ? (
                                <span className="plan-hours">
                                  {a.displayName}: {formatHours(a.hours)}{' '}
                                  <button
                                    type="button"
                                    className="button small"
                                    aria-disabled={
                                      releasing === `${p.workItemId}:${a.personId}` || undefined
                                    }
                                    onClick={() => void release(p, a)}
                                  >
                                    {t('plan.release')}
                                    <span className="visually-hidden">
                                      {t('plan.releaseHidden', {
                                        name: a.displayName,
                                        hours: formatHours(a.hours),
                                        item: itemTitle,
                                      })}
                                    </span>
                                  </button>
                                </span>
                              ) : (
                                `${a.displayName}: ${formatHours(a.hours)}`
                              )}
                            </li>
                          ))}
                        </ul>
                      )}
                      {p.hours > 0 && taken < p.hours ? (
                        <span className="muted free-hours">
                          {t('plan.free', { hours: formatHours(p.hours - taken) })}
                        </span>
                      ) : null}
                      {officer && p.hours > 0 ? (
                        <div className="form-actions">
                          <button
                            type="button"
                            className="button small"
                            aria-expanded={formOpen}
                            aria-controls={formOpen ? formId : undefined}
                            ref={(button) => {
                              if (button) toggles.current.set(p.workItemId, button);
                              else toggles.current.delete(p.workItemId);
                            }}
                            onClick={() => open(p.workItemId)}
                          >
                            {t('plan.assignHours')}
                            <span className="visually-hidden">
                              {t('plan.assignHidden', { item: itemTitle })}
                            </span>
                          </button>
                        </div>
                      ) : null}
                    </td>
                  </tr>
                  {officer && formOpen ? (
                    <tr>
                      <td colSpan={4} className="cell-actions" id={formId}>
                        <AssignHoursForm
                          cycleId={officer.cycleId}
                          item={p}
                          title={itemTitle}
                          plan={officer.plan}
                          availability={officer.availability}
                          onDone={(text) => assigned(p.workItemId, text)}
                          onCancel={() => close(p.workItemId)}
                          reload={officer.onChange}
                        />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      {unallocated > 0 ? (
        <p className="notice notice-warning">
          {t(slice === 'hackers' ? 'plan.undeclared' : 'plan.unallocated', {
            count: unallocated,
            hours: formatHours(unallocated),
          })}
        </p>
      ) : null}
      {problem ? (
        <div className="notice notice-error" role="alert">
          <p>{problem.message}</p>
        </div>
      ) : null}
      {officer ? <Status message={message} /> : null}
    </section>
  );
}

function Rounds({
  allocation,
  title,
}: {
  allocation: SliceAllocation;
  title: (id: string) => string;
}) {
  if (allocation.rounds.length === 0)
    return (
      <p>
        {allocation.unallocated > 0
          ? t('plan.noSupportFree', { hours: formatHours(allocation.unallocated) })
          : t('plan.noSupport')}
      </p>
    );
  return (
    <>
      <ul className="round-list">
        {allocation.rounds.map((r, i) => (
          <li key={i}>
            <p>
              <strong>{t('plan.roundLabel', { round: i + 1 })}</strong>{' '}
              {t('plan.roundText', {
                hours: formatHours(r.hoursToShare),
                total: groupDigits(r.totalSupport),
              })}
            </p>
            {r.capped.length === 0 ? (
              <p>{t('plan.noneCapped')}</p>
            ) : (
              <table className="arith-table">
                <caption>{t('plan.cappedCaption', { round: i + 1 })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('plan.item')}</th>
                    <th scope="col" className="num">
                      {t('plan.exactShare')}
                    </th>
                    <th scope="col" className="num">
                      {t('plan.estimateGets')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {r.capped.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">{title(c.id)}</th>
                      <td className="num">
                        {t('plan.exactHours', { hours: localDecimal(c.exactShare) })}
                      </td>
                      <td className="num">{formatHours(c.capHours)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {r.capped.length > 0 ? <p className="muted">{t('plan.cappedLeave')}</p> : null}
          </li>
        ))}
      </ul>
      {allocation.unallocated > 0 ? (
        <p>{t('plan.unallocatedEnd', { hours: formatHours(allocation.unallocated) })}</p>
      ) : null}
    </>
  );
}

/** "Show the arithmetic": every step from the hours given to the hours per item. */
function Arithmetic({
  computation,
  pie,
  availability,
  cycle,
  title,
}: {
  computation: PlanComputation;
  pie: ClassShares | undefined;
  availability: Availability[];
  cycle: Cycle;
  title: (id: string) => string;
}) {
  const names = new Map(availability.map((a) => [a.personId, a.displayName]));
  const hackerIds = Object.keys(computation.hackerShares);
  const givenOf = (id: string) => availability.find((a) => a.personId === id)?.hours ?? 0;
  return (
    <details className="arithmetic">
      <summary>{t('plan.showArithmetic')}</summary>
      <div className="arithmetic-body">
        <h3>{t('plan.step1')}</h3>
        <p>
          <Emphasized
            text={t('plan.capacitySum', {
              sum:
                availability.length > 0
                  ? availability.map((a) => `${a.displayName} ${a.hours}`).join(' + ')
                  : t('plan.none'),
              capacity: emphasis(0),
            })}
            values={[formatHours(computation.capacity)]}
          />
        </p>

        <h3>{t('plan.step2')}</h3>
        <p>{t('plan.pieText', { version: cycle.bylawsVersion })}</p>
        <table className="arith-table">
          <caption className="visually-hidden">{t('plan.sliceHoursCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.slice')}</th>
              <th scope="col" className="num">
                {t('plan.capacityTimesShare')}
              </th>
              <th scope="col" className="num">
                {t('plan.wholeHours')}
              </th>
            </tr>
          </thead>
          <tbody>
            {slices.map((s) => (
              <tr key={s}>
                <th scope="row">{sliceLabels[s]}</th>
                <td className="num">
                  {pie
                    ? `${computation.capacity} × ${percent(pie[s])} = ${exactShare(computation.capacity, pie[s])}`
                    : '—'}
                </td>
                <td className="num">{formatHours(computation.slices[s])}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="note">
          <strong>{t('plan.roundingTitle')}</strong> {t('plan.roundingText')}
        </p>

        <h3>{t('plan.step3')}</h3>
        <p>{t('plan.sponsorText')}</p>
        {Object.keys(computation.sponsorSupport).length > 0 ? (
          <table className="arith-table">
            <caption className="visually-hidden">{t('plan.sponsorSupportCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plan.item')}</th>
                <th scope="col" className="num">
                  {t('plan.supportColumn')}
                </th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(computation.sponsorSupport).map(([id, support]) => (
                <tr key={id}>
                  <th scope="row">{title(id)}</th>
                  <td className="num">{groupDigits(support)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <Rounds allocation={computation.sponsor} title={title} />

        <h3>{t('plan.step4')}</h3>
        <p>
          {t('plan.surveyText', {
            method: surveyMethodShort[cycle.surveyMethod],
            how: communitySupportWords(cycle.surveyMethod),
          })}
        </p>
        <Rounds allocation={computation.community} title={title} />

        <h3>{t('plan.step5')}</h3>
        <p>{t('plan.hackersText', { hours: formatHours(computation.slices.hackers) })}</p>
        {hackerIds.length > 0 ? (
          <table className="arith-table">
            <caption className="visually-hidden">{t('plan.hackersCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plan.hacker')}</th>
                <th scope="col" className="num">
                  {t('plan.gave')}
                </th>
                <th scope="col" className="num">
                  {t('plan.share')}
                </th>
                <th scope="col" className="num">
                  {t('plan.undeclaredColumn')}
                </th>
              </tr>
            </thead>
            <tbody>
              {hackerIds.map((id) => (
                <tr key={id}>
                  <th scope="row">{names.get(id) ?? t('plan.aHacker')}</th>
                  <td className="num">{formatHours(givenOf(id))}</td>
                  <td className="num">{formatHours(computation.hackerShares[id] ?? 0)}</td>
                  <td className="num">{formatHours(computation.hackerUndeclared[id] ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{t('plan.noHackerGave')}</p>
        )}
        {Object.keys(computation.hackerItems).length > 0 ? (
          <p>
            {t('plan.declaredPerItem', {
              list: Object.entries(computation.hackerItems)
                .map(([id, h]) => `${title(id)} ${formatHours(h)}`)
                .join('; '),
            })}
          </p>
        ) : null}
        {Object.entries(computation.hackerCapped ?? {}).map(([id, capped]) => (
          <p key={id} className="notice notice-warning">
            {t('plan.hackerCapped', {
              item: title(id),
              declared: formatHours(capped.declared),
              estimate: formatHours(capped.estimateHours),
              returned: Object.entries(capped.returned)
                .filter(([, h]) => h > 0)
                .map(([person, h]) =>
                  t('plan.returnedTo', {
                    hours: formatHours(h),
                    name: names.get(person) ?? t('plan.someHacker'),
                  }),
                )
                .join(', '),
            })}
          </p>
        ))}
      </div>
    </details>
  );
}

function ClaimForm({
  cycleId,
  plan,
  items,
  personId,
  onSaved,
}: {
  cycleId: string;
  plan: PlanItem[];
  items: WorkItem[];
  personId: string;
  onSaved: () => void;
}) {
  const form = useZodForm(planClaimInputSchema);
  const open = plan.filter((p) => p.hours > 0);
  const titleOf = (id: string) => items.find((i) => i.id === id)?.title ?? t('plan.unknownItem');
  const [itemId, setItemId] = useState('');
  const [hoursValue, setHoursValue] = useState<number | ''>('');
  const [message, setMessage] = useState<string | null>(null);
  const chosen = open.find((p) => p.workItemId === itemId);
  const mine = chosen?.assignments.find((a) => a.personId === personId)?.hours ?? 0;
  const free = chosen ? chosen.hours - claimed(chosen) + mine : 0;

  const choose = (id: string) => {
    setItemId(id);
    const row = open.find((p) => p.workItemId === id);
    const own = row?.assignments.find((a) => a.personId === personId)?.hours;
    setHoursValue(own ?? (row ? row.hours - claimed(row) : ''));
  };

  // Hours left empty go out as none ("required"); the item is the route's path, the form's own
  // check.
  const onSubmit = form.submitValid(
    () => {
      setMessage(null);
      return { hours: hoursValue === '' ? null : hoursValue };
    },
    async (body) => {
      await api.post('/api/cycles/{id}/plan/{itemId}/claim', {
        params: { path: { id: cycleId, itemId } },
        body,
      });
      setMessage(
        body.hours === 0
          ? t('plan.youReleased', { item: titleOf(itemId) })
          : t('plan.youTook', { hours: formatHours(body.hours), item: titleOf(itemId) }),
      );
      onSaved();
    },
    (): Record<string, string> => (itemId ? {} : { itemId: t('plan.chooseItemField') }),
  );

  return (
    <section aria-labelledby="claim-heading" className="card">
      <h2 id="claim-heading">{t('plan.claimHeading')}</h2>
      <p className="muted">{t('plan.claimHint')}</p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={['itemId', 'hours']} />
        <div className="field-row">
          <SelectField
            label={t('plan.item')}
            value={itemId}
            onChange={choose}
            options={[
              { value: '', label: t('plan.chooseItem') },
              ...open.map((p) => ({
                value: p.workItemId,
                label: t('plan.claimOption', {
                  item: titleOf(p.workItemId),
                  free: p.hours - claimed(p),
                  hours: formatHours(p.hours),
                }),
              })),
            ]}
            className="grow"
            error={form.error('itemId')}
          />
          <NumberField
            label={t('plan.hoursToTake')}
            hint={chosen ? t('plan.upTo', { hours: formatHours(free) }) : undefined}
            value={hoursValue}
            onChange={setHoursValue}
            min={0}
            max={chosen ? free : undefined}
            className="narrow"
            error={form.error('hours')}
          />
        </div>
        <div className="form-actions">
          <SubmitButton busy={form.busy} className="button">
            {t('plan.takeHours')}
          </SubmitButton>
        </div>
      </form>
      <Status message={message} />
    </section>
  );
}

function LogTimeForm({
  cycle,
  plan,
  items,
  onSaved,
}: {
  cycle: Cycle;
  plan: PlanItem[];
  items: WorkItem[];
  onSaved: () => void;
}) {
  const form = useZodForm(timeEntryBodySchema);
  const planned = plan.filter((p) => p.hours > 0);
  const titleOf = (id: string) => items.find((i) => i.id === id)?.title ?? t('plan.unknownItem');
  const [workItemId, setWorkItemId] = useState('');
  const [workedOn, setWorkedOn] = useState(() => toDateInput(new Date()));
  const [hoursText, setHoursText] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  // Hours typed in the member's notation (1,5 in German); no item chosen and no hours go out as
  // missing ("required"), text that reads as no number is the form's own word.
  const hours = () => Number(enteredNumber(hoursText));
  const onSubmit = form.submitValid(
    () => {
      setMessage(null);
      return {
        workItemId: workItemId || undefined,
        workedOn: workedOn || undefined,
        hours: hoursText.trim() ? hours() : undefined,
      };
    },
    async (body) => {
      await api.post('/api/time-entries', { body });
      setMessage(t('plan.logged', { hours: formatHours(body.hours), item: titleOf(workItemId) }));
      setHoursText('');
      onSaved();
    },
    (): Record<string, string> =>
      hoursText.trim() && Number.isNaN(hours()) ? { hours: t('plan.quartersField') } : {},
  );

  return (
    <section aria-labelledby="time-heading" className="card">
      <h2 id="time-heading">{t('plan.logHeading')}</h2>
      <p className="muted">{t('plan.logHint')}</p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={['workItemId', 'workedOn', 'hours', 'note']} />
        <div className="field-row">
          <SelectField
            label={t('plan.plannedItem')}
            value={workItemId}
            onChange={setWorkItemId}
            options={[
              { value: '', label: t('plan.chooseItem') },
              ...planned.map((p) => ({ value: p.workItemId, label: titleOf(p.workItemId) })),
            ]}
            className="grow"
            error={form.error('workItemId')}
          />
          <DateField
            label={t('plan.workedOn')}
            value={workedOn}
            onChange={setWorkedOn}
            min={cycle.startsOn}
            max={cycle.endsOn}
            error={form.error('workedOn')}
          />
          <TextField
            label={t('plan.hoursWorked')}
            hint={t('plan.quartersHint')}
            type="number"
            inputMode="decimal"
            step={0.25}
            min={0.25}
            max={24}
            value={hoursText}
            onChange={setHoursText}
            className="narrow"
            error={form.error('hours')}
          />
        </div>
        <div className="form-actions">
          <SubmitButton busy={form.busy}>{t('plan.logTime')}</SubmitButton>
        </div>
      </form>
      <Status message={message} />
    </section>
  );
}

function PlannedActual({ plan, title }: { plan: PlanItem[]; title: (id: string) => string }) {
  const rows = plan.filter((p) => p.hours > 0 || p.actualHours > 0);
  const plannedTotal = rows.reduce((s, p) => s + p.hours, 0);
  const actualTotal = rows.reduce((s, p) => s + p.actualHours, 0);
  const diff = (n: number) =>
    n > 0 ? `+${formatHours(n)}` : n < 0 ? `−${formatHours(-n)}` : formatHours(0);
  return (
    <section aria-labelledby="actual-heading" className="card">
      <h2 id="actual-heading">{t('plan.actualHeading')}</h2>
      <table className="responsive-table">
        <caption className="visually-hidden">{t('plan.actualCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plan.item')}</th>
            <th scope="col">{t('plan.slice')}</th>
            <th scope="col" className="num">
              {t('plan.planned')}
            </th>
            <th scope="col" className="num">
              {t('plan.actual')}
            </th>
            <th scope="col" className="num">
              {t('plan.difference')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.workItemId}>
              <td data-label={t('plan.item')} className="cell-title">
                {title(p.workItemId)}
              </td>
              <td data-label={t('plan.slice')}>{sliceLabels[p.slice]}</td>
              <td data-label={t('plan.planned')} className="num">
                {formatHours(p.hours)}
              </td>
              <td data-label={t('plan.actual')} className="num">
                {formatHours(p.actualHours)}
              </td>
              <td data-label={t('plan.difference')} className="num">
                {diff(p.actualHours - p.hours)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <Emphasized
          text={t('plan.allItems', {
            planned: emphasis(0),
            actual: emphasis(1),
            difference: diff(actualTotal - plannedTotal),
          })}
          values={[formatHours(plannedTotal), formatHours(actualTotal)]}
        />
      </p>
    </section>
  );
}
