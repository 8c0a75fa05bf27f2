import { Inbox, type LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';

/**
 * What an empty list says: what the list is for (the title, e.g. "No invoices yet."), what to do
 * next, and at most one button that does it. The button is outlined, not filled, when the page
 * already has its primary action in the header, so that a page never has two.
 */
export function EmptyState({
  title,
  next,
  action,
  icon: Icon = Inbox,
}: {
  title: ReactNode;
  next?: ReactNode;
  action?: ReactNode;
  icon?: LucideIcon;
}) {
  return (
    <div className="empty-state">
      <Icon className="empty-state-icon" aria-hidden="true" size={28} />
      <div>
        <p className="empty-state-title">{title}</p>
        {next ? <p className="empty-state-next">{next}</p> : null}
        {action ? <div className="empty-state-action">{action}</div> : null}
      </div>
    </div>
  );
}
