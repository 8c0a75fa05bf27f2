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

interface NavGroup {
  key: string;
  /** A group's name; the first group (the member's own pages) goes without. */
  label?: string;
  items: NavItem[];
}

/**
 * A group of links under its visible name. The list is not labelled by it: a form's "Sponsor"
 * field would then share its accessible name with the navigation's "Sponsors".
 */
function NavGroupList({ group }: { group: NavGroup }) {
  return (
    <div className="nav-group">
      {group.label ? <p className="nav-group-label">{group.label}</p> : null}
      <ul className="nav-links">
        {group.items.map((item) => (
          <NavLink key={item.href} {...item} />
        ))}
      </ul>
    </div>
  );
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

  // The links fall in groups a member reads at a glance: what to decide, the money, the
  // sponsors served, what the co-op keeps on record, and what administrators run.
  const home: NavItem[] = [];
  const decide: NavItem[] = [];
  const money: NavItem[] = [];
  const sponsors: NavItem[] = [];
  const record: NavItem[] = [];
  const admin: NavItem[] = [];
  if (user) {
    home.push({ href: '/', label: t('nav.dashboard') });
    home.push({ href: '/members', label: t('nav.members') });
    // A sponsor's representatives: their organization's standing, agreements, bills, labour.
    if (user.organizationId) home.push({ href: '/portal', label: t('nav.portal') });
    // Only what the member can use: no link to a list of pages that would say "not allowed".
    if (can?.readCycles) decide.push({ href: '/cycles', label: t('nav.cycles') });
    if (can?.takePart || can?.callVotes) decide.push({ href: '/votes', label: t('nav.votes') });
    if (can?.logOwnLabour || can?.decideSponsorLabour)
      decide.push({ href: '/labour', label: t('nav.labour') });
    if (can?.readBooks) money.push({ href: '/books', label: t('nav.books') });
    if (can?.readInvoices) money.push({ href: '/invoices', label: t('nav.invoices') });
  }
  decide.push({ href: '/bylaws', label: t('nav.bylaws') });
  if (can?.readAllAgreements || can?.readOwnAgreements) {
    money.push({ href: '/quotes', label: t('nav.quotes') });
    money.push({ href: '/agreements', label: t('nav.agreements') });
  }
  money.push({ href: '/tiers', label: t('nav.tiers') });
  if (can?.readCapacity) money.push({ href: '/capacity', label: t('nav.capacity') });
  if (!user) money.push({ href: '/finance', label: t('nav.finances') });
  if (can?.listOrganizations)
    sponsors.push({ href: '/organizations', label: t('nav.organizations') });
  if (can?.readPipeline) sponsors.push({ href: '/pipeline', label: t('nav.pipeline') });
  // Expert access: a sponsor's representatives ask, hackers and officers answer.
  if (can?.readAllRequests || can?.openRequests)
    sponsors.push({ href: '/requests', label: requestWords('list.title') });
  if (can?.readAllClocks || can?.readOwnClocks)
    sponsors.push({ href: '/clocks', label: serviceLevels('clocks.title') });
  if (can?.readVulnerabilities)
    sponsors.push({ href: '/vulnerabilities', label: vulnerabilityWords('list.title') });
  if (can?.readReleases) sponsors.push({ href: '/releases', label: releaseWords('nav') });
  // Reciprocal access: a sponsor keeps its concerns and answers consultations; those who
  // serve the sponsors see every consultation (and every sponsor's concerns) there.
  if (user?.organizationId && user.memberClass === 'sponsor')
    sponsors.push({ href: '/concerns', label: t('nav.ourConcerns') });
  if (can?.readAllAgreements || (user?.organizationId && user.memberClass === 'sponsor'))
    sponsors.push({ href: '/consultations', label: t('nav.consultations') });
  if (can?.manageSponsorDigests) sponsors.push({ href: '/digests', label: digestWords('nav') });
  if (user) record.push({ href: '/documents', label: t('nav.documents') });
  record.push({ href: '/log', label: t('nav.log') });
  if (can?.readRepositories) record.push({ href: '/contributions', label: t('nav.contributions') });
  if (can?.invite) admin.push({ href: '/invitations', label: t('nav.invitations') });
  if (can?.manageWebhooks) admin.push({ href: '/webhooks', label: t('nav.webhooks') });
  if (can?.manageWebhooks || can?.readEvents)
    admin.push({ href: '/event-types', label: t('nav.eventTypes') });
  if (can?.readOutbox) admin.push({ href: '/outbox', label: t('nav.outbox') });
  if (can?.readEvents) admin.push({ href: '/events', label: t('nav.events') });
  const groups: NavGroup[] = [
    { key: 'home', items: home },
    { key: 'decide', label: t('nav.group.decide'), items: decide },
    { key: 'money', label: t('nav.group.money'), items: money },
    { key: 'sponsors', label: t('nav.group.sponsors'), items: sponsors },
    { key: 'record', label: t('nav.group.record'), items: record },
    { key: 'admin', label: t('nav.group.admin'), items: admin },
  ].filter((group) => group.items.length > 0);

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
  const showNav = !session.setupRequired;
  return (
    <div className={showNav ? 'shell with-nav' : 'shell'}>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <div className="header-bar">
            <Link href="/" className="brand">
              {coopName}
            </Link>
            {showNav ? (
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
            ) : null}
          </div>
        </div>
      </header>
      {showNav ? (
        <nav
          id="site-nav"
          aria-label={t('nav.main')}
          className={open ? 'site-nav open' : 'site-nav'}
        >
          <div className="nav-inner">
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
            {groups.map((group) => (
              <NavGroupList key={group.key} group={group} />
            ))}
          </div>
        </nav>
      ) : null}
      <main id="main" tabIndex={-1}>
        <Announcer>{children}</Announcer>
      </main>
    </div>
  );
}
