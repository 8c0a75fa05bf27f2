import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMembers, parseMemberCsv, type ImportResult } from './commands/importMembers.ts';
import { operatorActor } from '../platform/actor.ts';
import { runCommand } from '../platform/commands.ts';
import { findCoop } from '../coop/queries.ts';
import { setUpCoop, startTestApp, type TestApp, type TestClient } from '../testing/testApp.ts';
import { registrationCodes } from './schema.ts';

const goodCsv = `email,name,class,organization
lin@example.org,Lin Example,community,
rep@acme.example,Rita Rep,sponsor,ACME Corp
dev@example.org,Dev Hacker,hacker,
`;

describe('member import with registration codes', () => {
  let app: TestApp;
  let admin: TestClient;
  let run: (csv: string, mailCodes?: boolean) => Promise<ImportResult>;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await setUpCoop(app);
    const coop = (await findCoop(app.database.db))!;
    run = (csv, mailCodes = false) =>
      runCommand(
        importMembers,
        { csv, mailCodes },
        { db: app.database.db, actor: operatorActor(coop.id), publicUrl: 'http://coop.test' },
      );
  });
  afterAll(() => app.stop());

  it('lists every bad line and applies nothing', async () => {
    const csv = `email,name,class,organization
ok@example.org,Okay,community,
not-an-email,Bad Email,community,
x@example.org,,hacker,
y@example.org,Wrong Class,member,
z@example.org,No Org,sponsor,
ok@example.org,Twice,community,
`;
    expect(parseMemberCsv(csv).errors).toEqual([
      {
        line: 3,
        field: 'email',
        message: 'not an email address',
        code: 'input.format',
        params: { format: 'email' },
      },
      {
        line: 4,
        field: 'name',
        message: 'a name is required',
        code: 'input.required',
        params: {},
      },
      {
        line: 5,
        field: 'class',
        message: 'class must be one of hacker, sponsor, community',
        code: 'input.one-of',
        params: { values: 'hacker, sponsor, community' },
      },
      {
        line: 6,
        field: 'organization',
        message: 'a sponsor needs an organization',
        code: 'import.sponsor-organization',
      },
      {
        line: 7,
        field: 'email',
        message: 'ok@example.org is also on line 2',
        code: 'import.email-twice',
        params: { email: 'ok@example.org', earlier: 2 },
      },
    ]);
    await expect(run(csv)).rejects.toThrow(/5 problem\(s\); nothing was imported/);
    const directory = await admin.get<{ total: number }>('/api/members');
    expect(directory.body.total).toBe(1);
  });

  it('refuses broken CSV at its line and column, its reason as a fact', async () => {
    const csv = 'email,name,class\nada@example.org,"Ada"x,community\n';
    const reason =
      'Invalid Closing Quote: got "x" at line 2 instead of delimiter, record delimiter, trimable character (if activated) or comment';
    const figures = { reasonCode: 'reason.csv.after-quote', line: 2, column: 'name' };
    expect(parseMemberCsv(csv).errors).toEqual([
      {
        line: 0,
        field: 'file',
        message: reason,
        code: 'csv.invalid',
        params: { reason, ...figures },
      },
    ]);
    // The file's line stays the reason's, not the import's line 0 for the whole file.
    await expect(run(csv)).rejects.toMatchObject({
      errors: [{ pointer: '/lines/0/file', code: 'csv.invalid', params: { reason, ...figures } }],
    });
  });

  it('refuses a file without the required columns', () => {
    expect(parseMemberCsv('mail,name\na@b.c,A\n').errors.map((e) => e.message)).toEqual([
      'the header has no email column',
      'the header has no class column',
    ]);
  });

  it('creates members, organizations and one-time codes; re-importing changes nothing', async () => {
    const first = await run(goodCsv);
    expect(first.created.map((c) => c.email)).toEqual([
      'lin@example.org',
      'rep@acme.example',
      'dev@example.org',
    ]);
    expect(first.organizationsCreated).toEqual(['ACME Corp']);
    expect(first.created[0]!.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const again = await run(goodCsv);
    expect(again.created).toEqual([]);
    expect(again.unchanged).toHaveLength(3);
    expect(again.organizationsCreated).toEqual([]);

    // Only a hash of each code is stored.
    const stored = await app.database.db.select().from(registrationCodes);
    expect(stored.some((r) => r.codeHash === first.created[0]!.code)).toBe(false);

    const code = first.created[1]!.code;
    const rep = app.client('10.2.0.1');
    const signedIn = await rep.signIn('rep@acme.example', { code: code.toLowerCase() });
    expect(signedIn.status).toBe(200);
    const session = await rep.get<{
      user: { memberClass: string; hasPassword: boolean; organizationId: string };
    }>('/api/session');
    expect(session.body.user).toMatchObject({ memberClass: 'sponsor', hasPassword: false });
    expect((await rep.post('/api/auth/password', { newPassword: 'my new password' })).status).toBe(
      204,
    );
    expect(
      (await app.client('10.2.0.2').signIn('rep@acme.example', { password: 'my new password' }))
        .status,
    ).toBe(200);

    const reused = await app.client('10.2.0.3').signIn('rep@acme.example', { code });
    expect(reused.status).toBe(410);
    expect(reused.body.detail).toMatch(/already been used/);
    const wrongEmail = await app
      .client('10.2.0.3')
      .signIn('lin@example.org', { code: first.created[2]!.code });
    expect(wrongEmail.status).toBe(401);
  });

  it('refuses an expired code', async () => {
    const result = await run('email,name,class\nlate@example.org,Late Comer,community\n');
    await app.database.db.update(registrationCodes).set({ expiresAt: new Date(Date.now() - 1000) });
    const response = await app
      .client('10.2.1.1')
      .signIn('late@example.org', { code: result.created[0]!.code });
    expect(response.status).toBe(410);
    expect(response.body.detail).toMatch(/expired/);
  });

  it('mails codes when asked, and refuses the import over HTTP to non-administrators', async () => {
    const response = await admin.post('/api/members/import', {
      csv: 'email,name,class\nmailed@example.org,Mailed,community\n',
    });
    expect(response.status).toBe(200);
    expect(response.body).not.toHaveProperty('created.0.code');
    await app.drainJobs();
    const box = await admin.get<{ messages: { kind: string; toAddress: string; body: string }[] }>(
      '/api/outbox',
    );
    const mail = box.body.messages.find((m) => m.toAddress === 'mailed@example.org')!;
    expect(mail.kind).toBe('registration-code');
    expect(mail.body).toMatch(/[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/);
    const bad = await admin.post('/api/members/import', {
      csv: 'email,name,class\nbroken,,nobody\n',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      {
        pointer: '/lines/2/email',
        message: 'not an email address',
        code: 'input.format',
        params: { format: 'email', line: 2 },
      },
      {
        pointer: '/lines/2/name',
        message: 'a name is required',
        code: 'input.required',
        params: { line: 2 },
      },
      {
        pointer: '/lines/2/class',
        message: 'class must be one of hacker, sponsor, community',
        code: 'input.one-of',
        params: { values: 'hacker, sponsor, community', line: 2 },
      },
    ]);
  });
});
