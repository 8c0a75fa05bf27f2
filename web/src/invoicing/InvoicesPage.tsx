import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';

/** The invoices' own navigation, on each of their pages. */
export function InvoicesPage({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const user = useUser();
  const [location] = useLocation();
  const links = [{ href: '/invoices', label: 'Invoices' }];
  if (user.can.issueInvoices) {
    links.push({ href: '/invoices/new', label: 'New invoice' });
    links.push({ href: '/invoices/dunning', label: 'Reminders' });
    links.push({ href: '/invoices/settings', label: 'Settings' });
  }
  return (
    <Page title={title} actions={actions}>
      <nav aria-label="Invoices" className="subnav">
        <ul>
          {links.map((l) => (
            <li key={l.href}>
              <Link href={l.href} aria-current={location === l.href ? 'page' : undefined}>
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </Page>
  );
}

export const statusLabels: Record<string, string> = {
  draft: 'Draft',
  open: 'Open',
  'partially-paid': 'Partly paid',
  paid: 'Paid',
  overpaid: 'Overpaid',
  credited: 'Credited',
  applied: 'Applied',
};

export const vatCategoryLabels: Record<string, string> = {
  S: 'S – standard rate',
  Z: 'Z – zero rated',
  E: 'E – exempt',
  AE: 'AE – reverse charge',
  K: 'K – intra-Community supply',
  G: 'G – export outside the EU',
  O: 'O – not subject to VAT',
};
