import {
  AlarmClock,
  BookOpen,
  Briefcase,
  Building2,
  CircleAlert,
  FileText,
  Folder,
  Funnel,
  Gauge,
  GitCommitHorizontal,
  Handshake,
  History,
  Inbox,
  LayoutDashboard,
  Layers,
  LogIn,
  LogOut,
  Mail,
  Menu,
  MessageSquare,
  MessagesSquare,
  Newspaper,
  PackageCheck,
  PiggyBank,
  Receipt,
  RefreshCw,
  Scale,
  ScrollText,
  ShieldAlert,
  Tags,
  Timer,
  Users,
  Vote,
  Webhook,
  type LucideIcon,
} from 'lucide-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { Announcer } from './Announcer.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';
import { t } from './messages.ts';
import { useSession } from './session.tsx';
import { t as requestWords } from '../requests/messages.ts';
import { t as serviceLevels } from '../servicelevels/messages.ts';
import { t as vulnerabilityWords } from '../vulnerabilities/messages.ts';
import { t as releaseWords } from '../releases/messages.ts';
import { t as digestWords } from '../digests/messages.ts';

interface NavItem {
  href: string;
  label: string;
}

/** One Lucide icon per section, beside (never instead of) its name; unknown links go without. */
const navIcons: Record<string, LucideIcon> = {
  '/': LayoutDashboard,
  '/members': Users,
  '/portal': Briefcase,
  '/organizations': Building2,
  '/cycles': RefreshCw,
  '/votes': Vote,
  '/labour': Timer,
  '/books': BookOpen,
  '/invoices': Receipt,
  '/quotes': FileText,
  '/agreements': Handshake,
  '/requests': MessageSquare,
  '/clocks': AlarmClock,
  '/vulnerabilities': ShieldAlert,
  '/releases': PackageCheck,
  '/concerns': CircleAlert,
  '/consultations': MessagesSquare,
  '/capacity': Gauge,
  '/digests': Newspaper,
  '/pipeline': Funnel,
  '/documents': Folder,
  '/tiers': Layers,
  '/bylaws': Scale,
  '/finance': PiggyBank,
  '/log': ScrollText,
  '/invitations': Mail,
  '/contributions': GitCommitHorizontal,
  '/webhooks': Webhook,
  '/event-types': Tags,
  '/outbox': Inbox,
  '/events': History,
};

function NavLink({ href, label }: NavItem) {
  const Icon = navIcons[href];
  const [location] = useLocation();
  const current =
    href === '/' ? location === '/' : location === href || location.startsWith(`${href}/`);
  return (
    <li>
      <Link href={href} aria-current={current ? 'page' : undefined}>
        {Icon ? <Icon className="icon" aria-hidden="true" size={16} /> : null}
        {label}
      </Link>
    </li>
  );
}

