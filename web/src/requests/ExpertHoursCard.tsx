import { useId } from 'react';
import { hoursLeft, hoursUsed, monthLabel, type ExpertHours } from './labels.ts';
import { t } from './messages.ts';

/**
 * The month's expert hours: used against included, in words first ("3 h 20 min of 10 h"), with
 * a meter for the eye. Over the included hours, the meter is full and the words say by how much.
 */
export function ExpertHoursCard({ hours }: { hours: ExpertHours }) {
  const id = useId();
  const left = hoursLeft(hours);
  const over = hours.entitledMinutes !== null && hours.usedMinutes > hours.entitledMinutes;
  return (
    <section aria-labelledby={`${id}-title`} className="card expert-hours">
      <h2 id={`${id}-title`}>{t('hours.title', { month: monthLabel(hours.month) })}</h2>
      <p className="expert-hours-used">{hoursUsed(hours)}</p>
      {hours.entitledMinutes !== null && hours.entitledMinutes > 0 ? (
        <meter
          className="expert-hours-meter"
          aria-label={t('hours.meter')}
          min={0}
          max={hours.entitledMinutes}
          high={hours.entitledMinutes * 0.8}
          optimum={0}
          value={Math.min(hours.usedMinutes, hours.entitledMinutes)}
        />
      ) : null}
      {left ? (
        <p className={over ? 'expert-hours-left over' : 'expert-hours-left'}>{left}</p>
      ) : null}
    </section>
  );
}
