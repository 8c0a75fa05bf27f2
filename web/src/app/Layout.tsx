import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useSession } from './session.tsx';

interface NavItem {
  href: string;
  label: string;
}

function NavLink({ href, label }: NavItem) {
  const [location] = useLocation();
  const current =
    href === '/' ? location === '/' : location === href || location.startsWith(`${href}/`);
  return (
    <li>
      <Link href={href} aria-current={current ? 'page' : undefined}>
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
    items.push({ href: '/', label: 'Dashboard' });
    items.push({ href: '/members', label: 'Members' });
    // Only what the member can use: no link to a list of pages that would say "not allowed".
    if (can?.listOrganizations) items.push({ href: '/organizations', label: 'Organizations' });
    if (can?.readCycles) items.push({ href: '/cycles', label: 'Cycles' });
    if (can?.takePart || can?.callVotes) items.push({ href: '/votes', label: 'Votes' });
    if (can?.readBooks) items.push({ href: '/books', label: 'Books' });
    if (can?.readInvoices) items.push({ href: '/invoices', label: 'Invoices' });
  }
  if (can?.readAllAgreements || can?.readOwnAgreements) {
    items.push({ href: '/quotes', label: 'Quotes' });
    items.push({ href: '/agreements', label: 'Agreements' });
  }
  if (can?.readCapacity) items.push({ href: '/capacity', label: 'Capacity' });
  if (user) items.push({ href: '/documents', label: 'Documents' });
  items.push({ href: '/tiers', label: 'Tiers' });
  items.push({ href: '/bylaws', label: 'Bylaws' });
  if (!user) items.push({ href: '/finance', label: 'Finances' });
  items.push({ href: '/log', label: 'Transparency log' });
  if (can?.invite) items.push({ href: '/invitations', label: 'Invitations' });
  if (can?.readRepositories) items.push({ href: '/contributions', label: 'Contributions' });
  if (can?.manageWebhooks) items.push({ href: '/webhooks', label: 'Webhooks' });
  if (can?.manageWebhooks || can?.readEvents)
    items.push({ href: '/event-types', label: 'Event types' });
  if (can?.readOutbox) items.push({ href: '/outbox', label: 'Outbox' });
  if (can?.readEvents) items.push({ href: '/events', label: 'Event log' });

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
        Skip to content
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
                <span className="menu-icon" aria-hidden="true" />
                Menu
              </button>
            )}
          </div>
          {session.setupRequired ? null : (
            <nav id="site-nav" aria-label="Main" className={open ? 'site-nav open' : 'site-nav'}>
              <ul className="nav-links">
                {items.map((item) => (
                  <NavLink key={item.href} {...item} />
                ))}
              </ul>
              <div className="nav-user">
                {user ? (
                  <>
                    <Link
                      href={`/members/${user.personId}`}
                      className="user-link"
                      title={user.displayName}
                    >
                      <span className="visually-hidden">Your profile: </span>
                      {user.displayName}
                    </Link>
                    <button
                      type="button"
                      className="button small"
                      onClick={onSignOut}
                      aria-disabled={signingOut || undefined}
                    >
                      Sign out
                    </button>
                  </>
                ) : (
                  <Link href="/sign-in" className="button small">
                    Sign in
                  </Link>
                )}
              </div>
            </nav>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
