import { useState } from 'react';
import { api } from '../api/client.ts';
import { FormProblem, NumberField, Status, SubmitButton, useForm } from '../app/forms.tsx';
import { hours as formatHours } from './labels.ts';
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
  const form = useForm();
  const [declared, setDeclared] = useState<Record<string, number | ''>>(() =>
    Object.fromEntries(items.map((i) => [i.id, mine[i.id] ?? ''])),
  );
  const [message, setMessage] = useState<string | null>(null);
  const total = Object.values(declared).reduce<number>((s, n) => s + (n === '' ? 0 : n), 0);
  const share =
    myHours !== undefined && hackerPercent !== undefined
      ? Math.round((myHours * hackerPercent) / 100)
      : undefined;

  const onSubmit = form.submit(async () => {
    setMessage(null);
    const hours = Object.fromEntries(
      Object.entries(declared).filter(([, n]) => n !== '' && n > 0) as [string, number][],
    );
    await api.post('/api/cycles/{id}/declarations', {
      params: { path: { id: cycleId } },
      body: { hours },
    });
    setMessage(`Your declaration is saved: ${total} hours on ${Object.keys(hours).length} items.`);
    onSaved();
  });

  const fieldKeys = ['hours', ...items.map((i) => `hours.${i.id}`)];
  return (
    <section aria-labelledby="declare-heading" className="card vote-panel">
      <h2 id="declare-heading">Declare your hacker-slice work</h2>
      <p>
        The hackers’ slice is theirs to spend: each hacker’s share is in proportion to the hours
        they give.{' '}
        {share !== undefined ? (
          <>
            You gave {formatHours(myHours ?? 0)}, so your share is about{' '}
            <strong>{formatHours(share)}</strong> ({hackerPercent}% of your hours).
          </>
        ) : (
          'Give your hours for the cycle to get a share.'
        )}{' '}
        Declaring more than your share scales your hours down to it.
      </p>
      {items.length === 0 ? (
        <p className="muted">No hacker items were proposed in this cycle yet.</p>
      ) : (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
          <FormProblem problem={form.problem} fields={fieldKeys} />
          <div className="points-grid">
            {items.map((item) => (
              <NumberField
                key={item.id}
                label={
                  <>
                    <span className="visually-hidden">Hours on </span>
                    {item.title}
                  </>
                }
                hint={
                  (declared[item.id] || 0) > item.estimateHours
                    ? `More than its estimate of ${formatHours(item.estimateHours)}: the plan gives it at most that, and the rest stays yours to declare elsewhere.`
                    : `Estimate ${formatHours(item.estimateHours)}`
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
            Declared: <strong>{formatHours(total)}</strong>
            {share !== undefined
              ? total <= share
                ? ` of about ${formatHours(share)} (${share - total} h undeclared)`
                : ` — more than your share of about ${formatHours(share)}; it will be scaled down`
              : null}
          </p>
          <div className="form-actions">
            <SubmitButton busy={form.busy}>Save my declaration</SubmitButton>
          </div>
        </form>
      )}
      <Status message={message} />
    </section>
  );
}
