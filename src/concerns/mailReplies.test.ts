import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveInboundMail } from '../inboundMail.ts';
import { manualClock } from '../platform/clock.ts';
import { openDatabase } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/rows.ts';
import { readInboundMail, replyTokenIn } from '../platform/inboundMail.ts';
import { runCli } from '../testing/serverProcess.ts';
import { addMember, setUpCoop, startTestApp, type TestApp } from '../testing/testApp.ts';
import { signRetainers } from '../testing/retainers.ts';
import { answerFromReply } from './mailReplies.ts';

const replyTo = 'coop+{token}@replies.test';

/** A reply as a mail client writes one: the new words on top, the mail it answers quoted below. */
const replyMail = (headers: string, body: string) =>
  `${headers}\r\nFrom: Someone <someone@example.org>\r\nSubject: Re: Your view wanted\r\n` +
  `MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n` +
  `Content-Transfer-Encoding: 8bit\r\n\r\n${body.replace(/\n/g, '\r\n')}`;

describe('the answer a reply gives', () => {
  it.each([
    ['ACK', 'acknowledge', ''],
    ['Ok, fine by us after March.', 'acknowledge', 'fine by us after March.'],
    ['OBJECT: our terminals need TLS 1.1.', 'object', 'our terminals need TLS 1.1.'],
    ['We object - too soon.', 'object', 'too soon.'],
    ['Widerspruch: zu früh.', 'object', 'zu früh.'],
    ['Zur Kenntnis genommen.', 'acknowledge', ''],
    ['Objectively, this is fine.', 'comment', 'Objectively, this is fine.'],
    ['Can it wait until June?', 'comment', 'Can it wait until June?'],
  ])('%j is %s', (reply, kind, comment) => {
    expect(answerFromReply(reply)).toEqual({ kind, comment });
  });

  it('finds the secret in any recipient whatever the case, and only in the co-op’s form', () => {
    expect(replyTokenIn(['a@b.test', 'COOP+C-AB12CD34EF@REPLIES.TEST'], replyTo)).toBe(
      'c-ab12cd34ef',
    );
    expect(replyTokenIn(['coop+c-ab12cd34ef@elsewhere.test'], replyTo)).toBeNull();
    expect(replyTokenIn(['coop@replies.test'], replyTo)).toBeNull();
  });

  it('reads a quoted-printable German reply, quote and signature taken off', async () => {
    const mail = await readInboundMail(
      [
        'Delivered-To: coop+c-0123456789@replies.test',
        'To: Genossenschaft <coop@localhost>',
        'From: Gus <gus@globex.example>',
        'Subject: AW: Ihre Einschätzung',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=iso-8859-1',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'OK, passt f=FCr uns.',
        '',
        '--=20',
        'Gus M=FCller, Globex',
        '',
        'Am 01.03.2027 um 10:00 schrieb Genossenschaft <coop@localhost>:',
        '> Guten Tag Gus,',
        '> die Genossenschaft plant eine =C4nderung.',
        '',
      ].join('\r\n'),
    );
    expect(mail.from).toBe('gus@globex.example');
    expect(mail.recipients).toContain('coop+c-0123456789@replies.test');
    expect(mail.reply).toBe('OK, passt für uns.');
  });
});

