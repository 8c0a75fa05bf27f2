import { sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../platform/actor.ts';
import { manualClock } from '../platform/clock.ts';
import { runCommand } from '../platform/commands.ts';
import { queryRows } from '../platform/db/rows.ts';
import { startSmtp } from '../testing/smtpServer.ts';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';
import { mailSponsorDigest } from './commands/mailSponsorDigest.ts';
import { scheduleSponsorDigests } from './jobs.ts';

const entitlements = {
  responseHours: { critical: 6, high: 24, normal: 72, low: null },
  expertHoursPerMonth: 4,
  reciprocalAccess: true,
  meetingsPerYear: 4,
  digest: 'monthly',
  publicAcknowledgement: true,
};

interface Summary {
  id: string;
  organizationName: string;
  from: string;
  to: string;
  state: string;
  frequency: string;
}
interface Digest {
  state: string;
  note: string;
  subject: string;
  text: string;
  html: string;
  contentHash: string;
  mailedTo: { email: string }[];
}

describe('sponsor digests', () => {
  const clock = manualClock('2027-01-10T09:00:00Z');
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let app: TestApp;
  let admin: TestClient;
  let hacker: TestClient;
  let rita: TestClient;
  let gus: TestClient;
  let acme: string;
  let globex: string;
  let coopId: string;
  let acmeDigest: string;
  let globexDigest: string;

  /** The digests mailed to an address, parsed (the other mail it got left aside). */
  const digestsTo = async (address: string) =>
    (
      await Promise.all(
        smtp.received.filter((m) => m.to.includes(address)).map((m) => simpleParser(m.data)),
      )
    ).filter((m) => m.attachments.length > 0);

  const summaries = async (client: TestClient, query = '') =>
    (await client.get<{ digests: Summary[] }>(`/api/sponsor-digests${query}`)).body.digests;

  beforeAll(async () => {
    smtp = await startSmtp();
    app = await startTestApp(
      { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Co-op <coop@example.org>' },
      { clock },
    );
    admin = await setUpCoop(app);
    coopId = (await admin.get<{ coop: { id: string } }>('/api/session')).body.coop.id;
    acme = (await admin.post<{ id: string }>('/api/organizations', { legalName: 'ACME Ltd' })).body
      .id;
    globex = (await admin.post<{ id: string }>('/api/organizations', { legalName: 'Globex GmbH' }))
      .body.id;
    rita = (
      await addMember(
        app,
        admin,
        { email: 'rita@acme.example', name: 'Rita', memberClass: 'sponsor', organizationId: acme },
        '10.50.0.1',
      )
    ).client;
    const gusMember = await addMember(
      app,
      admin,
      { email: 'gus@globex.example', name: 'Gus', memberClass: 'sponsor', organizationId: globex },
      '10.50.0.2',
    );
    gus = gusMember.client;
    expect((await gus.patch(`/api/members/${gusMember.personId}`, { locale: 'de' })).status).toBe(
      204,
    );
    const hal = await addMember(
      app,
      admin,
      { email: 'hal@example.org', name: 'Hal', memberClass: 'hacker' },
      '10.50.0.3',
    );
    hacker = hal.client;
    const tier = await admin.post<{ id: string }>('/api/tiers', {
      slug: 'gold',
      name: 'Gold',
      price: '12000.00',
      currency: 'EUR',
      periodMonths: 12,
      entitlements,
      serviceHoursPerMonth: 4,
    });
    expect(tier.status).toBe(201);
    for (const organizationId of [acme, globex])
      expect(
        (
          await admin.post('/api/agreements', {
            organizationId,
            title: 'Support',
            startsOn: '2026-01-01',
            termMonths: 24,
            lines: [{ tierId: tier.body.id }],
            billingContacts: [{ name: 'AP', email: 'ap@example.org' }],
          })
        ).status,
      ).toBe(201);
    // ACME depends on TLS; a hacker's item tagged `tls` touches it, another item does not.
    expect(
      (await rita.post(`/api/organizations/${acme}/concerns`, { topics: ['tls'] })).status,
    ).toBe(204);
    const item = async (title: string) =>
      (
        await hacker.post<{ id: string }>('/api/work-items', {
          title,
          kind: 'feature',
          originClass: 'hackers',
          estimateHours: 10,
        })
      ).body.id;
    const tls = await item('Drop TLS 1.1');
    const other = await item('Rewrite the docs theme');
    expect(
      (await hacker.post(`/api/items/work-item/${tls}/topics`, { topics: ['tls'] })).status,
    ).toBeLessThan(300);
    // ACME is consulted on the TLS item in January, and objects.
    const consulted = await hacker.post<{ id: string }>(
      `/api/items/work-item/${tls}/consultations`,
      {
        whatChanges: 'TLS 1.1 connections will be refused.',
        answerBy: '2027-01-25',
      },
    );
    expect(consulted.status).toBe(201);
    expect(
      (
        await rita.post(`/api/consultations/${consulted.body.id}/answers`, {
          kind: 'object',
          comment: 'Our terminals need it until June.',
        })
      ).status,
    ).toBe(201);
    // The next cycle, still taking proposals: the TLS follow-up in it touches ACME.
    const cycle = await admin.post<{ id: string }>('/api/cycles', {
      title: '2027 Q2',
      votingOpensAt: '2027-03-01T00:00:00Z',
      votingClosesAt: '2027-03-15T00:00:00Z',
      startsOn: '2027-04-01',
      surveyMethod: 'approval',
    });
    expect(cycle.status).toBe(201);
    const followUp = await hacker.post<{ id: string }>('/api/work-items', {
      cycleId: cycle.body.id,
      title: 'Remove the TLS 1.1 code paths',
      kind: 'feature',
      originClass: 'hackers',
      estimateHours: 24,
    });
    expect(followUp.status).toBe(201);
    await hacker.post(`/api/items/work-item/${followUp.body.id}/topics`, { topics: ['tls'] });
    await hacker.post('/api/work-items', {
      cycleId: cycle.body.id,
      title: 'Faster CI runners',
      kind: 'infrastructure',
      originClass: 'hackers',
      estimateHours: 8,
    });
    // A vulnerability disclosed in January: the tier's 6-hour critical response qualifies ACME.
    const vulnerability = await admin.post<{ id: string }>('/api/vulnerabilities', {
      title: 'Downgrade in the TLS handshake',
      identifiers: ['CVE-2027-10001'],
      severity: 'high',
      affected: [{ project: 'engine', versions: '< 3.2.1' }],
      embargoUntil: '2027-01-12T10:00:00Z',
    });
    expect(vulnerability.status).toBe(201);
    expect(
      (
        await admin.post(`/api/vulnerabilities/${vulnerability.body.id}/disclose`, {
          publicAt: '2027-01-12T10:00:00Z',
        })
      ).status,
    ).toBeLessThan(300);
    // Releases and planned changes: two on ACME's `tls`, one on no sponsor's topic, one withdrawn.
    const announce = async (body: Record<string, unknown>, topics: string[]) => {
      const made = await hacker.post<{ id: string }>('/api/releases', body);
      expect(made.status).toBe(201);
      expect(
        (await hacker.post(`/api/items/release/${made.body.id}/topics`, { topics })).status,
      ).toBe(204);
      return made.body.id;
    };
    const engine = await announce(
      {
        project: 'engine',
        version: '3.3.0',
        kind: 'release',
        title: 'Engine 3.3',
        plannedOn: '2027-01-09',
      },
      ['tls'],
    );
    expect((await hacker.post(`/api/releases/${engine}/publish`)).status).toBe(200);
    await announce(
      {
        project: 'engine',
        kind: 'end-of-support',
        title: 'TLS 1.0 support ends',
        plannedOn: '2027-01-28',
      },
      ['tls'],
    );
    await announce(
      {
        project: 'docs',
        version: '2.0',
        kind: 'release',
        title: 'Docs theme 2.0',
        plannedOn: '2027-01-20',
      },
      ['docs'],
    );
    const withdrawn = await announce(
      {
        project: 'engine',
        kind: 'breaking-change',
        title: 'Config format v3',
        plannedOn: '2027-01-15',
      },
      ['tls'],
    );
    expect((await hacker.post(`/api/releases/${withdrawn}/withdraw`)).status).toBe(204);
    await announce(
      { project: 'engine', kind: 'deprecation', title: 'The v1 API goes', plannedOn: '2027-02-15' },
      ['tls'],
    );
    const log = (workItemId: string, workedOn: string, hours: number) =>
      hacker.post('/api/time-entries', { workItemId, workedOn, hours });
    expect((await log(tls, '2027-01-08', 3.5)).status).toBe(201);
    expect((await log(tls, '2027-02-01', 2)).status).toBe(201); // the next period
    expect((await log(other, '2027-01-08', 6)).status).toBe(201);
    const request = await rita.post<{ id: string }>('/api/requests', {
      subject: 'Handshake fails after the upgrade',
      details: 'Our clients fail.',
      severity: 'high',
    });
    expect(request.status).toBe(201);
    clock.set('2027-01-10T10:30:00Z');
    expect(
      (
        await hacker.post(`/api/requests/${request.body.id}/replies`, {
          body: 'Fixed in 3.2.1.',
          minutesSpent: 45,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await admin.post('/api/opportunities', {
          organizationId: acme,
          title: 'More support',
          amount: '5000.00',
          currency: 'EUR',
          expectedCloseOn: '2027-06-30',
          engineerMonths: '18.5',
        })
      ).status,
    ).toBe(201);
    await app.drainJobs();
  });
  afterAll(async () => {
    await app?.stop();
    await smtp?.close();
  });

  it('prepares, every day, the digests of the month that ended, once each', async () => {
    clock.set('2027-02-03T06:00:00Z');
    await scheduleSponsorDigests(app.database.db, clock.now());
    await app.drainJobs();
    await scheduleSponsorDigests(app.database.db, clock.now()); // the same day: nothing new
    await app.drainJobs();
    const list = await summaries(admin);
    expect(list.map((d) => [d.organizationName, d.from, d.to, d.state, d.frequency])).toEqual([
      ['ACME Ltd', '2027-01-01', '2027-01-31', 'prepared', 'monthly'],
      ['Globex GmbH', '2027-01-01', '2027-01-31', 'prepared', 'monthly'],
    ]);
    acmeDigest = list[0]!.id;
    globexDigest = list[1]!.id;
  });

  it('assembles what was done for the sponsor alone, with hours and engineer-months', async () => {
    const digest = (await admin.get<Digest>(`/api/sponsor-digests/${acmeDigest}`)).body;
    expect(digest.state).toBe('prepared');
    expect(digest.text).toContain('Drop TLS 1.1 | 3 h 30 min | under way');
    expect(digest.text).not.toContain('Rewrite the docs theme'); // touches no concern of ACME's
    expect(digest.text).toContain('1: Handshake fails after the upgrade | high | 1 h 30 min');
    expect(digest.text).toContain('| 0 h 45 min |');
    // 3 h 30 min of time entries and 45 minutes on the request: 4 h 15 min, 0.0266 months.
    expect(digest.text).toContain(
      'The co-op spent 4 h 15 min on you in this period: 0.0 engineer-months',
    );
    expect(digest.text).toContain('would take 18.5 engineer-months');
    expect(digest.text).toContain('Agreement A-0001 (Gold): €12,000.00 every 12 months.');
    expect(digest.text).toContain(
      '- Drop TLS 1.1 (answer wanted by 25 Jan 2027): you objected. TLS 1.1 connections will be refused.',
    );
    expect(digest.text).toContain(
      '2027 Q2, 1 Apr 2027 to 30 Jun 2027 (proposed, before the vote):',
    );
    expect(digest.text).toContain('- Remove the TLS 1.1 code paths: 24 h');
    expect(digest.text).not.toContain('Faster CI runners');
    expect(digest.text).toMatch(
      /- Downgrade in the TLS handshake \(CVE-2027-10001, high\), public on 12 Jan 2027: your impact note (is being written|came later than 6 hours)/,
    );
    // Releases and changes on its topics in January: published on the 10th, or planned.
    expect(digest.text).toContain(
      '- Engine 3.3 (release, engine 3.3.0): published on 10 Jan 2027\n- TLS 1.0 support ends (end of support, engine): planned for 28 Jan 2027',
    );
    expect(digest.text).not.toContain('Docs theme 2.0'); // no topic of ACME's
    expect(digest.text).not.toContain('Config format v3'); // withdrawn
    expect(digest.text).not.toContain('The v1 API goes'); // planned for February
    expect(digest.text).not.toContain('no separate record');
    const german = (await admin.get<Digest>(`/api/sponsor-digests/${acmeDigest}?locale=de`)).body;
    expect(german.text).toContain(
      '- Engine 3.3 (Release, engine 3.3.0): veröffentlicht am 10.01.2027\n- TLS 1.0 support ends (Ende der Unterstützung, engine): geplant für den 28.01.2027',
    );
    expect(digest.html).toContain('<table>');
    const globexText = (await admin.get<Digest>(`/api/sponsor-digests/${globexDigest}`)).body.text;
    expect(globexText).not.toContain('Handshake');
    expect(globexText).not.toContain('Drop TLS 1.1');
    expect(globexText).not.toContain('Remove the TLS 1.1 code paths');
    // A disclosed vulnerability is public: every sponsor's digest names it, with its own clock.
    expect(globexText).toContain('Downgrade in the TLS handshake');
    expect(globexText).toContain('We asked you about no planned change in this period.');
    expect(globexText).toContain(
      'No release or planned change touching your topics falls in this period.',
    );
  });

  it('lets an officer prepare another period on demand, and speaks the language asked', async () => {
    const made = await admin.post<{ id: string; created: boolean }>('/api/sponsor-digests', {
      organizationId: acme,
      day: '2026-12-15',
    });
    expect(made.status).toBe(201);
    expect(made.body.created).toBe(true);
    const german = await admin.get<Digest>(`/api/sponsor-digests/${made.body.id}?locale=de`);
    expect(german.body.subject).toBe(
      'Ihr monatlicher Bericht von Test Hackers Co-op: 01.12.2026 bis 31.12.2026',
    );
    const none = await admin.post<{ errors: { pointer: string }[] }>('/api/sponsor-digests', {
      organizationId: (
        await admin.post<{ id: string }>('/api/organizations', { legalName: 'Initech Inc' })
      ).body.id,
    });
    expect(none.status).toBe(400);
    expect(none.body.errors.map((e) => e.pointer)).toEqual(['/frequency']);
    // A week and a month that start on the same Monday are two periods, two digests.
    const month = await admin.post<{ id: string }>('/api/sponsor-digests', {
      organizationId: acme,
      day: '2026-06-10',
    });
    const week = await admin.post<{ id: string }>('/api/sponsor-digests', {
      organizationId: acme,
      day: '2026-06-03',
      frequency: 'weekly',
    });
    expect([month.status, week.status]).toEqual([201, 201]);
    expect(week.body.id).not.toBe(month.body.id);
  });

  it('shows a sponsor nothing before it is sent, and hackers nothing at all', async () => {
    // Officers are asked to read and send what waits; nobody else is.
    const send = async (who: TestClient) =>
      (await who.get<{ items: { kind: string; href: string }[] }>('/api/todo')).body.items.filter(
        (i) => i.kind === 'send-digests',
      );
    expect(await send(admin)).toEqual([expect.objectContaining({ href: '/digests' })]);
    expect(await send(rita)).toEqual([]);
    expect(await send(hacker)).toEqual([]);
    expect(await summaries(rita)).toEqual([]);
    expect((await rita.get(`/api/sponsor-digests/${acmeDigest}`)).status).toBe(404);
    expect((await rita.get(`/api/sponsor-digests/${acmeDigest}/pdf`)).status).toBe(404);
    expect((await hacker.get('/api/sponsor-digests')).status).toBe(403);
    expect((await rita.post(`/api/sponsor-digests/${acmeDigest}/send`)).status).toBe(403);
    expect(
      (await rita.patch(`/api/sponsor-digests/${acmeDigest}`, { note: 'Looks good' })).status,
    ).toBe(403);
  });

  it('takes the officer’s note, sends once, and keeps the sent digest as sent', async () => {
    const edited = await admin.patch<{ contentHash: string }>(
      `/api/sponsor-digests/${acmeDigest}`,
      {
        note: 'Thank you for the **early** report <script>alert(1)</script>.',
      },
    );
    expect(edited.status).toBe(200);
    const sent = await admin.post(`/api/sponsor-digests/${acmeDigest}/send`);
    expect(sent.status).toBe(200);
    expect((await admin.post(`/api/sponsor-digests/${acmeDigest}/send`)).status).toBe(409);
    expect((await admin.patch(`/api/sponsor-digests/${acmeDigest}`, { note: 'x' })).status).toBe(
      409,
    );
    expect(
      (await admin.post('/api/sponsor-digests', { organizationId: acme, day: '2027-01-20' }))
        .status,
    ).toBe(409);
    const refusal = (query: Promise<unknown>) =>
      query.then(
        () => 'changed',
        (error: Error) => String(error.cause ?? error),
      );
    expect(
      await refusal(
        app.database.db.execute(
          sql`update sponsor_digests set note = 'changed' where id = ${acmeDigest}`,
        ),
      ),
    ).toMatch(/a sent sponsor digest is kept as sent \(UPDATE refused\)/);
    expect(
      await refusal(
        app.database.db.execute(sql`delete from sponsor_digests where id = ${acmeDigest}`),
      ),
    ).toMatch(/kept as sent \(DELETE refused\)/);
    const digest = (await admin.get<Digest>(`/api/sponsor-digests/${acmeDigest}`)).body;
    expect(digest.contentHash).toBe(edited.body.contentHash);
    // The note is the officer's words, shown as text: never markup in the HTML.
    expect(digest.html).not.toContain('<script>');
    expect(digest.html).toContain('&lt;script&gt;');
  });

  it('mails it once to the representatives, as text, HTML and the PDF', async () => {
    await app.drainJobs();
    const toRita = await digestsTo('rita@acme.example');
    expect(toRita).toHaveLength(1);
    const mail = toRita[0]!;
    expect(mail.subject).toBe(
      'Your monthly digest from Test Hackers Co-op: 1 Jan 2027 to 31 Jan 2027',
    );
    expect(mail.text).toContain('Hello Rita,');
    expect(mail.text).toContain('Drop TLS 1.1 | 3 h 30 min');
    expect(mail.html).toContain('<td>Drop TLS 1.1</td>');
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['digest-2027-01-01-2027-01-31.pdf', 'application/pdf'],
    ]);
    expect(mail.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
    // A second delivery of the event mails no one again.
    const again = await runCommand(
      mailSponsorDigest,
      { digestId: acmeDigest },
      { db: app.database.db, actor: systemActor(coopId), publicUrl: 'http://coop.test' },
    );
    expect(again).toEqual({ mailed: 0 });
    await app.drainJobs();
    expect(await digestsTo('rita@acme.example')).toHaveLength(1);
    const rows = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from outbox where kind = 'sponsor-digest'`,
    );
    expect(rows[0]!.n).toBe(1);
    expect(
      (await admin.get<Digest>(`/api/sponsor-digests/${acmeDigest}`)).body.mailedTo,
    ).toMatchObject([{ email: 'rita@acme.example' }]);
  });

  it('keeps the sent digest in the sponsor’s portal, never in another sponsor’s', async () => {
    expect((await summaries(rita)).map((d) => d.id)).toEqual([acmeDigest]);
    const own = await rita.get<Digest>(`/api/sponsor-digests/${acmeDigest}`);
    expect(own.status).toBe(200);
    expect(own.body.mailedTo).toEqual([]);
    const pdf = await rita.get<string>(`/api/sponsor-digests/${acmeDigest}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(await summaries(gus)).toEqual([]);
    expect(await summaries(gus, `?organizationId=${acme}`)).toEqual([]);
    expect((await gus.get(`/api/sponsor-digests/${acmeDigest}`)).status).toBe(404);
    expect((await gus.get(`/api/sponsor-digests/${acmeDigest}/pdf`)).status).toBe(404);
  });

  it('writes to a German reader in German', async () => {
    expect((await admin.post(`/api/sponsor-digests/${globexDigest}/send`)).status).toBe(200);
    await app.drainJobs();
    const toGus = await digestsTo('gus@globex.example');
    expect(toGus).toHaveLength(1);
    const mail = toGus[0]!;
    expect(mail.subject).toBe(
      'Ihr monatlicher Bericht von Test Hackers Co-op: 01.01.2027 bis 31.01.2027',
    );
    expect(mail.text).toContain('Guten Tag Gus,');
    expect(mail.text).toContain('Vereinbarung A-0002 (Gold): 12.000,00 € alle 12 Monate.');
    expect(mail.html).toContain('<html lang="de">');
  });
});
