import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { t } from './messages.ts';

interface BooksLink {
  href: string;
  label: string;
}

/** The books' own navigation: one "Books" entry in the main menu, these links on its pages. */
function BooksNav() {
  const user = useUser();
  const [location] = useLocation();
  const links: BooksLink[] = [
    { href: '/books', label: t('nav.overview') },
    { href: '/books/accounts', label: t('nav.accounts') },
  ];
  if (user.can.readEntries) links.push({ href: '/books/entries', label: t('nav.entries') });
  if (user.can.readEntries) links.push({ href: '/books/bank', label: t('nav.bank') });
  links.push({ href: '/books/reports', label: t('nav.reports') });
  if (user.can.claimExpenses || user.can.seeAllClaims)
    links.push({ href: '/books/expenses', label: t('nav.expenses') });
  // Pay is the hackers' (their own) and the payroll's keepers'; others have none to see.
  if (user.can.managePayroll || user.memberClass === 'hacker')
    links.push({ href: '/books/pay', label: t('nav.pay') });
  if (user.can.keepBooks) links.push({ href: '/books/year-end', label: t('nav.yearEnd') });
  links.push({ href: '/books/dividends', label: t('nav.dividends') });
  const isCurrent = (href: string) =>
    href === '/books'
      ? location === '/books'
      : location === href || location.startsWith(`${href}/`);
  return (
    <nav aria-label={t('nav.label')} className="subnav">
      <ul>
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} aria-current={isCurrent(l.href) ? 'page' : undefined}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A page of the books: the books' navigation above the page's one h1. */
export function BooksPage({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <>
      <BooksNav />
      <Page title={title} actions={actions}>
        {children}
      </Page>
    </>
  );
}
