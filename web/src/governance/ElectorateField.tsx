import { useId } from 'react';
import { CheckboxField } from '../app/forms.tsx';
import { classLabel, memberClasses } from '../app/format.ts';
import type { MemberClass } from '../api/types.ts';

/** Who votes: some member classes, or every member when none is ticked. */
export function ElectorateField({
  value,
  onChange,
  legend = 'Who votes',
}: {
  value: MemberClass[];
  onChange: (value: MemberClass[]) => void;
  legend?: string;
}) {
  const id = useId();
  return (
    <fieldset className="nested" aria-describedby={`${id}-hint`}>
      <legend>{legend}</legend>
      <p className="hint" id={`${id}-hint`}>
        Tick none for every member.
      </p>
      {memberClasses.map((c) => (
        <CheckboxField
          key={c}
          label={`${classLabel(c)} members`}
          checked={value.includes(c)}
          onChange={(checked) => onChange(checked ? [...value, c] : value.filter((x) => x !== c))}
        />
      ))}
    </fieldset>
  );
}
