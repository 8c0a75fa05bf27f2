import { Link } from 'wouter';

import { classPluralLabel, memberClasses, memberStatuses, statusLabel } from '../app/format.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useSession, useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { t as common } from '../app/messages.ts';
import { t } from './messages.ts';
import { WhatNeedsMe } from './WhatNeedsMe.tsx';

interface Section {
  href: string;
  title: string;
  text: string;
}

/** The co-op at a glance: who its members are, and where to go next. */
export function Dashboard() {
  const { session } = useSession();
  const user = useUser();
  const coop = useQuery('/api/coop');
  const outbox = useQuery(user.can.readOutbox ? '/api/outbox' : null, {
    params: { query: { limit: 500 } },
  });
  const held = outbox.data?.messages.filter((m) => m.status === 'held').length ?? 0;

  const sections: Section[] = [
    {
      href: '/members',
      title: common('nav.members'),
      text: t('sections.members'),
    },
  ];
  if (user.can.listOrganizations)
    sections.push({
      href: '/organizations',
      title: common('nav.organizations'),
      text: t('sections.organizations'),
    });
  if (user.can.readCycles)
    sections.push({
      href: '/cycles',
      title: common('nav.cycles'),
      text: t('sections.cycles'),
    });
  if (user.can.takePart || user.can.callVotes)
    sections.push({
      href: '/votes',
      title: common('nav.votes'),
      text: t('sections.votes'),
    });
  sections.push({
    href: '/bylaws',
    title: common('nav.bylaws'),
    text: t('sections.bylaws'),
  });
  if (user.can.invite)
    sections.push({
      href: '/invitations',
      title: common('nav.invitations'),
      text: t('sections.invitations'),
    });
  if (user.can.readOutbox)
    sections.push({ href: '/outbox', title: common('nav.outbox'), text: t('sections.outbox') });
  if (user.can.readEvents)
    sections.push({
      href: '/events',
      title: common('nav.events'),
      text: t('sections.events'),
    });

  const counts = coop.data?.memberCounts ?? [];
  const count = (memberClass: string, status: string) =>
    counts.find((c) => c.memberClass === memberClass && c.status === status)?.n ?? 0;
  const classTotal = (memberClass: string) =>
    counts.filter((c) => c.memberClass === memberClass).reduce((sum, c) => sum + c.n, 0);
  const statusTotal = (status: string) =>
    counts.filter((c) => c.status === status).reduce((sum, c) => sum + c.n, 0);
  const total = counts.reduce((sum, c) => sum + c.n, 0);

  return (
    <Page title={coop.data?.name ?? session.coop?.name ?? t('dashboard.title')}>
      <p className="lead">{t('dashboard.welcome', { name: user.displayName })}</p>

      {!user.hasPassword ? (
        <div className="notice notice-warning">
          <p>
            {t('dashboard.noPassword')}{' '}
            <Link href="/choose-password">{t('dashboard.choosePassword')}</Link>
            {t('dashboard.noPasswordAfter')}
          </p>
        </div>
      ) : null}

      {held > 0 ? (
        <div className="notice notice-warning">
          <p>
            <strong>{t('dashboard.held', { count: held })}</strong>{' '}
            {outbox.data?.smtpConfigured ? t('dashboard.undeliverable') : t('dashboard.noSmtp')}{' '}
            <Link href="/outbox">{t('dashboard.openOutbox')}</Link>.
          </p>
        </div>
      ) : null}

      <WhatNeedsMe />

      <section aria-labelledby="members-heading" className="card">
        <h2 id="members-heading">{t('dashboard.members')}</h2>
        {coop.error ? <LoadError error={coop.error} retry={coop.reload} /> : null}
        {coop.loading && !coop.data ? <Loading /> : null}
        {coop.data ? (
          <div className="table-scroll">
            <table className="counts">
              <caption className="visually-hidden">{t('dashboard.byClass')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.class')}</th>
                  {memberStatuses.map((s) => (
                    <th scope="col" key={s} className="num">
                      {statusLabel(s)}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('dashboard.total')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {memberClasses.map((c) => (
                  <tr key={c}>
                    <th scope="row">
                      <Link href={`/members?class=${c}`}>{classPluralLabel(c)}</Link>
                    </th>
                    {memberStatuses.map((s) => (
                      <td key={s} className="num">
                        {count(c, s)}
                      </td>
                    ))}
                    <td className="num">
                      <strong>{classTotal(c)}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('dashboard.allClasses')}</th>
                  {memberStatuses.map((s) => (
                    <td key={s} className="num">
                      {statusTotal(s)}
                    </td>
                  ))}
                  <td className="num">
                    <strong>{total}</strong>
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="sections-heading">
        <h2 id="sections-heading">{t('dashboard.sections')}</h2>
        <ul className="section-grid">
          {sections.map((s) => (
            <li key={s.href} className="card section-card">
              <Link href={s.href} className="section-link">
                {s.title}
              </Link>
              <p>{s.text}</p>
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
