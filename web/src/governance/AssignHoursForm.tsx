import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { api } from '../api/client.ts';
import { ApiError } from '../app/api.ts';
import { FormProblem, NumberField, SelectField, SubmitButton } from '../app/forms.tsx';
import { useZodForm } from '../app/zodForm.ts';
import { planClaimInputSchema } from '../../../src/governance/planClaimInput.ts';
import { t as common } from '../app/messages.ts';
import { hours as formatHours } from './labels.ts';
import { t } from './messages.ts';
import type { Availability, PlanItem } from '../api/types.ts';

interface Candidate {
  personId: string;
  displayName: string;
  /** The hours they gave the cycle; null for a holder who gave none. */
  given: number | null;
  /** Their hours on every planned item of the cycle. */
  assigned: number;
  /** Their hours on this item. */
  held: number;
}

/**
 * An officer gives hours of one planned item to a hacker, or changes or releases (0) what a
 * hacker holds. The hackers offered are those who gave hours to the cycle, and anyone who
 * already holds some of the item.
 */
export function AssignHoursForm({
  cycleId,
  item,
  title,
  plan,
  availability,
  onDone,
  onCancel,
  reload,
}: {
  cycleId: string;
  item: PlanItem;
  title: string;
  plan: PlanItem[];
  availability: Availability[];
  /** After a change, with the sentence to announce. */
  onDone: (message: string) => void;
  onCancel: () => void;
  reload: () => void;
}) {
  const form = useZodForm(planClaimInputSchema);
  const [personId, setPersonId] = useState('');
  const [hoursValue, setHoursValue] = useState<number | ''>('');
  const { formRef } = form;
  const titleId = useId();

  // The form opens at the press of a button next to the item: take the focus into it.
  useEffect(() => {
    formRef.current?.querySelector('select')?.focus();
  }, [formRef]);

  const heldOn = (p: PlanItem, id: string) =>
    p.assignments.find((a) => a.personId === id)?.hours ?? 0;
  const assignedOf = (id: string) => plan.reduce((s, p) => s + heldOn(p, id), 0);
  const candidates: Candidate[] = [
    ...availability.map((a) => ({
      personId: a.personId,
      displayName: a.displayName,
      given: a.hours,
      assigned: assignedOf(a.personId),
      held: heldOn(item, a.personId),
    })),
    ...item.assignments
      .filter((a) => !availability.some((g) => g.personId === a.personId))
      .map((a) => ({
        personId: a.personId,
        displayName: a.displayName,
        given: null,
        assigned: assignedOf(a.personId),
        held: a.hours,
      })),
  ];
  const taken = item.assignments.reduce((s, a) => s + a.hours, 0);
  const chosen = candidates.find((c) => c.personId === personId);
  /** What the chosen hacker may hold: the free hours plus what they hold already. */
  const limit = item.hours - taken + (chosen?.held ?? 0);

  const optionLabel = (c: Candidate) => {
    const free = c.given === null ? null : c.given - c.assigned;
    const time =
      free === null
        ? t('assign.gaveNone')
        : free >= 0
          ? t('assign.free', { free, given: c.given ?? 0 })
          : t('assign.over', { over: -free, given: c.given ?? 0 });
    return c.held > 0
      ? t('assign.optionHolds', { name: c.displayName, time, held: c.held })
      : t('assign.option', { name: c.displayName, time });
  };

  const choose = (id: string) => {
    // A new choice starts afresh: the hours are refilled, so the old errors no longer apply.
    form.setProblem(null);
    setPersonId(id);
    const c = candidates.find((x) => x.personId === id);
    if (!c) return setHoursValue('');
    if (c.held > 0) return setHoursValue(c.held);
    const itemFree = item.hours - taken;
    const hackerFree = c.given === null ? itemFree : c.given - c.assigned;
    const suggested = Math.min(itemFree, hackerFree);
    setHoursValue(suggested > 0 ? suggested : '');
  };

  const overBy =
    chosen && chosen.given !== null && hoursValue !== ''
      ? chosen.assigned - chosen.held + hoursValue - chosen.given
      : 0;
  const hint = chosen ? (
    <>
      {chosen.held > 0
        ? `${t('assign.holds', { name: chosen.displayName, hours: formatHours(chosen.held) })} `
        : ''}
      {t('assign.upTo', { hours: formatHours(limit) })}
      {overBy > 0 ? (
        <>
          {' '}
          <strong>
            {t('assign.overBy', {
              name: chosen.displayName,
              over: formatHours(overBy),
              given: formatHours(chosen.given!),
            })}
          </strong>
        </>
      ) : null}
    </>
  ) : (
    t('assign.itemFree', { free: item.hours - taken, hours: formatHours(item.hours) })
  );

  // What the schema cannot hold: here a hacker must be named (the route, without one, gives the
  // hours to the caller), and the hours must fit what the plan has free at this moment.
  const localChecks = () => {
    const local: Record<string, string> = {};
    if (!chosen) local.personId = t('assign.chooseHacker');
    if (chosen && hoursValue !== '' && hoursValue > limit)
      local.hours =
        chosen.held > 0
          ? t('assign.atMost', {
              limit: formatHours(limit),
              held: formatHours(chosen.held),
              free: formatHours(limit - chosen.held),
            })
          : t('assign.onlyFree', { limit: formatHours(limit), count: limit });
    return local;
  };
  // Hours left empty are missing, as the route words it ("required").
  const values = () => ({
    hours: hoursValue === '' ? undefined : hoursValue,
    personId: personId || undefined,
  });

  const onSubmit = form.submitValid(
    values,
    async (input) => {
      try {
        await api.post('/api/cycles/{id}/plan/{itemId}/claim', {
          params: { path: { id: cycleId, itemId: item.workItemId } },
          body: input,
        });
      } catch (error) {
        // Someone took or released hours meanwhile: show the plan as it is now.
        if (error instanceof ApiError && error.status === 409) reload();
        throw error;
      }
      const name = chosen!.displayName;
      onDone(
        input.hours === 0
          ? t('assign.released', { name, title })
          : t('assign.nowHolds', { name, title, hours: formatHours(input.hours) }),
      );
    },
    localChecks,
  );

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape') onCancel();
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate className="form">
      <div role="group" aria-labelledby={titleId}>
        <p id={titleId}>
          <strong>{t('assign.heading', { title })}</strong>
        </p>
        <FormProblem problem={form.problem} fields={['personId', 'hours']} />
        <SelectField
          label={t('assign.hacker')}
          value={personId}
          onChange={choose}
          options={[
            { value: '', label: t('assign.chooseOption') },
            ...candidates.map((c) => ({ value: c.personId, label: optionLabel(c) })),
          ]}
          error={form.error('personId')}
        />
        <NumberField
          label={t('assign.hours')}
          hint={hint}
          value={hoursValue}
          onChange={setHoursValue}
          min={0}
          max={chosen ? limit : undefined}
          className="narrow"
          error={form.error('hours')}
        />
        <div className="form-actions">
          <SubmitButton busy={form.busy} className="button">
            {t('assign.submit')}
          </SubmitButton>
          <button type="button" className="button" onClick={onCancel}>
            {common('form.cancel')}
          </button>
        </div>
      </div>
    </form>
  );
}
