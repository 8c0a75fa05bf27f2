import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { useUser } from '../app/session.tsx';
import { entriesHref } from './books.ts';

/**
 * A figure that drills down to the postings of its account, for those who read the journal;
 * for other members (who see pay only as the salaries total) the figure stays plain text.
 */
export function FigureLink({
  account,
  className,
  label,
  children,
}: {
  account: string;
  className?: string;
  /** The link's name, when the figure alone would not say where it leads. */
  label?: string;
  children: ReactNode;
}) {
  const user = useUser();
  if (!user.can.readEntries) return <span className={className}>{children}</span>;
  return (
    <Link href={entriesHref(account)} className={className} aria-label={label}>
      {children}
    </Link>
  );
}