/** Header with the co-op's name, the navigation for the user's role, and the main landmark. */
export function Layout({ children }: { children: ReactNode }) {
  const { session, signOut } = useSession();
  const [location, navigate] = useLocation();
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const user = session.user;
  const can = user?.can;

  // A new page closes the phone menu.
  useEffect(() => setOpen(false), [location]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        menuButton.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  const items: NavItem[] = [];
  if (user) {
    items.push({ href: '/', label: t('nav.dashboard') });
    items.push({ href: '/members', label: t('nav.members') });
    // A sponsor's representatives: their organization's standing, agreements, bills, labour.
    if (user.organizationId) items.push({ href: '/portal', label: t('nav.portal') });
    // Only what the member can use: no link to a list of pages that would say "not allowed".
    if (can?.listOrganizations)
      items.push({ href: '/organizations', label: t('nav.organizations') });
    if (can?.readCycles) items.push({ href: '/cycles', label: t('nav.cycles') });
    if (can?.takePart || can?.callVotes) items.push({ href: '/votes', label: t('nav.votes') });
    if (can?.logOwnLabour || can?.decideSponsorLabour)
      items.push({ href: '/labour', label: t('nav.labour') });
    if (can?.readBooks) items.push({ href: '/books', label: t('nav.books') });
    if (can?.readInvoices) items.push({ href: '/invoices', label: t('nav.invoices') });
  }
  if (can?.readAllAgreements || can?.readOwnAgreements) {
    items.push({ href: '/quotes', label: t('nav.quotes') });
    items.push({ href: '/agreements', label: t('nav.agreements') });
  }
  // Expert access: a sponsor's representatives ask, hackers and officers answer.
  if (can?.readAllRequests || can?.openRequests)
    items.push({ href: '/requests', label: requestWords('list.title') });
  if (can?.readAllClocks || can?.readOwnClocks)
    items.push({ href: '/clocks', label: serviceLevels('clocks.title') });
  if (can?.readVulnerabilities)
    items.push({ href: '/vulnerabilities', label: vulnerabilityWords('list.title') });
  if (can?.readReleases) items.push({ href: '/releases', label: releaseWords('nav') });
  // Reciprocal access: a sponsor keeps its concerns and answers consultations; those who
  // serve the sponsors see every consultation (and every sponsor's concerns) there.
  if (user?.organizationId && user.memberClass === 'sponsor')
    items.push({ href: '/concerns', label: t('nav.ourConcerns') });
  if (can?.readAllAgreements || (user?.organizationId && user.memberClass === 'sponsor'))
    items.push({ href: '/consultations', label: t('nav.consultations') });
  if (can?.readCapacity) items.push({ href: '/capacity', label: t('nav.capacity') });
  if (can?.manageSponsorDigests) items.push({ href: '/digests', label: digestWords('nav') });
  if (can?.readPipeline) items.push({ href: '/pipeline', label: t('nav.pipeline') });
  if (user) items.push({ href: '/documents', label: t('nav.documents') });
  items.push({ href: '/tiers', label: t('nav.tiers') });
  items.push({ href: '/bylaws', label: t('nav.bylaws') });
  if (!user) items.push({ href: '/finance', label: t('nav.finances') });
  items.push({ href: '/log', label: t('nav.log') });
  if (can?.invite) items.push({ href: '/invitations', label: t('nav.invitations') });
  if (can?.readRepositories) items.push({ href: '/contributions', label: t('nav.contributions') });
  if (can?.manageWebhooks) items.push({ href: '/webhooks', label: t('nav.webhooks') });
  if (can?.manageWebhooks || can?.readEvents)
    items.push({ href: '/event-types', label: t('nav.eventTypes') });
  if (can?.readOutbox) items.push({ href: '/outbox', label: t('nav.outbox') });
  if (can?.readEvents) items.push({ href: '/events', label: t('nav.events') });

  const onSignOut = async () => {
    setSigningOut(true);
    try {
      await signOut();
    } finally {
      setSigningOut(false);
      navigate('/sign-in');
    }
  };

  const coopName = session.coop?.name ?? 'Hackers Co-op';
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <div className="header-bar">
            <Link href="/" className="brand">
              {coopName}
            </Link>
            {session.setupRequired ? null : (
              <button
                ref={menuButton}
                type="button"
                className="menu-button"
                aria-expanded={open}
                aria-controls="site-nav"
                onClick={() => setOpen((o) => !o)}
              >
                <Menu className="icon" aria-hidden="true" size={20} />
                {t('nav.menu')}
              </button>
            )}
          </div>
          {session.setupRequired ? null : (
            <nav
              id="site-nav"
              aria-label={t('nav.main')}
              className={open ? 'site-nav open' : 'site-nav'}
            >
              <ul className="nav-links">
                {items.map((item) => (
                  <NavLink key={item.href} {...item} />
                ))}
              </ul>
              <div className="nav-user">
                <LanguagePicker />
                {user ? (
                  <>
                    <Link
                      href={`/members/${user.personId}`}
                      className="user-link"
                      title={user.displayName}
                    >
                      <span className="visually-hidden">{t('nav.yourProfile')}</span>
                      {user.displayName}
                    </Link>
                    <button
                      type="button"
                      className="button small"
                      onClick={onSignOut}
                      aria-disabled={signingOut || undefined}
                    >
                      <LogOut className="icon" aria-hidden="true" size={16} />
                      {t('nav.signOut')}
                    </button>
                  </>
                ) : (
                  <Link href="/sign-in" className="button small">
                    <LogIn className="icon" aria-hidden="true" size={16} />
                    {t('nav.signIn')}
                  </Link>
                )}
              </div>
            </nav>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Announcer>{children}</Announcer>
      </main>
    </>
  );
}