describe('answering a consultation by replying to its mail', () => {
  const clock = manualClock('2027-03-01T09:00:00Z');
  let app: TestApp;
  let coopId: string;
  let consultation: string;

  const outbox = () =>
    queryRows<{ to_address: string; reply_to: string | null; body: string }>(
      app.database.db,
      sql`select to_address, reply_to, body from outbox where kind = 'consultation' order by to_address`,
    );
  const answers = () =>
    queryRows<{ organization: string; kind: string; comment: string; via: string }>(
      app.database.db,
      sql`select o.legal_name as organization, a.kind, a.comment, a.via from consultation_answers a
          join organizations o on o.coop_id = a.coop_id and o.id = a.organization_id
          order by a.answered_at, o.legal_name`,
    );

  beforeAll(async () => {
    app = await startTestApp({ MAIL_REPLY_TO: replyTo }, { clock });
    const admin = await setUpCoop(app);
    coopId = (await admin.get<{ coop: { id: string } }>('/api/session')).body.coop.id;
    const organizations: Record<string, string> = {};
    for (const [name, email, locale] of [
      ['ACME Ltd', 'rita@acme.example', 'en'],
      ['Globex GmbH', 'gus@globex.example', 'de'],
    ] as const) {
      const id = (await admin.post<{ id: string }>('/api/organizations', { legalName: name })).body
        .id;
      organizations[name] = id;
      await signRetainers(admin, [id], {
        slug: `gold-${locale}`,
        reciprocalAccess: true,
        startsOn: '2027-01-01',
      });
      const rep = await addMember(app, admin, {
        email,
        name: email.split('@')[0]!,
        memberClass: 'sponsor',
        organizationId: id,
      });
      await rep.client.patch(`/api/members/${rep.personId}`, { locale });
      expect(
        (await rep.client.post(`/api/organizations/${id}/concerns`, { topics: ['tls'] })).status,
      ).toBe(204);
    }
    const hacker = (
      await addMember(app, admin, { email: 'hal@example.org', name: 'Hal', memberClass: 'hacker' })
    ).client;
    const item = (
      await hacker.post<{ id: string }>('/api/work-items', {
        title: 'Drop TLS 1.1',
        kind: 'feature',
        originClass: 'hackers',
        estimateHours: 10,
      })
    ).body.id;
    expect(
      (await hacker.post(`/api/items/work-item/${item}/topics`, { topics: ['tls'] })).status,
    ).toBeLessThan(300);
    const opened = await hacker.post<{ id: string }>(`/api/items/work-item/${item}/consultations`, {
      whatChanges: 'TLS 1.1 connections will be refused.',
      answerBy: '2027-03-15',
    });
    expect(opened.status).toBe(201);
    consultation = opened.body.id;
    await app.drainJobs();
    await app.drainJobs();
  });
  /** Set once the last test has let go of the app's database for the CLI's process. */
  let released = false;
  afterAll(() => (released ? app.target.drop() : app.stop()));

  it('mails each contact a reply address of their own and says how to reply', async () => {
    const mails = await outbox();
    expect(mails.map((m) => m.to_address)).toEqual(['gus@globex.example', 'rita@acme.example']);
    for (const mail of mails) expect(mail.reply_to).toMatch(/^coop\+c-[0-9a-f]{40}@replies\.test$/);
    expect(mails[0]!.reply_to).not.toBe(mails[1]!.reply_to);
    expect(mails[0]!.body).toContain('WIDERSPRUCH');
    expect(mails[1]!.body).toContain('begin your reply with ACK');
    const events = await queryRows<{ data: string }>(
      app.database.db,
      sql`select data::text from events where coop_id = ${coopId}`,
    );
    for (const mail of mails)
      expect(JSON.stringify(events)).not.toContain(mail.reply_to!.slice(5, 47));
  });

  it('records a reply as the answer its first word says, without the mail it quotes', async () => {
    const [gus, rita] = await outbox();
    const received = await receiveInboundMail(
      app.database.db,
      replyTo,
      'http://coop.test',
      replyMail(
        `To: ${rita!.reply_to!.toUpperCase()}`,
        'OBJECT: our build farm needs TLS 1.1 until June.\n\nOn Mon, 1 Mar 2027 at 10:00, Co-op <coop@localhost> wrote:\n> Hello rita,\n> The co-op plans a change.\n',
      ),
    );
    expect(received.outcome).toBe('recorded');
    expect(
      (
        await receiveInboundMail(
          app.database.db,
          replyTo,
          'http://coop.test',
          replyMail(
            `To: Co-op <coop@localhost>\r\nDelivered-To: ${gus!.reply_to}`,
            'Zur Kenntnis genommen.\n\nAm 01.03.2027 um 10:00 schrieb Genossenschaft <coop@localhost>:\n> Guten Tag gus,\n',
          ),
        )
      ).outcome,
    ).toBe('recorded');
    expect(await answers()).toEqual([
      {
        organization: 'ACME Ltd',
        kind: 'object',
        comment: 'our build farm needs TLS 1.1 until June.',
        via: 'mail',
      },
      { organization: 'Globex GmbH', kind: 'acknowledge', comment: '', via: 'mail' },
    ]);
    const [{ data }] = (await queryRows<{ data: { via: string; kind: string } }>(
      app.database.db,
      sql`select data from events where type = 'consultation.answered' order by seq limit 1`,
    )) as [{ data: { via: string; kind: string } }];
    expect(data).toMatchObject({ via: 'mail', kind: 'object' });
  });

  it('refuses a reply to an unknown address or without words of its own, recording nothing', async () => {
    const before = (await answers()).length;
    const unknown = await receiveInboundMail(
      app.database.db,
      replyTo,
      'http://coop.test',
      replyMail(`To: coop+c-${'0'.repeat(40)}@replies.test`, 'ACK'),
    );
    expect(unknown.outcome).toBe('unknown-address');
    const stranger = await receiveInboundMail(
      app.database.db,
      replyTo,
      'http://coop.test',
      replyMail('To: coop@replies.test', 'ACK'),
    );
    expect(stranger.outcome).toBe('unknown-address');
    const [gus, rita] = await outbox();
    const onlyQuote = await receiveInboundMail(
      app.database.db,
      replyTo,
      'http://coop.test',
      replyMail(`To: ${rita!.reply_to}`, '\nOn Mon, 1 Mar 2027, Co-op wrote:\n> Hello rita,\n'),
    );
    // The bounce tells the sender why, in the language of the mail they answer.
    expect(onlyQuote).toEqual({
      outcome: 'refused',
      message:
        'Your reply was not recorded: once the quoted mail is taken off, it has no words of its own. Write your answer above the quoted mail, or answer at the link in the consultation mail.',
    });
    const objectionWithoutWhy = await receiveInboundMail(
      app.database.db,
      replyTo,
      'http://coop.test',
      replyMail(`To: ${rita!.reply_to}`, 'OBJECT'),
    );
    expect(objectionWithoutWhy.message).toMatch(/an objection needs a reason/);
    // Gus reads German; the English follows for the operator's log.
    const germanQuote = await receiveInboundMail(
      app.database.db,
      replyTo,
      'http://coop.test',
      replyMail(
        `To: ${gus!.reply_to}`,
        '\nAm 01.03.2027 um 10:00 schrieb Genossenschaft <coop@localhost>:\n> Guten Tag gus,\n',
      ),
    );
    expect(germanQuote).toEqual({
      outcome: 'refused',
      message:
        'Ihre Antwort wurde nicht erfasst: Ohne die zitierte Mail enthält sie keine eigenen Worte. Schreiben Sie Ihre Antwort über die zitierte Mail, oder antworten Sie über den Link in der Mail zur Konsultation.\n(Invalid input: The reply has no words of its own to record.)',
    });
    const germanObjection = await receiveInboundMail(
      app.database.db,
      replyTo,
      'http://coop.test',
      replyMail(`To: ${gus!.reply_to}`, 'Widerspruch'),
    );
    expect(germanObjection.message).toMatch(/^Ihre Antwort wurde nicht erfasst: Ein Widerspruch/);
    expect((await answers()).length).toBe(before);
  });

  it('runs as a mail server pipes it: coop mail receive, with sysexits statuses', async () => {
    const [gus, rita] = await outbox();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-reply-'));
    const file = path.join(dir, 'reply.eml');
    fs.writeFileSync(file, replyMail(`To: ${rita!.reply_to}`, 'Can it wait until June?'));
    const env = {
      COOP_DATA_DIR: app.target.dataDir,
      DATABASE_URL: app.target.databaseUrl,
      MAIL_REPLY_TO: replyTo,
    };
    expect(runCli(['mail', 'receive', file], { ...env, MAIL_REPLY_TO: undefined }).status).toBe(78);
    // The process opens the data directory: the app in this test lets go of it first.
    await app.database.close();
    released = true;
    const recorded = runCli(['mail', 'receive', file], env);
    expect(recorded.stderr).toBe('');
    expect(recorded.status).toBe(0);
    expect(recorded.stdout).toMatch(
      new RegExp(`Recorded answer .* to consultation ${consultation}`),
    );
    fs.writeFileSync(file, replyMail(`To: coop+c-${'1'.repeat(40)}@replies.test`, 'ACK'));
    expect(runCli(['mail', 'receive', file], env).status).toBe(67);
    // A reply it cannot record: 65, and the reason the bounce carries in the sender's language.
    fs.writeFileSync(file, replyMail(`To: ${gus!.reply_to}`, 'WIDERSPRUCH'));
    const refused = runCli(['mail', 'receive', file], env);
    expect(refused.status).toBe(65);
    expect(refused.stderr).toMatch(/^Ihre Antwort wurde nicht erfasst: Ein Widerspruch braucht/);
    const reopened = await openDatabase({
      databaseUrl: app.target.databaseUrl,
      dataDir: app.target.dataDir,
      holder: 'mailReplies.test',
    });
    try {
      const rows = await queryRows<{ kind: string; comment: string }>(
        reopened.db,
        sql`select kind, comment from consultation_answers where via = 'mail' order by answered_at`,
      );
      expect(rows.at(-1)).toEqual({ kind: 'comment', comment: 'Can it wait until June?' });
    } finally {
      await reopened.close();
    }
  });
});
