import { useEffect, useState, type ReactNode } from 'react';
import { FieldError, FieldHint, useFieldDescription } from './forms.tsx';
import { monthName } from './format.ts';
import { t } from './messages.ts';

const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));

/**
 * A month ("2026-11") as the member names it: the month's name in their language and the year.
 * The browser's month input named the month in the browser's language, as its date input wrote
 * the day; react-aria's picker has no month-only field, and a list of twelve names is what a
 * person would choose from anyway. The value is "" until the year has four digits.
 */
export function MonthField({
  label,
  hint,
  error,
  value,
  onChange,
  max,
  className,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  /** The last month one may choose ("2026-11"): later months of its year are greyed out. */
  max?: string | undefined;
  className?: string | undefined;
}) {
  const { hintId, errorId, describedBy } = useFieldDescription(hint, error);
  const valid = /^(\d{4})-(\d{2})$/.exec(value);
  const [month, setMonth] = useState(valid?.[2] ?? '');
  const [year, setYear] = useState(valid?.[1] ?? '');
  // A value set from outside (a reset after posting) shows; one being typed is kept.
  useEffect(() => {
    if (!valid) return;
    setYear(valid[1]!);
    setMonth(valid[2]!);
  }, [value]);
  const change = (nextMonth: string, nextYear: string) => {
    setMonth(nextMonth);
    setYear(nextYear);
    onChange(nextMonth && /^\d{4}$/.test(nextYear) ? `${nextYear}-${nextMonth}` : '');
  };
  const invalid = error ? true : undefined;
  return (
    <fieldset
      className={`field month-field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}
    >
      <legend>{label}</legend>
      <FieldHint id={hintId} hint={hint} />
      <div className="month-inputs">
        <select
          aria-label={t('form.month')}
          value={month}
          onChange={(e) => change(e.target.value, year)}
          aria-invalid={invalid}
          aria-describedby={describedBy}
        >
          <option value="" disabled>
            {t('form.month')}
          </option>
          {months.map((m) => (
            <option
              key={m}
              value={m}
              disabled={!!max && year === max.slice(0, 4) && m > max.slice(5, 7)}
            >
              {monthName(Number(m))}
            </option>
          ))}
        </select>
        <input
          type="text"
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          aria-label={t('form.year')}
          value={year}
          onChange={(e) => change(month, e.target.value.trim())}
          aria-invalid={invalid}
          aria-describedby={describedBy}
        />
      </div>
      <FieldError id={errorId} error={error} />
    </fieldset>
  );
}
