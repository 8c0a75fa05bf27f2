import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type RefObject,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { toApiError, type ApiError } from './api.ts';
import { t } from './messages.ts';
import { knowsProblem } from './problemMessages.ts';

export interface FormState {
  problem: ApiError | null;
  busy: boolean;
  /** The error the server (or a local check) gave for a field key such as "admin.email". */
  error: (key: string) => string | undefined;
  /** An onSubmit handler: runs the action, keeping its error for the form to show. */
  submit: (action: () => Promise<void>) => (event: FormEvent<HTMLFormElement>) => void;
  setProblem: (problem: ApiError | null) => void;
  formRef: RefObject<HTMLFormElement | null>;
}

/** Busy flag, problem and field errors of one form; focuses the first invalid field. */
export function useForm(): FormState {
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!problem) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else formRef.current?.querySelector<HTMLElement>('.form-problem')?.focus();
  }, [problem]);

  const submit = useCallback(
    (action: () => Promise<void>) => (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(true);
      setProblem(null);
      action()
        .catch((error: unknown) => setProblem(toApiError(error)))
        .finally(() => {
          busyRef.current = false;
          setBusy(false);
        });
    },
    [],
  );

  const error = useCallback((key: string) => problem?.fieldErrors[key], [problem]);
  return { problem, busy, error, submit, setProblem, formRef };
}

/**
 * "lines.3.email" -> "Line 3, email" (a file's lines count from 1, line 0 is the file);
 * "budget.0.amount" -> "budget 1, amount" (a form's rows count from 1 as they are shown);
 * "admin.email" -> "admin email".
 */
export function describeKey(key: string): string {
  const line = /^lines\.(\d+)\.?(.*)$/.exec(key);
  if (line && line[1] === '0') return t('form.theFile');
  if (line)
    return line[2]
      ? t('form.lineField', { line: line[1]!, field: line[2] })
      : t('form.line', { line: line[1]! });
  // A statement of an imported bank file, and what its import found in it (`problems.1`).
  const statement = /^statements\.(\d+)(\.problems\.\d+)?$/.exec(key);
  if (statement) return t('form.statement', { number: Number(statement[1]) + 1 });
  const row = /^(\w+)\.(\d+)\.?(.*)$/.exec(key);
  if (row)
    return `${row[1]} ${Number(row[2]) + 1}${row[3] ? `, ${row[3].replace(/\./g, ' ')}` : ''}`;
  return key.replace(/\./g, ' ');
}

/**
 * The form's error, announced: when every field error is shown beside its field this only
 * says so; otherwise the problem's detail, or the errors no field on the form claims.
 */
export function FormProblem({
  problem,
  fields = [],
}: {
  problem: ApiError | null;
  /** The field keys this form shows errors beside. */
  fields?: readonly string[];
}) {
  if (!problem) return null;
  const keys = Object.keys(problem.fieldErrors);
  const unclaimed = keys.filter((k) => !fields.includes(k));
  const claimed = keys.length - unclaimed.length;
  let body: ReactNode;
  if (keys.length === 0) body = <p>{problem.message}</p>;
  else if (unclaimed.length === 0)
    body = (
      <p>{claimed === 1 ? t('form.correctOne') : t('form.correctMany', { count: claimed })}</p>
    );
  else
    body = (
      <>
        <p>
          {claimed > 0
            ? t('form.correctAnd')
            : // A problem the web words says itself; another, its title.
              knowsProblem(problem.problem.code ?? '')
              ? problem.message
              : problem.problem.title}
        </p>
        <ul>
          {unclaimed.map((k) => (
            <li key={k}>
              {describeKey(k)}: {problem.fieldErrors[k]}
            </li>
          ))}
        </ul>
      </>
    );
  return (
    <div className="form-problem" role="alert" tabIndex={-1}>
      {body}
    </div>
  );
}

interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** A label, an optional hint, the control and its error, wired together for assistive tech. */
/** For fields whose error is shown once for a group (the pie shares): the group's error id. */
interface GroupErrorProps {
  groupError?: { id: string; message: string | undefined } | undefined;
}

/** A field's hint and error ids, and the aria-describedby that names those shown. */
export function useFieldDescription(
  hint: ReactNode,
  error: string | undefined,
  groupErrorId?: string,
) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, groupErrorId, hintId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

/** The hint under a field's label, named by its controls' aria-describedby. */
export function FieldHint({ id, hint }: { id: string | undefined; hint: ReactNode }) {
  return hint ? (
    <p className="hint" id={id}>
      {hint}
    </p>
  ) : null;
}

/** A field's error, under its control. */
export function FieldError({ id, error }: { id: string | undefined; error: string | undefined }) {
  return error ? (
    <p className="field-error" id={id}>
      <span aria-hidden="true">⚠ </span>
      {error}
    </p>
  ) : null;
}

export function Field({
  label,
  hint,
  error,
  className,
  groupError,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string | undefined;
  children: (props: FieldControlProps) => ReactNode;
} & GroupErrorProps) {
  const groupErrorId = groupError?.message ? groupError.id : undefined;
  const { id, hintId, errorId, describedBy } = useFieldDescription(hint, error, groupErrorId);
  const invalid = !!error || !!groupErrorId;
  return (
    <div className={`field${invalid ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <FieldHint id={hintId} hint={hint} />
      {children({
        id,
        'aria-invalid': invalid ? true : undefined,
        'aria-describedby': describedBy,
      })}
      <FieldError id={errorId} error={error} />
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
} & GroupErrorProps;

export function TextField({
  label,
  hint,
  error,
  value,
  onChange,
  className,
  groupError,
  ...rest
}: InputProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className} groupError={groupError}>
      {(props) => (
        <input
          type="text"
          {...rest}
          {...props}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

type NumberProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'type'> & {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: number | '';
  onChange: (value: number | '') => void;
} & GroupErrorProps;

/** Whole numbers only; an empty box is '' so the user can retype. */
export function NumberField({
  label,
  hint,
  error,
  value,
  onChange,
  className,
  groupError,
  ...rest
}: NumberProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className} groupError={groupError}>
      {(props) => (
        <input
          type="number"
          inputMode="numeric"
          step={1}
          {...rest}
          {...props}
          value={value}
          onChange={(e) => {
            const text = e.target.value;
            const n = Number.parseInt(text, 10);
            onChange(text === '' || Number.isNaN(n) ? '' : n);
          }}
        />
      )}
    </Field>
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
};

export function TextAreaField({
  label,
  hint,
  error,
  value,
  onChange,
  className,
  ...rest
}: TextAreaProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(props) => (
        <textarea {...rest} {...props} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
};

export function SelectField({
  label,
  hint,
  error,
  value,
  onChange,
  options,
  className,
  ...rest
}: SelectProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(props) => (
        <select {...rest} {...props} value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField({
  label,
  hint,
  checked,
  onChange,
}: {
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="field field-checkbox">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** Not disabled while busy (a disabled button drops the keyboard focus): a second submit is ignored. */
export function SubmitButton({
  busy,
  children,
  className = 'button primary',
  icon,
}: {
  busy: boolean;
  children: ReactNode;
  className?: string;
  /** A Lucide icon (aria-hidden) before the words, for the page's main action. */
  icon?: ReactNode;
}) {
  return (
    <button type="submit" className={className} aria-disabled={busy || undefined}>
      {busy ? null : icon}
      {busy ? t('form.wait') : children}
    </button>
  );
}

/** A live region that is always present, so that a message put into it is announced. */
export function Status({ message }: { message: ReactNode }) {
  return (
    <div className={message ? 'status-message' : 'status-empty'} role="status">
      {message}
    </div>
  );
}
