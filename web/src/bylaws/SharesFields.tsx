import { useId } from 'react';
import { NumberField } from '../app/forms.tsx';
import { t as common } from '../app/messages.ts';
import { percent } from '../app/money.ts';
import { t } from './messages.ts';
import { PieBars } from './PieBars.tsx';
import type { ClassShares } from '../api/types.ts';

export type SharesInput = Record<keyof ClassShares, number | ''>;

export function sharesValue(input: SharesInput): ClassShares {
  return {
    sponsors: Number(input.sponsors || 0),
    community: Number(input.community || 0),
    hackers: Number(input.hackers || 0),
  };
}

export function sharesSum(input: SharesInput): number {
  const v = sharesValue(input);
  return v.sponsors + v.community + v.hackers;
}

/**
 * Three percentages that must add up to 100, with the running sum announced as it changes,
 * a bar preview, and one error for the group (pointer "<prefix>") or per share.
 */
export function SharesFields({
  value,
  onChange,
  error,
  prefix,
  previewLabel,
}: {
  value: SharesInput;
  onChange: (value: SharesInput) => void;
  error: (key: string) => string | undefined;
  /** The field key of the group, such as "pie" or "document.dividends.split". */
  prefix: string;
  previewLabel: string;
}) {
  const id = useId();
  const sum = sharesSum(value);
  const groupMessage = error(prefix);
  const groupError = { id: `${id}-error`, message: groupMessage };
  const field = (key: keyof ClassShares, label: string) => (
    <NumberField
      label={t('shares.field', { label })}
      value={value[key]}
      onChange={(n) => onChange({ ...value, [key]: n })}
      min={0}
      max={100}
      required
      className="narrow"
      error={error(`${prefix}.${key}`)}
      groupError={groupError}
    />
  );
  const off =
    sum < 100
      ? t('shares.stillToShare', { percent: percent(100 - sum) })
      : t('shares.tooMany', { percent: percent(sum - 100) });
  return (
    <>
      <div className="field-row">
        {field('sponsors', common('memberClassPlural.sponsor'))}
        {field('community', common('memberClassPlural.community'))}
        {field('hackers', common('memberClassPlural.hacker'))}
      </div>
      <p className={sum === 100 ? 'share-sum ok' : 'share-sum off'} aria-live="polite">
        {t('shares.total')} <strong>{percent(sum)}</strong> {sum === 100 ? t('shares.addsUp') : off}
      </p>
      {groupMessage ? (
        <p className="field-error" id={groupError.id}>
          <span aria-hidden="true">⚠ </span>
          {groupMessage}
        </p>
      ) : null}
      <PieBars shares={sharesValue(value)} label={previewLabel} />
    </>
  );
}
