import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';

describe('organizations', () => {
  let app: TestApp;
  let admin: TestClient;
  let acme: string;
  let globex: string;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await setUpCoop(app);
    acme = (
      await admin.post<{ id: string }>('/api/organizations', {
        legalName: 'ACME Corporation Ltd',
        displayName: 'ACME',
        taxId: 'GB123456789',
        billingEmail: 'ap@acme.example',
        country: 'GB',
      })
    ).body.id;
    globex = (
      await admin.post<{ id: string }>('/api/organizations', {
        legalName: 'Globex GmbH',
        country: 'DE',
      })
    ).body.id;
  });
  afterAll(() => app.stop());

  it('validates each field', async () => {
    const response = await admin.post('/api/organizations', {
      legalName: 'A',
      country: 'Germany',
      billingEmail: 'nope',
      website: 'ftp://x',
    });
    expect(response.status).toBe(400);
    expect((response.body.errors as { pointer: string }[]).map((e) => e.pointer).sort()).toEqual([
      '/body/billingEmail',
      '/body/country',
      '/body/legalName',
      '/body/website',
    ]);
  });

  it('refuses a duplicate legal name, whatever its case', async () => {
    const response = await admin.post('/api/organizations', { legalName: 'acme corporation ltd' });
    expect(response.status).toBe(409);
  });

  it('shows a sponsor representative their own organization and never another’s', async () => {
    const rep = await addMember(app, admin, {
      email: 'rep@acme.example',
      name: 'Rita',
      memberClass: 'sponsor',
      organizationId: acme,
    });
    const own = await rep.client.get<{ taxId: string; contacts: { displayName: string }[] }>(
      `/api/organizations/${acme}`,
    );
    expect(own.status).toBe(200);
    expect(own.body.taxId).toBe('GB123456789');
    expect(own.body.contacts.map((c) => c.displayName)).toEqual(['Rita']);
    const other = await rep.client.get(`/api/organizations/${globex}`);
    expect(other.status).toBe(403);
    expect(other.body.detail).toBe(
      'Sponsor representatives see only their own organization’s details.',
    );
    const list = await rep.client.get<{ organizations: Record<string, unknown>[] }>(
      '/api/organizations',
    );
    expect(list.body.organizations).toHaveLength(2);
    expect(list.body.organizations[0]).not.toHaveProperty('taxId');
  });

  it('shows details to hackers but not to community members', async () => {
    const hacker = await addMember(
      app,
      admin,
      { email: 'h@example.org', name: 'Hal', memberClass: 'hacker' },
      '10.3.0.1',
    );
    expect((await hacker.client.get(`/api/organizations/${globex}`)).status).toBe(200);
    const community = await addMember(
      app,
      admin,
      { email: 'c@example.org', name: 'Cee', memberClass: 'community' },
      '10.3.0.2',
    );
    expect((await community.client.get(`/api/organizations/${globex}`)).status).toBe(403);
    expect(
      (await community.client.patch(`/api/organizations/${globex}`, { taxId: 'X' })).status,
    ).toBe(403);
  });

  it('updates and records the event', async () => {
    expect(
      (
        await admin.patch(`/api/organizations/${globex}`, {
          billingAddress: 'Hauptstraße 1, Berlin',
        })
      ).status,
    ).toBe(204);
    const events = await admin.get<{
      events: { type: string; subjectId: string; data: unknown }[];
    }>('/api/events?type=organization.');
    expect(events.body.events[0]).toMatchObject({
      type: 'organization.updated',
      subjectId: globex,
      data: { fields: ['billingAddress'] },
    });
  });

  it('writes to an organization in its language: English unless chosen', async () => {
    const before = await admin.get<{ locale: string }>(`/api/organizations/${globex}`);
    expect(before.body.locale).toBe('en');
    expect((await admin.patch(`/api/organizations/${globex}`, { locale: 'de' })).status).toBe(204);
    const after = await admin.get<{ locale: string }>(`/api/organizations/${globex}`);
    expect(after.body.locale).toBe('de');
    const refused = await admin.patch(`/api/organizations/${globex}`, { locale: 'fr' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('/body/locale');
  });

  it('links contacts in roles, idempotently', async () => {
    const hal = (
      await admin.get<{ members: { personId: string; displayName: string }[] }>(
        '/api/members?q=Hal',
      )
    ).body.members[0]!;
    const body = { personId: hal.personId, role: 'technical' };
    expect((await admin.post(`/api/organizations/${acme}/contacts`, body)).status).toBe(204);
    expect((await admin.post(`/api/organizations/${acme}/contacts`, body)).status).toBe(204);
    const detail = await admin.get<{ contacts: { displayName: string; role: string }[] }>(
      `/api/organizations/${acme}`,
    );
    expect(detail.body.contacts.map((c) => `${c.displayName}:${c.role}`)).toEqual([
      'Hal:technical',
      'Rita:representative',
    ]);
    expect((await admin.post(`/api/organizations/${acme}/contacts/remove`, body)).status).toBe(204);
    const events = await admin.get<{ events: { type: string }[] }>(
      '/api/events?type=organization.contact',
    );
    expect(events.body.events.map((e) => e.type)).toEqual([
      'organization.contact-removed',
      'organization.contact-added',
    ]);
  });
});
