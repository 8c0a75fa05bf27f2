import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useAnnounce } from './Announcer.tsx';
import { toApiError, type ApiError } from './api.ts';
import { FormProblem, Status } from './forms.tsx';
import { t } from './messages.ts';

/**
 * A button for what cannot be undone. It opens a dialog that says what will happen (and what
 * it overrides), with warnings above the buttons; "Cancel" has the focus, and the button that
 * acts is in the dialog, not where the trigger was, so a second click on the spot never
 * performs the next irreversible step. Radix's dialog keeps the focus inside, returns it to the
 * trigger, closes on Escape and hides the page from screen readers while it is open.
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
  icon,
  fields,
}: {
  trigger: string;
  title: string;
  /** The dialog's action button, a verb saying what it does: "Close and count the vote". */
  confirm: string;
  /**
   * What will happen, in sentences; with a field to fill in (a reason), a function given the
   * field errors of the action's problem, to show beside it.
   */
  children: ReactNode | ((error: (key: string) => string | undefined) => ReactNode);
  /** The field keys the children show errors beside: the problem then lists only the others. */
  fields?: readonly string[];
  warnings?: ReactNode[];
  /** Performs the action; its answer, if any, is announced. */
  onConfirm: () => Promise<string | undefined>;
  hint?: ReactNode;
  /**
   * 'secondary' for a tool beside the page's main action (an officer's "close the vote" on the
   * page where members vote): an outlined trigger; the dialog's own button stays primary.
   */
  tone?: 'primary' | 'danger' | 'secondary';
  /** A Lucide icon before the trigger's words, aria-hidden; the words stay the label. */
  icon?: ReactNode;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  const [isOpen, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const announce = useAnnounce();
  // The action often takes this button off the page (a decided credit, a closed vote): its
  // answer then moves to the page's status line instead of vanishing with it.
  const said = useRef<string | null>(null);
  said.current = message;
  useEffect(
    () => () => {
      if (said.current) announce(said.current);
    },
    [announce],
  );

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
      <Dialog.Root open={isOpen} onOpenChange={setOpen}>
        <Dialog.Trigger asChild>
          <button
            type="button"
            className={tone === 'secondary' ? 'button' : `button ${tone}`}
            onClick={() => {
              setMessage(null);
              setProblem(null);
            }}
          >
            {icon}
            {trigger}
          </button>
        </Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="dialog-overlay" />
          <Dialog.Content
            className="confirm-dialog"
            aria-describedby={undefined}
            onOpenAutoFocus={(event) => {
              // Cancel, not the first button: Enter must never act by accident.
              event.preventDefault();
              cancel.current?.focus();
            }}
          >
            <Dialog.Title>{title}</Dialog.Title>
            <div className="confirm-body">
              {typeof children === 'function'
                ? children((key) => problem?.fieldErrors[key])
                : children}
            </div>
            {warnings.length > 0 ? (
              <div className="notice notice-warning" role="note">
                <ul>
                  {warnings.map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {problem && fields ? <FormProblem problem={problem} fields={fields} /> : null}
            {problem && !fields ? (
              <div className="notice notice-error" role="alert">
                <p>{problem.message}</p>
              </div>
            ) : null}
            <div className="confirm-actions">
              <Dialog.Close asChild>
                <button ref={cancel} type="button" className="button">
                  {t('form.cancel')}
                </button>
              </Dialog.Close>
              <button
                type="button"
                className={tone === 'secondary' ? 'button primary' : `button ${tone}`}
                aria-disabled={busy || undefined}
                onClick={act}
              >
                {busy ? t('form.wait') : confirm}
              </button>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
      <Status message={message} />
    </div>
  );
}
