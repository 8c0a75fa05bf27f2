import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../platform/clock.ts';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';
import { fillTemplate, listTemplates, parseTemplateFile } from './templates.ts';

describe('templates', () => {
  it('refuses a missing variable instead of printing a gap', async () => {
    const template = parseTemplateFile(
      '---\nkey: quote\nversion: 1.0.0\ntitle: T\nacceptedBy: none\n---\nDear {{ buyer.name }}',
    );
    await expect(fillTemplate(template, { buyer: { name: 'Ada' } })).resolves.toBe('Dear Ada');
    await expect(fillTemplate(template, {})).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('undefined variable: buyer'),
      // The engine's reason as a kind with its place, for the web to word.
      fact: {
        code: 'template.unfillable',
        params: {
          template: 'quote',
          reasonCode: 'reason.template.undefined-variable',
          variable: 'buyer',
          line: 1,
          column: 9,
        },
      },
    });
  });

  it('cannot read files or walk prototypes', async () => {
    const include = parseTemplateFile(
      '---\nkey: quote\nversion: 1.0.0\ntitle: T\nacceptedBy: none\n---\n{% include "/etc/passwd" %}',
    );
    await expect(fillTemplate(include, {})).rejects.toMatchObject({
      status: 400,
      fact: { params: { reasonCode: 'reason.template.reads-file', line: 1, column: 1 } },
    });
    const proto = parseTemplateFile(
      '---\nkey: quote\nversion: 1.0.0\ntitle: T\nacceptedBy: none\n---\n{{ x.constructor }}',
    );
    await expect(fillTemplate(proto, { x: {} })).rejects.toMatchObject({ status: 400 });
  });

  it('keeps the DCO 1.1 verbatim', () => {
    const dco = listTemplates().find((t) => t.key === 'dco-1.1')!;
    expect(dco.body).toContain(
      'Everyone is permitted to copy and distribute verbatim copies of this\nlicense document, but changing it is not allowed.',
    );
    expect(dco.body).toContain('(d) I understand and agree that this project and the contribution');
  });
});

describe('documents, versions and acceptances', () => {
  const clock = manualClock('2027-03-01T09:00:00Z');
  let app: TestApp;
  let admin: TestClient;
  let rep: { client: TestClient; personId: string };
  let otherRep: TestClient;
  let acmeId: string;

  beforeAll(async () => {
    app = await startTestApp({}, { clock });
    admin = await setUpCoop(app);
    acmeId = (
      await admin.post<{ id: string }>('/api/organizations', {
        legalName: 'Acme Cloud GmbH',
        country: 'DE',
      })
    ).body.id;
    const globexId = (
      await admin.post<{ id: string }>('/api/organizations', { legalName: 'Globex Oy' })
    ).body.id;
    rep = await addMember(app, admin, {
      email: 'rep@acme.example',
      name: 'Rita Rep',
      memberClass: 'sponsor',
      organizationId: acmeId,
    });
    otherRep = (
      await addMember(
        app,
        admin,
        {
          email: 'rep@globex.example',
          name: 'Gus',
          memberClass: 'sponsor',
          organizationId: globexId,
        },
        '10.0.1.2',
      )
    ).client;
  });
  afterAll(async () => app?.stop());

  it('renders every template from the co-op’s data, and a member accepts their own papers', async () => {
    const rules = await admin.post<{ id: string; sha256: string }>('/api/documents', {
      templateKey: 'coop-rules',
    });
    expect(rules.status).toBe(201);
    const text = await rep.client.get<{ body: string; templateVersion: string }>(
      `/api/documents/${rules.body.id}`,
    );
    expect(text.body.body).toContain('sponsors 40%, community 30%, hackers 30%');
    expect(text.body.body).toContain('Chief Economist');

    const retainerWithoutSponsor = await admin.post('/api/documents', {
      templateKey: 'sponsor-retainer',
    });
    expect(retainerWithoutSponsor.status).toBe(400);
    const retainer = await admin.post<{ id: string; sha256: string }>('/api/documents', {
      templateKey: 'sponsor-retainer',
      organizationId: acmeId,
    });
    expect(retainer.status).toBe(201);
    expect((await otherRep.get(`/api/documents/${retainer.body.id}`)).status).toBe(403);
    expect((await otherRep.get(`/api/documents/${retainer.body.id}/pdf`)).status).toBe(403);
    const pdf = await rep.client.request<string>('GET', `/api/documents/${retainer.body.id}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(
      (
        await otherRep.post(`/api/documents/${retainer.body.id}/accept`, {
          sha256: retainer.body.sha256,
        })
      ).status,
    ).toBe(403);
    const signed = await rep.client.post(`/api/documents/${retainer.body.id}/accept`, {
      sha256: retainer.body.sha256,
      role: 'CTO',
    });
    expect(signed.status).toBe(201);

    const own = await rep.client.post<{ id: string; sha256: string }>('/api/documents', {
      templateKey: 'membership-agreement',
      personId: rep.personId,
    });
    expect(own.status).toBe(201);
    expect(
      (
        await otherRep.post('/api/documents', {
          templateKey: 'membership-agreement',
          personId: rep.personId,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await rep.client.post('/api/documents', {
          templateKey: 'sponsor-retainer',
          organizationId: acmeId,
        })
      ).status,
    ).toBe(403);
    const dco = await rep.client.post<{ id: string; sha256: string }>('/api/documents', {
      templateKey: 'dco-1.1',
      personId: rep.personId,
    });
    expect(
      (await rep.client.post(`/api/documents/${own.body.id}/accept`, { sha256: own.body.sha256 }))
        .status,
    ).toBe(201);
    expect(
      (await rep.client.post(`/api/documents/${dco.body.id}/accept`, { sha256: 'f'.repeat(64) }))
        .status,
    ).toBe(409);
    expect(
      (await rep.client.post(`/api/documents/${dco.body.id}/accept`, { sha256: dco.body.sha256 }))
        .status,
    ).toBe(201);

    const mine = await rep.client.get<{
      acceptances: { templateKey: string; name: string; email: string }[];
    }>(`/api/documents/acceptances?personId=${rep.personId}`);
    expect(mine.body.acceptances.map((a) => a.templateKey).sort()).toEqual([
      'dco-1.1',
      'membership-agreement',
      'sponsor-retainer',
    ]);
    expect(mine.body.acceptances[0]).toMatchObject({ name: 'Rita Rep', email: 'rep@acme.example' });
    const sponsor = await admin.get<{
      acceptances: { templateKey: string; role: string | null }[];
    }>(`/api/documents/acceptances?organizationId=${acmeId}`);
    expect(sponsor.body.acceptances).toEqual([
      expect.objectContaining({ templateKey: 'sponsor-retainer', role: 'CTO' }),
    ]);
    expect((await otherRep.get(`/api/documents/acceptances?personId=${rep.personId}`)).status).toBe(
      403,
    );
    expect((await otherRep.get(`/api/documents/acceptances?organizationId=${acmeId}`)).status).toBe(
      403,
    );
  });
});
