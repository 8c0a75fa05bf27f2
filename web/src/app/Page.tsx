import { useEffect, useRef, type ReactNode } from 'react';
import type { ApiError } from './api.ts';
import { useSession } from './session.tsx';
import { t } from './messages.ts';

let firstPageShown = false;

/**
 * One page: its single h1 and the document title. After a client-side navigation the h1 takes
 * the focus, so that screen readers announce the new page and Tab starts from its top.
 */
export function Page({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const { session } = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  const coopName = session.coop?.name ?? 'Hackers Co-op';

  useEffect(() => {
    document.title = title === coopName ? coopName : `${title} · ${coopName}`;
  }, [title, coopName]);

  useEffect(() => {
    if (firstPageShown) {
      window.scrollTo(0, 0);
      heading.current?.focus();
    }
    firstPageShown = true;
  }, []);

  return (
    <div className="page">
      <div className="page-heading">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {children}
    </div>
  );
}

export function Loading({ what = t('page.loading') }: { what?: string }) {
  return (
    <p className="loading" role="status">
      {what}
    </p>
  );
}

/** A failed load: the problem's detail, politely; 403 and 404 get a plain explanation. */
export function LoadError({ error, retry }: { error: ApiError; retry?: () => void }) {
  const lead =
    error.status === 403
      ? t('page.forbidden')
      : error.status === 404
        ? t('page.missing')
        : error.status === 401
          ? t('page.signInToSee')
          : t('page.notLoaded');
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>{lead}</strong>
      </p>
      {error.problem.detail && error.message !== lead ? <p>{error.message}</p> : null}
      {retry && error.status !== 403 && error.status !== 404 ? (
        <p>
          <button type="button" className="button" onClick={retry}>
            {t('page.tryAgain')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
