import {
  parseDate,
  parseDateTime,
  type CalendarDate,
  type CalendarDateTime,
} from '@internationalized/date';
import { CalendarDays, ChevronLeft, ChevronRight } from 'lucide-react';
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  Group,
  Heading,
  I18nProvider,
  Label,
  Popover,
} from 'react-aria-components';
import { FieldError, FieldHint, useFieldDescription } from './forms.tsx';
import { intlTag } from './i18n.ts';

type Granularity = 'day' | 'minute';
type PickedValue = CalendarDate | CalendarDateTime;

/**
 * The value as the form keeps it ("2026-12-31", or "2026-12-31T09:30" with minutes), the
 * same strings the native inputs gave; null when empty or not a date yet.
 */
function parseValue(value: string, granularity: Granularity): PickedValue | null {
  if (!value) return null;
  try {
    return granularity === 'day' ? parseDate(value.slice(0, 10)) : parseDateTime(value);
  } catch {
    return null;
  }
}

function formatValue(value: PickedValue | null, granularity: Granularity): string {
  if (!value) return '';
  const text = value.toString();
  return granularity === 'day' ? text.slice(0, 10) : text.slice(0, 16);
}

/**
 * A date (or date and time) written and read in the member's language, whatever the
 * browser's: a native date input follows the browser's locale, so a German member in an
 * English browser was shown mm/dd/yyyy. Day, month and year are typed in place or picked
 * from a calendar; the form keeps the ISO string, as before.
 */
export function DateField({
  label,
  hint,
  error,
  value,
  onChange,
  granularity = 'day',
  required,
  min,
  max,
  className,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  granularity?: Granularity;
  required?: boolean | undefined;
  min?: string | undefined;
  max?: string | undefined;
  className?: string | undefined;
}) {
  const { hintId, errorId, describedBy } = useFieldDescription(hint, error);
  const picked = parseValue(value, granularity);
  const groupRef = useRef<HTMLDivElement>(null);
  // react-aria keeps the last whole date while a part is erased (it tells of a change only
  // when every part is filled or every part is empty): a date half cleared is no date, as the
  // browser's input had it, so that the form's "required" sees it.
  const halfCleared = () =>
    !!value && !!groupRef.current?.querySelector('[role="spinbutton"][data-placeholder]');
  // Enter in a date's parts (spans, not inputs) sends the form, as it did from a date input.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' || event.defaultPrevented) return;
    if (!(event.target as HTMLElement).matches('[role="spinbutton"]')) return;
    const form = event.currentTarget.closest('form');
    if (!form) return;
    event.stopPropagation();
    event.preventDefault();
    if (!halfCleared()) return form.requestSubmit();
    onChange('');
    // After React has rendered the emptied value, which the form's handler reads.
    setTimeout(() => form.requestSubmit());
  };
  return (
    <div
      className={`field date-field${granularity === 'minute' ? ' date-time-field' : ''}${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}
      // Capturing: react-aria's parts keep their keys from bubbling.
      onKeyDownCapture={onKeyDown}
      onBlur={(event) => {
        if (groupRef.current?.contains(event.relatedTarget as Node | null)) return;
        if (halfCleared()) onChange('');
      }}
    >
      <I18nProvider locale={intlTag()}>
        <DatePicker<PickedValue>
          value={picked}
          onChange={(next) => onChange(formatValue(next, granularity))}
          granularity={granularity}
          hourCycle={24}
          shouldForceLeadingZeros
          isInvalid={!!error}
          isRequired={required}
          // The form checks and words its own errors; the browser's bubbles would be English.
          validationBehavior="aria"
          minValue={min ? parseValue(min, granularity) : undefined}
          maxValue={max ? parseValue(max, granularity) : undefined}
          aria-describedby={describedBy}
        >
          <Label>{label}</Label>
          <FieldHint id={hintId} hint={hint} />
          <Group ref={groupRef} className="date-input">
            <DateInput className="date-segments">
              {(segment) => <DateSegment segment={segment} className="date-segment" />}
            </DateInput>
            <Button className="date-button">
              <CalendarDays aria-hidden="true" size={18} />
            </Button>
          </Group>
          <Popover className="date-popover" placement="bottom start">
            <Dialog className="date-dialog">
              <Calendar>
                <header className="calendar-header">
                  <Button slot="previous" className="calendar-nav">
                    <ChevronLeft aria-hidden="true" size={18} />
                  </Button>
                  <Heading className="calendar-heading" />
                  <Button slot="next" className="calendar-nav">
                    <ChevronRight aria-hidden="true" size={18} />
                  </Button>
                </header>
                <CalendarGrid className="calendar-grid">
                  {(date) => <CalendarCell date={date} className="calendar-cell" />}
                </CalendarGrid>
              </Calendar>
            </Dialog>
          </Popover>
        </DatePicker>
      </I18nProvider>
      <FieldError id={errorId} error={error} />
    </div>
  );
}
