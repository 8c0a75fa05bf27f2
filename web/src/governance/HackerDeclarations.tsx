import { useState } from 'react';
import { declarationInputSchema } from '../../../src/governance/declarationInput.ts';
import { api } from '../api/client.ts';
import { FormProblem, NumberField, Status, SubmitButton } from '../app/forms.tsx';
import { percent } from '../app/money.ts';
import { useZodForm } from '../app/zodForm.ts';
import { hours as formatHours } from './labels.ts';
import { t } from './messages.ts';
import type { WorkItem } from '../api/types.ts';

/**
 * A hacker says what they will do with their own share of the hacker slice: hours on hacker
 * items. Declaring more than the share scales the declarations down when the plan is computed.
 */
export function HackerDeclarations({
  cycleId,
  items,
  mine,
  myHours,
  hackerPercent,
  onSaved,
}: {
  cycleId: string;
  items: WorkItem[];
  mine: Record<string, number>;
  /** The hours this hacker gave the cycle, if any. */
  myHours: number | undefined;
  /** The hackers' share of the pie, in percent. */
  hackerPercent: number | undefined;
  onSaved: () => void;
}) {
  const form = useZodForm(declarationInputSchema);
  const [declared, setDeclared] = useState<Record<string, number | ''>>(() =>
    Object.fromEntries(items.map((i) => [i.id, mine[i.id] ?? ''])),
  );
  const [message, setMessage] = useState<string | null>(null);
  const total = Object.values(declared).reduce<number>((s, n) => s + (n === '' ? 0 : n), 0);
  const share =
    myHours !== undefined && hackerPercent !== undefined
      ? Math.round((myHours * hackerPercent) / 100)
      : undefined;

  const onSubmit = form.submitValid(
    // A box left empty or at nought declares nothing on that item; anything else is the
    // schema's to judge.
    () => ({
      hours: Object.fromEntries(Object.entries(declared).filter(([, n]) => n !== '' && n !== 0)),
    }),
    async (input) => {
      setMessage(null);
      await api.post('/api/cycles/{id}/declarations', {
        params: { path: { id: cycleId } },
        body: input,
      });
      setMessage(t('declarations.saved', { hours: total, count: Object.keys(input.hours).length }));
      onSaved();
    },
  );

  const fieldKeys = ['hours', ...items.map((i) => `hours.${i.id}`)];
  return (
    <section aria-labelledby="declare-heading" className="card vote-panel">
      <h2 id="declare-heading">{t('declarations.title')}</h2>
      <p>
        {t('declarations.intro')}{' '}
        {share !== undefined ? (
          <>
            {t('declarations.yourShare', { given: formatHours(myHours ?? 0) })}{' '}
            <strong>{formatHours(share)}</strong>{' '}
            {t('declarations.yourSharePercent', { percent: percent(hackerPercent ?? 0) })}
          </>
        ) : (
          t('declarations.giveHours')
        )}{' '}
        {t('declarations.scaled')}
      </p>
      {items.length === 0 ? (
        <p className="muted">{t('declarations.none')}</p>
      ) : (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
          <FormProblem problem={form.problem} fields={fieldKeys} />
          <div className="points-grid">
            {items.map((item) => (
              <NumberField
                key={item.id}
                label={
                  <>
                    <span className="visually-hidden">{t('declarations.hoursOn')}</span>
                    {item.title}
                  </>
                }
                hint={
                  (declared[item.id] || 0) > item.estimateHours
                    ? t('declarations.overEstimate', { hours: formatHours(item.estimateHours) })
                    : t('declarations.estimate', { hours: formatHours(item.estimateHours) })
                }
                value={declared[item.id] ?? ''}
                onChange={(n) => setDeclared((d) => ({ ...d, [item.id]: n }))}
                min={0}
                max={2000}
                className="points-field"
                error={form.error(`hours.${item.id}`)}
              />
            ))}
          </div>
          <p
            className={share === undefined || total <= share ? 'share-sum ok' : 'share-sum off'}
            aria-live="polite"
          >
            {t('declarations.declared')} <strong>{formatHours(total)}</strong>
            {share !== undefined
              ? total <= share
                ? ` ${t('declarations.ofAbout', {
                    share: formatHours(share),
                    undeclared: formatHours(share - total),
                  })}`
                : ` ${t('declarations.overShare', { share: formatHours(share) })}`
              : null}
          </p>
          <div className="form-actions">
            <SubmitButton busy={form.busy} className="button">
              {t('declarations.submit')}
            </SubmitButton>
          </div>
        </form>
      )}
      <Status message={message} />
    </section>
  );
}
