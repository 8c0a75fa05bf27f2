import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  admin,
  BrowserHarness,
  confirmAction,
  ensureCoop,
  fillDate,
  mainText,
  settle,
  signReciprocalRetainer,
} from './helpers.ts';

const harness = new BrowserHarness('releases');

beforeAll(() => harness.start());
afterAll(() => harness.stop());

describe('releases and planned changes in the browser', () => {
  it('an officer announces a deprecation, tags it, consults the sponsor it touches, publishes a release; the sponsor reads both', async () => {
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
    await api.request('POST', `/api/organizations/${acme.id}/concerns`, { topics: ['api-v1'] });

    // The list starts empty and says what it is for.
    const officer = await harness.pageFor(admin.email, admin.password);
    await officer
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Releases' })
      .click();
    await officer
      .getByRole('heading', { level: 1, name: 'Releases and planned changes' })
      .waitFor();
    await officer.getByText('No release or planned change is announced yet.').waitFor();
    await settle(officer);
    await harness.expectAccessible(officer, 'releases-empty');

    // The form is checked by the route's own schema: a release names its version.
    await officer.getByRole('link', { name: 'Announce a change' }).click();
    await officer.getByRole('heading', { level: 1, name: /^Announce a release/ }).waitFor();
    await officer.getByRole('textbox', { name: /^Title/ }).fill('The v1 API is deprecated');
    await officer.getByRole('textbox', { name: /^Project/ }).fill('engine');
    await fillDate(officer, /^Planned for/, '2099-06-30');
    await officer.getByRole('button', { name: 'Announce' }).click();
    await officer.getByText('a release names its version').first().waitFor();
    await settle(officer);
    await harness.expectAccessible(officer, 'release-form-error');
    await officer.getByRole('combobox', { name: 'Kind' }).selectOption('deprecation');
    await officer
      .getByRole('textbox', { name: /^Summary/ })
      .fill('Use **v2**.\n\n- v1 answers 410 from July');
    await officer.getByRole('button', { name: 'Announce' }).click();
    await officer.getByRole('heading', { level: 1, name: 'The v1 API is deprecated' }).waitFor();

    // Its topics and consultations are the concerns domain's, as on a work item.
    await settle(officer);
    await officer.getByRole('textbox', { name: /^Topics of this item/ }).fill('api-v1');
    await officer.getByRole('button', { name: 'Save topics' }).click();
    await officer.getByText('shares api-v1').waitFor();
    await officer.getByRole('textbox', { name: 'What changes' }).fill('v1 answers 410 from July.');
    await fillDate(officer, 'Answer wanted by', '2099-01-15');
    await officer.getByRole('button', { name: 'Consult the sponsors' }).click();
    await officer.getByText('Consultation opened').waitFor();
    await settle(officer);
    const page = await mainText(officer);
    expect(page).toContain('Use **v2**.'); // Markdown shown as written, never as HTML
    expect(page).toContain('ACME Ltd');
    await harness.expectAccessible(officer, 'release-page');

    // A release announced through the API is published behind the dialog.
    const engine = await api.request<{ id: string }>('POST', '/api/releases', {
      project: 'engine',
      version: '3.3.0',
      kind: 'release',
      title: 'Engine 3.3',
      plannedOn: '2099-03-01',
    });
    await officer.goto(`${harness.server.url}/releases/${engine.id}`);
    await officer.getByRole('heading', { level: 1, name: 'Engine 3.3' }).waitFor();
    await settle(officer);
    const said = await confirmAction(officer, 'Publish', 'Publish it now');
    expect(said).toContain('a published change is not edited');
    await officer.getByText('Published.').waitFor();
    // A published change is no longer edited.
    await officer.getByRole('link', { name: 'Edit', exact: true }).waitFor({ state: 'detached' });
    await harness.expectAccessible(officer, 'release-published');

    // The list, and filtered by kind.
    await officer.goto(`${harness.server.url}/releases`);
    await officer.getByRole('link', { name: 'Engine 3.3' }).waitFor();
    await officer.getByRole('combobox', { name: 'Kind' }).selectOption('deprecation');
    await officer.getByRole('link', { name: 'Engine 3.3' }).waitFor({ state: 'detached' });
    await officer.getByRole('link', { name: 'The v1 API is deprecated' }).waitFor();
    await settle(officer);
    await harness.expectAccessible(officer, 'releases-list');

    // The sponsor reads them, sees its consultation, and has nothing to publish or withdraw.
    const sponsor = await harness.pageFor(rita.email, rita.password);
    await sponsor
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Releases' })
      .click();
    await sponsor.getByRole('link', { name: 'The v1 API is deprecated' }).click();
    await sponsor.getByRole('heading', { level: 1, name: 'The v1 API is deprecated' }).waitFor();
    await sponsor.getByText('v1 answers 410 from July.').waitFor();
    await settle(sponsor);
    expect(await sponsor.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    expect(await sponsor.getByRole('button', { name: 'Withdraw' }).count()).toBe(0);
    await harness.expectAccessible(sponsor, 'release-sponsor');

    // Retracting the published release warns that it was out already.
    await officer.goto(`${harness.server.url}/releases/${engine.id}`);
    await officer.getByRole('heading', { level: 1, name: 'Engine 3.3' }).waitFor();
    await settle(officer);
    const warned = await confirmAction(officer, 'Withdraw', 'Withdraw it');
    expect(warned).toContain('withdrawing it says it was retracted');
    await officer.getByText('Withdrawn.').waitFor();
    await officer.getByRole('button', { name: 'Withdraw' }).waitFor({ state: 'detached' });
    await sponsor.goto(`${harness.server.url}/releases`);
    await sponsor.getByRole('link', { name: 'The v1 API is deprecated' }).waitFor();
    expect(await mainText(sponsor)).not.toContain('Engine 3.3');
    expect(harness.pageErrors).toEqual([]);
  });
});
