import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { operatorActor } from '../platform/actor.ts';
import { runCommand } from '../platform/commands.ts';
import { queryRows } from '../platform/db/rows.ts';
import {
  addMember,
  adminCredentials,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';
import { changeMembershipStatus } from './commands/changeMembershipStatus.ts';
import { setAdmin } from './commands/setAdmin.ts';

type Member = Awaited<ReturnType<typeof addMember>>;

// The capture found by the hostile review: the chief technologist suspended the administrator
// and the chief economist. Officers and administrators answer to administrators only.
describe('status and rights of officers and administrators', () => {
  let app: TestApp;
  let admin: TestClient;
  let adminId: string;
  let coopId: string;
  let technologist: Member;
  let economist: Member;
  let hacker: Member;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await setUpCoop(app);
    const session = await admin.get<{ user: { personId: string }; coop: { id: string } }>(
      '/api/session',
    );
    adminId = session.body.user.personId;
    coopId = session.body.coop.id;
    const member = (email: string, name: string, ip: string) =>
      addMember(app, admin, { email, name, memberClass: 'hacker' }, ip);
    technologist = await member('tech@example.org', 'Tess Tech', '10.61.0.1');
    economist = await member('econ@example.org', 'Eco Nomist', '10.61.0.2');
    hacker = await member('hack@example.org', 'Hal Hacker', '10.61.0.3');
    for (const [who, role] of [
      [technologist, 'chief-technologist'],
      [economist, 'chief-economist'],
    ] as const)
      expect(
        (await admin.post(`/api/members/${who.personId}/officer-terms`, { role })).status,
      ).toBe(201);
  });
  afterAll(() => app.stop());

  const suspend = (by: TestClient, personId: string, reason = 'Breach of the code of conduct') =>
    by.post(`/api/members/${personId}/status`, { status: 'suspended', reason });
  const statusOf = async (personId: string, by = admin) =>
    (await by.get<{ status: string }>(`/api/members/${personId}`)).body.status;

  it('refuses an officer who suspends the administrator or another officer', async () => {
    const byOfficer = await suspend(technologist.client, adminId);
    expect(byOfficer.status).toBe(403);
    expect((byOfficer.body as { detail: string }).detail).toMatch(/only an administrator/i);
    expect((await suspend(technologist.client, economist.personId)).status).toBe(403);
    expect(await statusOf(adminId)).toBe('active');
    expect(await statusOf(economist.personId)).toBe('active');
  });

  it('lets an officer suspend a member who holds no office, with a reason', async () => {
    expect((await suspend(technologist.client, hacker.personId, '')).status).toBe(400);
    expect((await suspend(technologist.client, hacker.personId)).status).toBe(204);
    expect(await statusOf(hacker.personId)).toBe('suspended');
  });

  it('lets an administrator suspend an officer, ending the office', async () => {
    expect((await suspend(admin, economist.personId)).status).toBe(204);
    const profile = await admin.get<{ offices: { role: string; current: boolean }[] }>(
      `/api/members/${economist.personId}`,
    );
    expect(profile.body.offices.filter((o) => o.current)).toEqual([]);
  });

  it('asks a reason for granting and revoking administrator rights', async () => {
    const noReason = await admin.post(`/api/members/${technologist.personId}/admin`, {
      isAdmin: true,
    });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('/reason');
    expect(
      (
        await admin.post(`/api/members/${technologist.personId}/admin`, {
          isAdmin: true,
          reason: 'Second administrator, for holidays',
        })
      ).status,
    ).toBe(204);
    const events = await admin.get<{ events: { type: string; data: { reason?: string } }[] }>(
      '/api/events?type=admin.granted',
    );
    expect(events.body.events.map((e) => e.data.reason)).toContain(
      'Second administrator, for holidays',
    );
  });

  it('never removes the last active administrator', async () => {
    // Two administrators: one may remove the other...
    expect((await suspend(technologist.client, adminId)).status).toBe(204);
    // ...but the one left stays, whoever asks and however.
    const operator = {
      db: app.database.db,
      actor: operatorActor(coopId),
      publicUrl: 'http://coop.test',
    };
    await expect(
      runCommand(
        changeMembershipStatus,
        { personId: technologist.personId, status: 'left', reason: 'Moving on' },
        operator,
      ),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      runCommand(
        setAdmin,
        { personId: technologist.personId, isAdmin: false, reason: 'Moving on' },
        operator,
      ),
    ).rejects.toMatchObject({ status: 409 });
    expect(await statusOf(technologist.personId, technologist.client)).toBe('active');
  });

  it('keeps one administrator when two remove each other at the same instant', async () => {
    // Reinstate the first administrator; then each revokes the other at once.
    const operator = {
      db: app.database.db,
      actor: operatorActor(coopId),
      publicUrl: 'http://coop.test',
    };
    await runCommand(
      changeMembershipStatus,
      { personId: adminId, status: 'active', reason: 'Reinstated by the assembly' },
      operator,
    );
    // Suspension signed the administrator out everywhere.
    const readmitted = app.client('10.61.0.9');
    await readmitted.signIn(adminCredentials.email, { password: adminCredentials.password });
    const [a, b] = await Promise.all([
      readmitted.post(`/api/members/${technologist.personId}/admin`, {
        isAdmin: false,
        reason: 'Coup',
      }),
      technologist.client.post(`/api/members/${adminId}/admin`, {
        isAdmin: false,
        reason: 'Counter-coup',
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([204, 409]);
    const [{ n }] = (await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from people p join memberships m on m.person_id = p.id
          where p.coop_id = ${coopId} and p.is_admin and m.status = 'active'`,
    )) as [{ n: number }];
    expect(n).toBe(1);
  });
});
