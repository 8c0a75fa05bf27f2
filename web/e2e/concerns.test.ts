import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  admin,
  BrowserHarness,
  ensureCoop,
  fillDate,
  mainText,
  settle,
  signReciprocalRetainer,
} from './helpers.ts';

const harness = new BrowserHarness('concerns');

beforeAll(() => harness.start());
afterAll(() => harness.stop());

describe('reciprocal access in the browser', () => {
  it('a sponsor records a topic, an officer consults it on a work item, the sponsor objects, the item shows it', async () => {
    const api = await ensureCoop(harness.server.url);
    const acme = await api.request<{ id: string }>('POST', '/api/organizations', {
      legalName: 'ACME Ltd',
    });
    await signReciprocalRetainer(api, acme.id);
    const rita = { email: 'rita@acme.example', password: 'rita password 1' };
    await addMember(api, {
      ...rita,
      displayName: 'Rita Rep',
      memberClass: 'sponsor',
      organizationId: acme.id,
    });
    const item = await api.request<{ id: string }>('POST', '/api/work-items', {
      title: 'Drop TLS 1.1',
      kind: 'feature',
      originClass: 'hackers',
      estimateHours: 8,
    });

    // The sponsor records its concerns.
    const sponsor = await harness.pageFor(rita.email, rita.password);
    await sponsor
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Our concerns' })
      .click();
    await sponsor.getByRole('heading', { level: 1, name: 'Our concerns' }).waitFor();
    await settle(sponsor);
    await sponsor.getByRole('textbox', { name: /^Topics/ }).fill('tls, packaging');
    await sponsor.getByRole('textbox', { name: /^Systems/ }).fill('RHEL 8 with OpenSSL 1.1');
    await sponsor.getByRole('button', { name: 'Save our concerns' }).click();
    await sponsor.getByText('Saved.').waitFor();
    await harness.expectAccessible(sponsor, 'our-concerns');

    // The officer tags the work item and consults the sponsors it touches.
    const officer = await harness.pageFor(admin.email, admin.password);
    await officer.goto(`${harness.server.url}/work-items/${item.id}/consultations`);
    await officer.getByRole('heading', { level: 1, name: 'Work item: Drop TLS 1.1' }).waitFor();
    await settle(officer);
    await officer.getByRole('textbox', { name: /^Topics of this item/ }).fill('tls');
    await officer.getByRole('button', { name: 'Save topics' }).click();
    await officer.getByText('shares tls').waitFor();
    await officer
      .getByRole('textbox', { name: 'What changes' })
      .fill('TLS 1.1 connections will be refused from the next release.');
    await fillDate(officer, 'Answer wanted by', '2099-01-15');
    await officer.getByRole('button', { name: 'Consult the sponsors' }).click();
    await officer.getByText('Consultation opened').waitFor();
    await officer.getByText('Awaiting an answer').waitFor();
    await settle(officer);
    await harness.expectAccessible(officer, 'work-item-consultations');

    // The sponsor objects from its inbox, with a comment.
    await sponsor
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Consultations' })
      .click();
    await sponsor.getByRole('heading', { level: 1, name: 'Consultations' }).waitFor();
    await settle(sponsor);
    expect(await mainText(sponsor)).toContain('About: Drop TLS 1.1');
    await sponsor.getByRole('combobox', { name: 'Answer' }).selectOption('object');
    await sponsor
      .getByRole('textbox', { name: /^Comment/ })
      .fill('Our terminals speak only TLS 1.1 until June.');
    await sponsor.getByRole('button', { name: 'Send the answer' }).click();
    await sponsor.getByText('Thank you: your answer is recorded.').waitFor();
    await harness.expectAccessible(sponsor, 'consultations-inbox');

    // The item shows the objection.
    await officer.reload();
    await officer.getByText('Our terminals speak only TLS 1.1 until June.').waitFor();
    const text = await mainText(officer);
    expect(text).toContain('Objected');
    expect(text).toContain('Rita Rep (ACME Ltd)');
    // A sponsor without reciprocal access in its agreement: its concerns are kept and read, and
    // the page says it is not consulted.
    const initech = await api.request<{ id: string }>('POST', '/api/organizations', {
      legalName: 'Initech',
    });
    await api.request('POST', `/api/organizations/${initech.id}/concerns`, { topics: ['tls'] });
    await officer.goto(`${harness.server.url}/consultations`);
    await officer.getByRole('heading', { level: 2, name: 'Every sponsor’s concerns' }).waitFor();
    await settle(officer);
    const all = await mainText(officer);
    expect(all).toContain('RHEL 8 with OpenSSL 1.1');
    expect(all).toContain('Initech (not consulted: no reciprocal access)');
    expect(all).not.toContain('ACME Ltd (not consulted');
    await harness.expectAccessible(officer, 'consultations-officer');
    await officer.goto(`${harness.server.url}/organizations/${initech.id}/concerns`);
    await officer.getByText(/^No agreement in force includes reciprocal access/).waitFor();
    expect(harness.pageErrors).toEqual([]);
  });
});
