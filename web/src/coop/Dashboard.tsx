import { Link } from 'wouter';

import { classPluralLabel, memberClasses, memberStatuses, statusLabel } from '../app/format.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useSession, useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
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
      title: 'Members',
      text: 'The directory of hackers, sponsors and community.',
    },
  ];
  if (user.can.listOrganizations)
    sections.push({
      href: '/organizations',
      title: 'Organizations',
      text: 'Sponsors and other organizations, with billing details and contacts.',
    });
  if (user.can.readCycles)
    sections.push({
      href: '/cycles',
      title: 'Cycles',
      text: 'Propose work, vote within your slice of the pie, and see the published plan.',
    });
  if (user.can.takePart || user.can.callVotes)
    sections.push({
      href: '/votes',
      title: 'Votes',
      text: 'Proposals and officer elections, their ballots and counts.',
    });
  sections.push({
    href: '/bylaws',
    title: 'Bylaws',
    text: 'The pie, decisions, officers and their history.',
  });
  if (user.can.invite)
    sections.push({
      href: '/invitations',
      title: 'Invitations',
      text: 'Invite new members and import them from a spreadsheet.',
    });
  if (user.can.readOutbox)
    sections.push({ href: '/outbox', title: 'Outbox', text: 'Mail the co-op sent or holds.' });
  if (user.can.readEvents)
    sections.push({
      href: '/events',
      title: 'Event log',
      text: 'Everything that happened, in order.',
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
    <Page title={coop.data?.name ?? session.coop?.name ?? 'Dashboard'}>
      <p className="lead">Welcome, {user.displayName}.</p>

      {!user.hasPassword ? (
        <div className="notice notice-warning">
          <p>
            You signed in with a one-time code and have no password yet.{' '}
            <Link href="/choose-password">Choose a password</Link> so that you can sign in again.
          </p>
        </div>
      ) : null}

      {held > 0 ? (
        <div className="notice notice-warning">
          <p>
            <strong>
              {held === 1 ? '1 message is' : `${held} messages are`} held in the outbox.
            </strong>{' '}
            {outbox.data?.smtpConfigured
              ? 'They could not be delivered.'
              : 'No mail server is configured, so the co-op keeps its mail for you to forward by hand.'}{' '}
            <Link href="/outbox">Open the outbox</Link>.
          </p>
        </div>
      ) : null}

      <WhatNeedsMe />

      <section aria-labelledby="members-heading" className="card">
        <h2 id="members-heading">Members</h2>
        {coop.error ? <LoadError error={coop.error} retry={coop.reload} /> : null}
        {coop.loading && !coop.data ? <Loading /> : null}
        {coop.data ? (
          <div className="table-scroll">
            <table className="counts">
              <caption className="visually-hidden">Members by class and status</caption>
              <thead>
                <tr>
                  <th scope="col">Class</th>
                  {memberStatuses.map((s) => (
                    <th scope="col" key={s} className="num">
                      {statusLabel(s)}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    Total
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
                  <th scope="row">All classes</th>
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
        <h2 id="sections-heading">Sections</h2>
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
