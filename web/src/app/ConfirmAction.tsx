import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { toApiError, type ApiError } from './api.ts';
import { Status } from './forms.tsx';
import { t } from './messages.ts';

/**
 * A button for what cannot be undone. It opens a dialog that says what will happen (and what
 * it overrides), with warnings above the buttons; "Cancel" has the focus, and the button that
 * acts is in the dialog, not where the trigger was, so a second click on the spot never
 * performs the next irreversible step.
 */
export function ConfirmAction({
  trigger,
  title,
  confirm,
  children,
  warnings = [],
  onConfirm,
  hint,
  tone = 'primary',
}: {
  trigger: string;
  title: string;
  /** The dialog's action button, a verb saying what it does: "Close and count the vote". */
  confirm: string;
  /** What will happen, in sentences. */
  children: ReactNode;
  warnings?: ReactNode[];
  /** Performs the action; its answer, if any, is announced. */
  onConfirm: () => Promise<string | undefined>;
  hint?: ReactNode;
  tone?: 'primary' | 'danger';
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [isOpen, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (isOpen && !d.open) {
      d.showModal();
      cancel.current?.focus();
    } else if (!isOpen && d.open) d.close();
  }, [isOpen]);

  const act = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const said = await onConfirm();
      setOpen(false);
      setMessage(said ?? null);
    } catch (error) {
      setProblem(toApiError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="advance">
      {hint ? <p className="muted">{hint}</p> : null}
      <button
        type="button"
        className={`button ${tone}`}
        onClick={() => {
          setMessage(null);
          setProblem(null);
          setOpen(true);
        }}
      >
        {trigger}
      </button>
      <Status message={message} />
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby={titleId}
        onClose={() => setOpen(false)}
      >
        <h2 id={titleId}>{title}</h2>
        <div className="confirm-body">{children}</div>
        {warnings.length > 0 ? (
          <div className="notice notice-warning" role="note">
            <ul>
              {warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {problem ? (
          <div className="notice notice-error" role="alert">
            <p>{problem.problem.detail}</p>
          </div>
        ) : null}
        <div className="confirm-actions">
          <button ref={cancel} type="button" className="button" onClick={() => setOpen(false)}>
            {t('form.cancel')}
          </button>
          <button
            type="button"
            className={`button ${tone}`}
            aria-disabled={busy || undefined}
            onClick={act}
          >
            {busy ? t('form.wait') : confirm}
          </button>
        </div>
      </dialog>
    </div>
  );
}
