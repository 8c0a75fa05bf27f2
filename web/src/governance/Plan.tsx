import { computationOf } from '../api/types.ts';
import { Fragment, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { localProblem, toApiError, type ApiError } from '../app/api.ts';
import {
  FormProblem,
  NumberField,
  SelectField,
  Status,
  SubmitButton,
  TextField,
  useForm,
} from '../app/forms.tsx';
import { useUser } from '../app/session.tsx';
import type { ClassShares } from '../api/types.ts';
import { AssignHoursForm } from './AssignHoursForm.tsx';
import {
  groupDigits,
  hours as formatHours,
  sliceLabels,
  shareOfSupport,
  slicePossessive,
  slices,
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

const supportLabels: Record<Slice, string> = {
  sponsors: 'Share of the sponsors’ support',
  community: 'Share of the community’s support',
  hackers: 'Declared',
};

const communitySupportWords: Record<SurveyMethod, string> = {
  approval: 'the number of members who approved it',
  score: 'the sum of its scores',
  ranked: 'its Borda points (an item ranked r-th of n earns n − r + 1)',
  quadratic: 'the sum of its votes (n votes cost n² credits)',
};

/** capacity × percent ÷ 100 with two decimals, exactly (both are whole numbers). */
function exactShare(capacity: number, percent: number): string {
  const hundredths = capacity * percent;
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
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
  const title = (id: string) => items.get(id)?.title ?? 'Unknown item';
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
        <h2 id="plan-heading">The plan</h2>
        <p className="muted">The plan has not been computed.</p>
      </section>
    );

  const capacity = computation.capacity;
  const allocated = (slice: Slice) =>
    plan.filter((p) => p.slice === slice).reduce((s, p) => s + p.hours, 0);

  return (
    <>
      <section aria-labelledby="plan-heading" className="card plan">
        <h2 id="plan-heading">The plan</h2>
        <p>
          <strong>{formatHours(capacity)}</strong> of hacker time this cycle, shared by the bylaws’
          pie.
        </p>
        <div className="pie-layout">
          <PieChart
            title="The pie of this cycle’s hacker time"
            slices={slices.map((s) => ({
              key: s,
              label: sliceLabels[s],
              value: computation.slices[s],
            }))}
          />
          <table className="pie-table">
            <caption>Hours per slice</caption>
            <thead>
              <tr>
                <th scope="col">Slice</th>
                <th scope="col" className="num">
                  Share
                </th>
                <th scope="col" className="num">
                  Hours
                </th>
                <th scope="col" className="num">
                  Planned
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
                  <td className="num">{pie ? `${pie[s]}%` : '—'}</td>
                  <td className="num slice-hours">{formatHours(computation.slices[s])}</td>
                  <td className="num">{formatHours(allocated(s))}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Capacity</th>
                <td className="num">100%</td>
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
        `${holder.displayName}’s ${formatHours(holder.hours)} of “${title(item.workItemId)}” are released.`,
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
        {slicePossessive[slice]} slice: {formatHours(sliceHours)}
      </h3>
      {sorted.length === 0 ? (
        <p className="muted">No items in this slice.</p>
      ) : (
        <table className="responsive-table plan-table">
          <caption className="visually-hidden">
            Planned hours of the {sliceLabels[slice]} slice
          </caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" className="num">
                {supportLabels[slice]}
              </th>
              <th scope="col">Planned hours</th>
              <th scope="col">Taken by</th>
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
                    <td data-label="Item" className="cell-title">
                      <span className="item-title">{itemTitle}</span>
                    </td>
                    <td data-label={supportLabels[slice]} className="num">
                      {slice === 'hackers'
                        ? formatHours(Number(p.support))
                        : shareOfSupport(p.support, totalSupport)}
                    </td>
                    <td data-label="Planned hours">
                      <span className="plan-hours">
                        <strong>{formatHours(p.hours)}</strong>
                        {p.capped ? (
                          <span className="badge badge-capped">
                            capped<span className="visually-hidden"> at its estimate</span>
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
                    <td data-label="Taken by">
                      {p.assignments.length === 0 ? (
                        <span className="muted">{p.hours > 0 ? 'Nobody yet' : '—'}</span>
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
                                    Release
                                    <span className="visually-hidden">
                                      {' '}
                                      {a.displayName}’s {formatHours(a.hours)} of {itemTitle}
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
                          {formatHours(p.hours - taken)} free
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
                            Assign hours<span className="visually-hidden"> of {itemTitle}</span>
                          </button>
                        </div>
                      ) : null}
                    </td>
                  </tr>
                  {officer && formOpen ? (
                    <tr>
                      <td colSpan={4} data-label="Actions" id={formId}>
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
          {formatHours(unallocated)} of this slice {unallocated === 1 ? 'is' : 'are'}{' '}
          {slice === 'hackers'
            ? 'not declared by the hackers yet'
            : 'unallocated: no supported item could take them'}
          .
        </p>
      ) : null}
      {problem ? (
        <div className="notice notice-error" role="alert">
          <p>{problem.problem.detail || problem.problem.title}</p>
        </div>
      ) : null}
      {officer ? <Status message={message} /> : null}
    </section>
  );
}

function Rounds({
  allocation,
  title,
  supportWord,
}: {
  allocation: SliceAllocation;
  title: (id: string) => string;
  supportWord: string;
}) {
  if (allocation.rounds.length === 0)
    return (
      <p>
        No item had any support, so no hours were allocated
        {allocation.unallocated > 0 ? ` and ${formatHours(allocation.unallocated)} stay free` : ''}.
      </p>
    );
  return (
    <>
      <ul className="round-list">
        {allocation.rounds.map((r, i) => (
          <li key={i}>
            <p>
              <strong>Round {i + 1}:</strong> {formatHours(r.hoursToShare)} to share over a total{' '}
              {supportWord} of {groupDigits(r.totalSupport)}. An item’s exact share is hours × its
              support ÷ total support.
            </p>
            {r.capped.length === 0 ? (
              <p>
                No item’s exact share reaches its estimate: the hours are shared in proportion to
                support and rounded to whole hours by the largest remainder.
              </p>
            ) : (
              <table className="arith-table">
                <caption>Items capped at their estimate in round {i + 1}</caption>
                <thead>
                  <tr>
                    <th scope="col">Item</th>
                    <th scope="col" className="num">
                      Exact share
                    </th>
                    <th scope="col" className="num">
                      Estimate (gets)
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {r.capped.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">{title(c.id)}</th>
                      <td className="num">{c.exactShare} h</td>
                      <td className="num">{formatHours(c.capHours)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {r.capped.length > 0 ? (
              <p className="muted">
                Capped items take their estimate and leave; what they could not take is shared among
                the others in the next round.
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {allocation.unallocated > 0 ? (
        <p>
          {formatHours(allocation.unallocated)} stay unallocated: every supported item reached its
          estimate.
        </p>
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
      <summary>Show the arithmetic</summary>
      <div className="arithmetic-body">
        <h3>1. Capacity</h3>
        <p>
          The hours the hackers gave add up to the capacity:{' '}
          {availability.length > 0
            ? availability.map((a) => `${a.displayName} ${a.hours}`).join(' + ')
            : 'none'}{' '}
          = <strong>{formatHours(computation.capacity)}</strong>.
        </p>

        <h3>2. The pie: slice hours</h3>
        <p>
          Each slice’s exact share is capacity × its share of the pie (bylaws version{' '}
          {cycle.bylawsVersion}).
        </p>
        <table className="arith-table">
          <caption className="visually-hidden">Slice hours from the pie</caption>
          <thead>
            <tr>
              <th scope="col">Slice</th>
              <th scope="col" className="num">
                Capacity × share
              </th>
              <th scope="col" className="num">
                Whole hours
              </th>
            </tr>
          </thead>
          <tbody>
            {slices.map((s) => (
              <tr key={s}>
                <th scope="row">{sliceLabels[s]}</th>
                <td className="num">
                  {pie
                    ? `${computation.capacity} × ${pie[s]}% = ${exactShare(computation.capacity, pie[s])}`
                    : '—'}
                </td>
                <td className="num">{formatHours(computation.slices[s])}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="note">
          <strong>Rounding by largest remainder:</strong> each slice first gets the whole part of
          its exact share; the hours left over go one by one to the largest fractional parts (ties
          to the larger share, then in the order sponsors, community, hackers). So the slices always
          add up to the capacity exactly. Items within a slice, and hackers’ shares, are rounded the
          same way.
        </p>

        <h3>3. The sponsors’ slice</h3>
        <p>
          An item’s support is the sum, over the sponsors who voted, of the organization’s funding
          weight (money and valued labour over the bylaws’ trailing window, in minor units) × the
          points it gave the item. Hours go in proportion to support, never more than an item’s
          estimate.
        </p>
        {Object.keys(computation.sponsorSupport).length > 0 ? (
          <table className="arith-table">
            <caption className="visually-hidden">Sponsor support per item</caption>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col" className="num">
                  Support (funding in minor units × points)
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
        <Rounds allocation={computation.sponsor} title={title} supportWord="support" />

        <h3>4. The community’s slice</h3>
        <p>
          The survey used {cycle.surveyMethod}: an item’s support is{' '}
          {communitySupportWords[cycle.surveyMethod]}.
        </p>
        <Rounds allocation={computation.community} title={title} supportWord="support" />

        <h3>5. The hackers’ slice</h3>
        <p>
          Each hacker’s share of the {formatHours(computation.slices.hackers)} is in proportion to
          the hours they gave (largest remainder). A hacker who declared more than their share is
          scaled down to it.
        </p>
        {hackerIds.length > 0 ? (
          <table className="arith-table">
            <caption className="visually-hidden">Hackers’ shares</caption>
            <thead>
              <tr>
                <th scope="col">Hacker</th>
                <th scope="col" className="num">
                  Gave
                </th>
                <th scope="col" className="num">
                  Share
                </th>
                <th scope="col" className="num">
                  Undeclared
                </th>
              </tr>
            </thead>
            <tbody>
              {hackerIds.map((id) => (
                <tr key={id}>
                  <th scope="row">{names.get(id) ?? 'A hacker'}</th>
                  <td className="num">{formatHours(givenOf(id))}</td>
                  <td className="num">{formatHours(computation.hackerShares[id] ?? 0)}</td>
                  <td className="num">{formatHours(computation.hackerUndeclared[id] ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No hacker gave hours.</p>
        )}
        {Object.keys(computation.hackerItems).length > 0 ? (
          <p>
            Declared per item:{' '}
            {Object.entries(computation.hackerItems)
              .map(([id, h]) => `${title(id)} ${formatHours(h)}`)
              .join('; ')}
            .
          </p>
        ) : null}
        {Object.entries(computation.hackerCapped ?? {}).map(([id, capped]) => (
          <p key={id} className="notice notice-warning">
            {title(id)}: declared {formatHours(capped.declared)}, past its estimate of{' '}
            {formatHours(capped.estimateHours)}, so it is planned at{' '}
            {formatHours(capped.estimateHours)}. The rest went back to undeclared hours:{' '}
            {Object.entries(capped.returned)
              .filter(([, h]) => h > 0)
              .map(([person, h]) => `${formatHours(h)} to ${names.get(person) ?? 'a hacker'}`)
              .join(', ')}
            .
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
  const form = useForm();
  const open = plan.filter((p) => p.hours > 0);
  const titleOf = (id: string) => items.find((i) => i.id === id)?.title ?? 'Unknown item';
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

  const onSubmit = form.submit(async () => {
    setMessage(null);
    if (!itemId) throw localProblem('Please choose an item.', { itemId: 'choose an item' });
    if (hoursValue === '') throw localProblem('Please give the hours.', { hours: 'required' });
    await api.post('/api/cycles/{id}/plan/{itemId}/claim', {
      params: { path: { id: cycleId, itemId } },
      body: { hours: hoursValue },
    });
    setMessage(
      hoursValue === 0
        ? `You released your hours on “${titleOf(itemId)}”.`
        : `You took ${hoursValue} hours of “${titleOf(itemId)}”.`,
    );
    onSaved();
  });

  return (
    <section aria-labelledby="claim-heading" className="card">
      <h2 id="claim-heading">Take planned work</h2>
      <p className="muted">Take hours of a planned item; 0 hours releases your claim.</p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={['itemId', 'hours']} />
        <div className="field-row">
          <SelectField
            label="Item"
            value={itemId}
            onChange={choose}
            options={[
              { value: '', label: 'Choose an item…' },
              ...open.map((p) => ({
                value: p.workItemId,
                label: `${titleOf(p.workItemId)} (${p.hours - claimed(p)} of ${p.hours} h free)`,
              })),
            ]}
            className="grow"
            error={form.error('itemId')}
          />
          <NumberField
            label="Hours to take"
            hint={chosen ? `Up to ${free} h.` : undefined}
            value={hoursValue}
            onChange={setHoursValue}
            min={0}
            max={chosen ? free : undefined}
            className="narrow"
            error={form.error('hours')}
          />
        </div>
        <div className="form-actions">
          <SubmitButton busy={form.busy}>Take the hours</SubmitButton>
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
  const form = useForm();
  const planned = plan.filter((p) => p.hours > 0);
  const titleOf = (id: string) => items.find((i) => i.id === id)?.title ?? 'Unknown item';
  const [workItemId, setWorkItemId] = useState('');
  const [workedOn, setWorkedOn] = useState(() => toDateInput(new Date()));
  const [hoursText, setHoursText] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const onSubmit = form.submit(async () => {
    setMessage(null);
    const local: Record<string, string> = {};
    if (!workItemId) local.workItemId = 'choose an item';
    const value = Number(hoursText.replace(',', '.'));
    if (!hoursText.trim() || Number.isNaN(value)) local.hours = 'hours in quarters: 1, 1.25, 1.5…';
    if (Object.keys(local).length > 0) throw localProblem('Please check the form.', local);
    await api.post('/api/time-entries', { body: { workItemId, workedOn, hours: value } });
    setMessage(`Logged ${value} h on “${titleOf(workItemId)}”.`);
    setHoursText('');
    onSaved();
  });

  return (
    <section aria-labelledby="time-heading" className="card">
      <h2 id="time-heading">Log your time</h2>
      <p className="muted">
        Hours count against the plan when worked between the cycle’s start and end.
      </p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={['workItemId', 'workedOn', 'hours', 'note']} />
        <div className="field-row">
          <SelectField
            label="Planned item"
            value={workItemId}
            onChange={setWorkItemId}
            options={[
              { value: '', label: 'Choose an item…' },
              ...planned.map((p) => ({ value: p.workItemId, label: titleOf(p.workItemId) })),
            ]}
            className="grow"
            error={form.error('workItemId')}
          />
          <TextField
            label="Worked on"
            type="date"
            value={workedOn}
            onChange={setWorkedOn}
            min={cycle.startsOn}
            max={cycle.endsOn}
            error={form.error('workedOn')}
          />
          <TextField
            label="Hours worked"
            hint="In quarters: 1.25, 2.5…"
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
          <SubmitButton busy={form.busy}>Log the time</SubmitButton>
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
    n > 0 ? `+${formatHours(n)}` : n < 0 ? `−${formatHours(-n)}` : '0 h';
  return (
    <section aria-labelledby="actual-heading" className="card">
      <h2 id="actual-heading">Planned and actual hours</h2>
      <table className="responsive-table">
        <caption className="visually-hidden">Planned against logged hours per item</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Slice</th>
            <th scope="col" className="num">
              Planned
            </th>
            <th scope="col" className="num">
              Actual
            </th>
            <th scope="col" className="num">
              Difference
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.workItemId}>
              <td data-label="Item" className="cell-title">
                {title(p.workItemId)}
              </td>
              <td data-label="Slice">{sliceLabels[p.slice]}</td>
              <td data-label="Planned" className="num">
                {formatHours(p.hours)}
              </td>
              <td data-label="Actual" className="num">
                {formatHours(p.actualHours)}
              </td>
              <td data-label="Difference" className="num">
                {diff(p.actualHours - p.hours)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        All items: <strong>{formatHours(plannedTotal)}</strong> planned,{' '}
        <strong>{formatHours(actualTotal)}</strong> logged ({diff(actualTotal - plannedTotal)}).
      </p>
    </section>
  );
}
