import { useId } from 'react';
import { CheckboxField } from '../app/forms.tsx';
import { classLabel, memberClasses } from '../app/format.ts';
import type { MemberClass } from '../api/types.ts';
import { t } from './messages.ts';

/** Who votes: some member classes, or every member when none is ticked. */
export function ElectorateField({
  value,
  onChange,
  legend,
}: {
  value: MemberClass[];
  onChange: (value: MemberClass[]) => void;
  legend?: string;
}) {
  const id = useId();
  return (
    <fieldset className="nested" aria-describedby={`${id}-hint`}>
      <legend>{legend ?? t('electorate.whoVotes')}</legend>
      <p className="hint" id={`${id}-hint`}>
        {t('electorate.tickNone')}
      </p>
      {memberClasses.map((c) => (
        <CheckboxField
          key={c}
          label={t('electorate.members', { memberClass: classLabel(c) })}
          checked={value.includes(c)}
          onChange={(checked) => onChange(checked ? [...value, c] : value.filter((x) => x !== c))}
        />
      ))}
    </fieldset>
  );
}
