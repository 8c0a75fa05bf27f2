import { useState } from 'react';
import { CheckboxField, SelectField, TextField, type FormState } from '../app/forms.tsx';
import { t } from './messages.ts';
import type { TierEntitlements } from './types.ts';

const severities = ['critical', 'high', 'normal', 'low'] as const;
const targetKinds = ['firstResponse', 'update', 'resolution'] as const;
type Severity = (typeof severities)[number];
type TargetKind = (typeof targetKinds)[number];
type Mode = 'wall' | 'business';
interface TargetInput {
  hours: string;
  mode: Mode;
}
type SeverityInput = Record<TargetKind, TargetInput> & { pauses: boolean };

/** Basis points to a percent for the box ("500" -> "5", "250" -> "2.5"), exactly. */
function percentOf(basisPoints: number | undefined): string {
  if (basisPoints === undefined) return '';
  const whole = Math.trunc(basisPoints / 100);
  const cents = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return cents ? `${whole}.${cents}` : String(whole);
}

/** A percent typed as "5", "2.5" or "2,5" to whole basis points; anything else is sent as is, for the server to name. */
function basisPointsOf(percent: string): number {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(percent.trim());
  if (!match) return Number.NaN;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

function initialTargets(e: TierEntitlements | undefined): Record<Severity, SeverityInput> {
  const hours = (h: number | null | undefined) => (h === null || h === undefined ? '' : String(h));
  const of = (s: Severity): SeverityInput => {
    const stated = e?.serviceLevels?.[s];
    const target = (k: TargetKind): TargetInput => ({
      hours: hours(stated?.[k]?.hours ?? (k === 'firstResponse' ? e?.responseHours[s] : null)),
      mode: stated?.[k]?.mode ?? 'wall',
    });
    return {
      firstResponse: target('firstResponse'),
      update: target('update'),
      resolution: target('resolution'),
      pauses: stated?.resolutionPausesOnSponsor ?? false,
    };
  };
  return { critical: of('critical'), high: of('high'), normal: of('normal'), low: of('low') };
}

/**
 * The tier's service-level targets per severity (hours on the wall clock or in business hours,
 * empty for no promise) and the service credits a breach proposes. A tier without stated
 * targets keeps the old reading (first response from the hours above, wall clock); one without
 * credits proposes none.
 */
export function useServiceTerms(e: TierEntitlements | undefined) {
  const [stated, setStated] = useState(e?.serviceLevels !== undefined);
  const [targets, setTargets] = useState(() => initialTargets(e));
  const [credits, setCredits] = useState(e?.serviceCredits !== undefined);
  const [perBreach, setPerBreach] = useState(percentOf(e?.serviceCredits?.perBreachBasisPoints));
  const [cap, setCap] = useState(percentOf(e?.serviceCredits?.capBasisPoints));

  const entitlements = () => {
    const target = (input: TargetInput) =>
      input.hours.trim() === ''
        ? null
        : { hours: Number(input.hours.trim().replace(',', '.')), mode: input.mode };
    const severity = (s: Severity) => ({
      firstResponse: target(targets[s].firstResponse),
      update: target(targets[s].update),
      resolution: target(targets[s].resolution),
      resolutionPausesOnSponsor: targets[s].pauses,
    });
    return {
      ...(stated
        ? {
            serviceLevels: {
              critical: severity('critical'),
              high: severity('high'),
              normal: severity('normal'),
              low: severity('low'),
            },
          }
        : {}),
      ...(credits
        ? {
            serviceCredits: {
              perBreachBasisPoints: basisPointsOf(perBreach),
              capBasisPoints: basisPointsOf(cap),
            },
          }
        : {}),
    };
  };

  const setTarget = (s: Severity, k: TargetKind, change: Partial<TargetInput>) =>
    setTargets((old) => ({ ...old, [s]: { ...old[s], [k]: { ...old[s][k], ...change } } }));
  const modes = () => [
    { value: 'wall', label: t('tierForm.targets.wall') },
    { value: 'business', label: t('tierForm.targets.business') },
  ];

  // Ticking "state targets" starts each first response from the hours typed above it.
  const stateTargets = (on: boolean, responseHours: Record<Severity, number | ''>) => {
    setStated(on);
    if (!on) return;
    setTargets((old) => {
      const next = { ...old };
      for (const s of severities) {
        const typed = responseHours[s];
        if (old[s].firstResponse.hours === '' && typed !== '')
          next[s] = { ...old[s], firstResponse: { hours: String(typed), mode: 'wall' } };
      }
      return next;
    });
  };

  const fields = (form: FormState, responseHours: Record<Severity, number | ''>) => (
    <>
      <fieldset className="fieldset">
        <legend>{t('tierForm.targets.legend')}</legend>
        <CheckboxField
          label={t('tierForm.targets.stated')}
          checked={stated}
          onChange={(on) => stateTargets(on, responseHours)}
        />
        {stated
          ? severities.map((s) => (
              <fieldset key={s} className="fieldset">
                <legend>{t(`tierForm.severity.${s}`)}</legend>
                {targetKinds.map((k) => (
                  <div key={k} className="field-row">
                    <TextField
                      label={t(`tierForm.targets.${k}`)}
                      hint={t('tierForm.targets.hoursHint')}
                      inputMode="decimal"
                      value={targets[s][k].hours}
                      onChange={(hours) => setTarget(s, k, { hours })}
                      error={form.error(`entitlements.serviceLevels.${s}.${k}.hours`)}
                    />
                    <SelectField
                      label={t('tierForm.targets.mode')}
                      value={targets[s][k].mode}
                      onChange={(mode) => setTarget(s, k, { mode: mode as Mode })}
                      options={modes()}
                    />
                  </div>
                ))}
                <CheckboxField
                  label={t('tierForm.targets.pauses')}
                  checked={targets[s].pauses}
                  onChange={(pauses) =>
                    setTargets((old) => ({ ...old, [s]: { ...old[s], pauses } }))
                  }
                />
              </fieldset>
            ))
          : null}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('tierForm.credits.legend')}</legend>
        <CheckboxField
          label={t('tierForm.credits.offered')}
          checked={credits}
          onChange={setCredits}
        />
        {credits ? (
          <div className="field-row">
            <TextField
              label={t('tierForm.credits.perBreach')}
              hint={t('tierForm.credits.perBreachHint')}
              inputMode="decimal"
              value={perBreach}
              onChange={setPerBreach}
              error={form.error('entitlements.serviceCredits.perBreachBasisPoints')}
            />
            <TextField
              label={t('tierForm.credits.cap')}
              hint={t('tierForm.credits.capHint')}
              inputMode="decimal"
              value={cap}
              onChange={setCap}
              error={form.error('entitlements.serviceCredits.capBasisPoints')}
            />
          </div>
        ) : null}
      </fieldset>
    </>
  );

  return { entitlements, fields };
}
