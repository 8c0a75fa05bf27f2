import { useId, useState } from 'react';
import {
  sponsorPointsBudget,
  sponsorPointsInputSchema,
} from '../../../src/governance/sponsorPointsRule.ts';
import { api } from '../api/client.ts';
import { FormProblem, NumberField, Status, SubmitButton } from '../app/forms.tsx';
import { useZodForm } from '../app/zodForm.ts';
import { hours as formatHours } from './labels.ts';
import type { WorkItem } from '../api/types.ts';
import { t } from './messages.ts';

const budget = sponsorPointsBudget;

/**
 * A sponsor representative spreads the organization's 100 points over the sponsor items; the
 * running total says how many are left. The points count in proportion to the sponsor's funding.
 */
export function SponsorPoints({
  cycleId,
  items,
  mine,
  organizationName,
  onSaved,
}: {
  cycleId: string;
  items: WorkItem[];
  mine: Record<string, number>;
  organizationName: string | null;
  onSaved: () => void;
}) {
  const id = useId();
  // The route's own schema, which holds the one rule for points, checks them before sending.
  const form = useZodForm(sponsorPointsInputSchema);
  const [points, setPoints] = useState<Record<string, number | ''>>(() =>
    Object.fromEntries(items.map((i) => [i.id, mine[i.id] ?? 0])),
  );
  const [message, setMessage] = useState<string | null>(null);
  // Counted as the server counts: an empty box is 0; the same schema judges what is sent.
  const entered = Object.fromEntries(
    Object.entries(points).map(([item, n]) => [item, n === '' ? 0 : n]),
  );
  const total = Object.values(entered).reduce((s, n) => s + n, 0);
  const left = budget - total;
  const groupMessage = form.error('points');
  const groupError = { id: `${id}-group-error`, message: groupMessage };

  const onSubmit = form.submitValid(
    () => {
      setMessage(null);
      return { points: entered };
    },
    async (input) => {
      // Items left at nought are not sent: the same set of points, as the server keeps it.
      const points = Object.fromEntries(Object.entries(input.points).filter(([, n]) => n > 0));
      await api.post('/api/cycles/{id}/sponsor-points', {
        params: { path: { id: cycleId } },
        body: { points },
      });
      setMessage(
        organizationName
          ? t('sponsorPoints.savedFor', { total, budget, organization: organizationName })
          : t('sponsorPoints.saved', { total, budget }),
      );
      onSaved();
    },
  );

  const fieldKeys = ['points', ...items.map((i) => `points.${i.id}`)];
  return (
    <section aria-labelledby="points-heading" className="card vote-panel">
      <h2 id="points-heading">{t('sponsorPoints.title')}</h2>
      <p>
        {t('sponsorPoints.intro', {
          organization: organizationName ?? t('sponsorPoints.yourOrganization'),
        })}
      </p>
      {items.length === 0 ? (
        <p className="muted">{t('sponsorPoints.none')}</p>
      ) : (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
          <FormProblem problem={form.problem} fields={fieldKeys} />
          <div className="points-grid">
            {items.map((item) => (
              <NumberField
                key={item.id}
                label={
                  <>
                    <span className="visually-hidden">{t('sponsorPoints.pointsFor')}</span>
                    {item.title}
                  </>
                }
                hint={t('sponsorPoints.estimate', { hours: formatHours(item.estimateHours) })}
                value={points[item.id] ?? ''}
                onChange={(n) => setPoints((p) => ({ ...p, [item.id]: n }))}
                min={0}
                max={budget}
                className="points-field"
                error={form.error(`points.${item.id}`)}
                groupError={groupError}
              />
            ))}
          </div>
          <p className={left >= 0 ? 'share-sum ok' : 'share-sum off'} aria-live="polite">
            {t('sponsorPoints.spread')} <strong>{total}</strong>{' '}
            {t('sponsorPoints.ofBudget', { budget })}{' '}
            {left >= 0
              ? t('sponsorPoints.left', { count: left })
              : t('sponsorPoints.over', { count: -left })}
          </p>
          <div className="points-meter" aria-hidden="true">
            <span
              className={left >= 0 ? 'points-meter-fill' : 'points-meter-fill over'}
              style={{ width: `${Math.min(100, total)}%` }}
            />
          </div>
          {groupMessage ? (
            <p className="field-error" id={groupError.id}>
              <span aria-hidden="true">⚠ </span>
              {groupMessage}
            </p>
          ) : null}
          <div className="form-actions">
            <SubmitButton busy={form.busy}>{t('sponsorPoints.submit')}</SubmitButton>
          </div>
        </form>
      )}
      <Status message={message} />
    </section>
  );
}
