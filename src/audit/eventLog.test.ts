import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';

describe('the event log', () => {
  let app: TestApp;
  let admin: TestClient;
  let member: Awaited<ReturnType<typeof addMember>>;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await setUpCoop(app);
    member = await addMember(app, admin, {
      email: 'm@example.org',
      name: 'Mem Ber',
      memberClass: 'community',
    });
  });
  afterAll(() => app.stop());

  it('records every change with who, what and when', async () => {
    const response = await admin.get<{ events: { type: string; actorName: string | null }[] }>(
      '/api/events?limit=50',
    );
    expect(response.body.events.map((e) => e.type).reverse()).toEqual([
      'member.joined',
      'coop.created',
      'bylaws.adopted',
      'mail.queued',
      'invitation.sent',
      'member.joined',
      'invitation.accepted',
    ]);
    expect(response.body.events[0]!.actorName).toBe('Mem Ber');
  });

  it('is append-only in the database itself', async () => {
    await expect(app.database.db.execute(sql`update events set type = 'forged'`)).rejects.toThrow();
    await expect(app.database.db.execute(sql`delete from events`)).rejects.toThrow();
  });

  it('rolls an event back with its change', async () => {
    const before = (await admin.get<{ events: unknown[] }>('/api/events?limit=500')).body.events
      .length;
    const bad = await admin.post('/api/organizations', { legalName: 'Dup Ltd' });
    expect(bad.status).toBe(201);
    expect((await admin.post('/api/organizations', { legalName: 'Dup Ltd' })).status).toBe(409);
    const after = (await admin.get<{ events: unknown[] }>('/api/events?limit=500')).body.events
      .length;
    expect(after).toBe(before + 1);
  });

  it('pages back and exports as CSV and NDJSON', async () => {
    const page = await admin.get<{ events: { seq: number }[] }>('/api/events?limit=2');
    const older = await admin.get<{ events: { seq: number }[] }>(
      `/api/events?limit=2&beforeSeq=${page.body.events[1]!.seq}`,
    );
    expect(older.body.events[0]!.seq).toBeLessThan(page.body.events[1]!.seq);
    const csv = await admin.get<string>('/api/events/export?format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('seq,occurred_at,type,actor_id,actor_name,subject_type,subject_id,data');
    expect(lines[1]).toMatch(/^1,.*,member\.joined,/);
    const ndjson = await admin.get<string>('/api/events/export?format=ndjson');
    const events = ndjson.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number });
    expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => a - b));
    expect(events).toHaveLength(lines.length - 1);
  });

  it('is for administrators only', async () => {
    expect((await member.client.get('/api/events')).status).toBe(403);
    expect((await member.client.get('/api/events/export')).status).toBe(403);
    expect((await member.client.get('/api/outbox')).status).toBe(403);
    expect((await member.client.get('/api/admin/event-consumers')).status).toBe(403);
  });

  it('shows where each event consumer stands in the log', async () => {
    interface Lag {
      consumer: string;
      position: number;
      latest: number;
      behind: number;
      failures: number;
      lastError: string | null;
    }
    // The invitation's mail is queued and not yet delivered: the mail consumer is behind.
    await app.drainJobs();
    await admin.post('/api/invitations', { email: 'late@example.org', memberClass: 'community' });
    const before = await admin.get<{ consumers: Lag[] }>('/api/admin/event-consumers');
    expect(before.status).toBe(200);
    const mailBefore = before.body.consumers.find((c) => c.consumer === 'mail')!;
    expect(mailBefore.behind).toBeGreaterThan(0);
    expect(mailBefore.position).toBeLessThan(mailBefore.latest);

    await app.drainJobs();
    const after = await admin.get<{ consumers: Lag[] }>('/api/admin/event-consumers');
    expect(after.body.consumers.find((c) => c.consumer === 'mail')).toMatchObject({
      behind: 0,
      failures: 0,
      lastError: null,
    });
  });
});
