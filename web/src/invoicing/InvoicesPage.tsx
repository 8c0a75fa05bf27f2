import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { formatExactDecimal } from '../app/format.ts';
import { t } from './messages.ts';

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
  const links = [{ href: '/invoices', label: t('nav.invoices') }];
  if (user.can.issueInvoices) {
    links.push({ href: '/invoices/new', label: t('nav.newInvoice') });
    links.push({ href: '/invoices/dunning', label: t('nav.reminders') });
    links.push({ href: '/invoices/settings', label: t('nav.settings') });
  }
  return (
    <Page title={title} actions={actions}>
      <nav aria-label={t('nav.label')} className="subnav">
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

const statuses = [
  'draft',
  'open',
  'partially-paid',
  'paid',
  'overpaid',
  'credited',
  'applied',
  'overdue',
] as const;
type StatusKey = (typeof statuses)[number];

/** An invoice's state in the member's language; an unknown one as the API spells it. */
export function statusLabel(status: string): string {
  return (statuses as readonly string[]).includes(status)
    ? t(`status.${status as StatusKey}`)
    : status;
}

/**
 * An invoice's decimal string ("1500.00", "0.5") in the member's number format with exactly its
 * digits, as in the e-invoice: "1,500.00", "1.500,00". Intl formats the string without a float.
 */
export function figure(decimal: string): string {
  return formatExactDecimal(decimal);
}

export const vatCategories = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O'] as const;
export type VatCategory = (typeof vatCategories)[number];

export function vatCategoryLabel(category: string): string {
  return (vatCategories as readonly string[]).includes(category)
    ? t(`vatCategory.${category as VatCategory}`)
    : category;
}
