import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCoop } from '../coop/queries.ts';
import { operatorActor } from '../platform/actor.ts';
import { setUpCoop, startTestApp, type TestApp, type TestClient } from '../testing/testApp.ts';
import { importMembers } from './commands/importMembers.ts';
import { runCommand } from '../platform/commands.ts';

interface Page {
  total: number;
  members: { displayName: string; memberClass: string; status: string; email: string | null }[];
}

describe('the member directory', () => {
  let app: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await setUpCoop(app);
    const coop = (await findCoop(app.database.db))!;
    const lines = ['email,name,class,organization'];
    for (let i = 0; i < 30; i++)
      lines.push(`c${i}@example.org,Community ${String(i).padStart(2, '0')},community,`);
    lines.push('h1@example.org,Hedy Hacker,hacker,', 'rep@acme.example,Rita 100%_Rep,sponsor,ACME');
    await runCommand(
      importMembers,
      { csv: lines.join('\n'), mailCodes: false },
      { db: app.database.db, actor: operatorActor(coop.id), publicUrl: 'http://coop.test' },
    );
  });
  afterAll(() => app.stop());

  it('pages with a total', async () => {
    const first = await admin.get<Page>('/api/members?limit=10');
    expect(first.body.total).toBe(33);
    expect(first.body.members.map((m) => m.displayName).slice(0, 3)).toEqual([
      'Ada Admin',
      'Community 00',
      'Community 01',
    ]);
    const last = await admin.get<Page>('/api/members?limit=10&offset=30');
    expect(last.body.members.map((m) => m.displayName)).toEqual([
      'Community 29',
      'Hedy Hacker',
      'Rita 100%_Rep',
    ]);
  });

  it('filters by class and status, and searches names (and emails for officers)', async () => {
    expect(
      (await admin.get<Page>('/api/members?class=hacker')).body.members.map((m) => m.displayName),
    ).toEqual(['Ada Admin', 'Hedy Hacker']);
    expect((await admin.get<Page>('/api/members?status=suspended')).body.total).toBe(0);
    expect((await admin.get<Page>('/api/members?q=hedy')).body.members).toHaveLength(1);
    expect(
      (await admin.get<Page>('/api/members?q=acme.example')).body.members.map((m) => m.displayName),
    ).toEqual(['Rita 100%_Rep']);
    // LIKE's wildcards are searched as text.
    expect((await admin.get<Page>('/api/members?q=100%25_')).body.total).toBe(1);
    expect((await admin.get<Page>('/api/members?q=%25')).body.total).toBe(1);
  });

  it('refuses a bad filter by name', async () => {
    const response = await admin.get('/api/members?class=wizard&limit=0');
    expect(response.status).toBe(400);
    expect((response.body.errors as { pointer: string }[]).map((e) => e.pointer).sort()).toEqual([
      '/querystring/class',
      '/querystring/limit',
    ]);
  });

  it('is closed to the public unless the bylaws publish it', async () => {
    expect((await app.client().get('/api/members')).status).toBe(401);
  });
});
