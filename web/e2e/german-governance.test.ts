import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  admin,
  ApiClient,
  BrowserHarness,
  ensureCoop,
  mainText,
  visit,
  type RunningServer,
} from './helpers.ts';

const harness = new BrowserHarness('german-governance');
let server: RunningServer;

beforeAll(async () => {
  await harness.start();
  server = harness.server;
});

afterAll(() => harness.stop());

const password = 'german-governance-2026';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('the democracy in German', () => {
  it('shows votes, a ballot, cycles and the bylaws in German, with nothing for axe to find', async () => {
    const api = await ensureCoop(server.url);
    const greta = { email: 'greta@german.example', displayName: 'Greta Gemein', password };
    const { personId } = await addMember(api, { ...greta, memberClass: 'community' });
    // Greta chooses German in her profile; the app follows her choice wherever she signs in.
    const own = new ApiClient(server.url);
    await own.signIn(greta.email, password);
    await own.request('PATCH', `/api/members/${personId}`, { locale: 'de' });

    const poll = await api.request<{ id: string }>('POST', '/api/proposals', {
      title: 'Verhaltenskodex annehmen',
      method: 'yes-no',
      opensAt: inDays(1),
      closesAt: inDays(9),
    });
    await api.request('POST', `/api/polls/${poll.id}/open`);
    const cycle = await api.request<{ id: string }>('POST', '/api/cycles', {
      title: 'Frühjahr 2027',
      votingOpensAt: inDays(14),
      votingClosesAt: inDays(21),
      startsOn: inDays(28).slice(0, 10),
      surveyMethod: 'approval',
    });
    await api.request('POST', '/api/work-items', {
      cycleId: cycle.id,
      title: 'Übersetzungen',
      kind: 'feature',
      originClass: 'community',
      estimateHours: 40,
    });

    const page = await harness.pageFor(greta.email, password);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');

    await visit(page, `${server.url}/votes`);
    await page.getByRole('heading', { level: 1, name: 'Abstimmungen' }).waitFor();
    const row = page.locator('tr', { has: page.getByRole('link', { name: 'Verhaltenskodex' }) });
    expect(await row.locator('td').nth(1).textContent()).toBe('Antrag');
    expect(await row.locator('td').nth(5).textContent()).toBe('Noch nicht');
    await harness.expectAccessible(page, 'votes-de');

    await row.getByRole('link').click();
    await page.getByRole('heading', { level: 2, name: 'Der Antrag' }).waitFor();
    const ballot = await mainText(page);
    expect(ballot).toContain('Abstimmung offen');
    expect(ballot).toContain('der Stimmberechtigten');
    await page.getByRole('radio', { name: 'Ja' }).waitFor();
    await harness.expectAccessible(page, 'poll-de');
    await page.getByRole('button', { name: 'Meine Stimme abgeben' }).click();
    // Nothing chosen: the form says so in German.
    await expect.poll(() => mainText(page)).toContain('Wähle Ja, Nein oder Enthaltung.');
    await page.getByRole('radio', { name: 'Ja' }).check();
    await page.getByRole('button', { name: 'Meine Stimme abgeben' }).click();
    await expect.poll(() => mainText(page)).toContain('Deine Stimme ist abgegeben');

    // The administrator votes too and closes the vote: the result says why, in German figures.
    await api.request('POST', `/api/polls/${poll.id}/votes`, { content: { choice: 'yes' } });
    await api.request('POST', `/api/polls/${poll.id}/close`);
    await page.reload();
    await page.locator('#result-heading').waitFor();
    const reason = (await page.locator('.outcome-reason').textContent()) ?? '';
    expect(reason).toMatch(
      /^Angenommen: 100,0\s% Ja unter den Ja- und Nein-Stimmen, nötig: mehr als die Hälfte; [\d,]+\s% haben abgestimmt \(2 von \d+\), Quorum \d+\s%\.$/,
    );
    const howCounted = await page.locator('ul.explanation').textContent();
    expect(howCounted).toMatch(/2 Stimmzettel bei \d+ Stimmberechtigten: Beteiligung/);
    expect(howCounted).toContain('2 Ja, 0 Nein, 0 Enthaltungen.');
    expect(howCounted).not.toMatch(/ballots|turnout|Share of yes/);
    await harness.expectAccessible(page, 'result-de');

    await visit(page, `${server.url}/cycles/${cycle.id}`);
    await page.getByRole('heading', { level: 2, name: 'Arbeitspakete' }).waitFor();
    const cycleText = await mainText(page);
    expect(cycleText).toContain('Vorschläge');
    expect(cycleText).toContain('1 Paket, 40 h geschätzt');
    await harness.expectAccessible(page, 'cycle-de');

    // The administrator gives hours and moves the cycle on: the published plan reads in German.
    const session = await api.request<{ user: { personId: string } }>('GET', '/api/session');
    await api.request('POST', `/api/cycles/${cycle.id}/availability/${session.user.personId}`, {
      hours: 40,
    });
    await api.request('POST', `/api/cycles/${cycle.id}/advance`, { from: 'proposing' });
    await api.request('POST', `/api/cycles/${cycle.id}/advance`, { from: 'voting' });
    await visit(page, `${server.url}/cycles/${cycle.id}`);
    await page.getByRole('heading', { level: 2, name: 'Der Plan' }).waitFor();
    const planText = await mainText(page);
    expect(planText).toContain('40 h Hackerzeit in diesem Zyklus');
    expect(planText).toContain('Stunden je Anteil');
    expect(planText).toContain('Die Rechnung zeigen');
    await page.getByText('Die Rechnung zeigen').click();
    expect(await mainText(page)).toContain('Rundung nach dem größten Rest');
    await harness.expectAccessible(page, 'plan-de');

    await visit(page, `${server.url}/bylaws`);
    await page.getByRole('heading', { level: 1, name: 'Satzung' }).waitFor();
    const bylaws = await mainText(page);
    expect(bylaws).toMatch(/Das Geschäftsjahr beginnt im \p{L}+\./u);
    expect(bylaws).toMatch(/Quorum \d+\s%/);
    await harness.expectAccessible(page, 'bylaws-de');

    // The administrator switches to German in the header and amends the bylaws in it.
    const adminPage = await harness.pageFor(admin.email, admin.password);
    await visit(adminPage, `${server.url}/bylaws/amend`);
    const picker = adminPage.getByLabel('Language');
    await picker.selectOption('de');
    await adminPage.getByRole('heading', { level: 1, name: 'Satzung ändern' }).waitFor();
    await adminPage.getByRole('group', { name: 'Die Aufteilung', exact: true }).waitFor();
    await harness.expectAccessible(adminPage, 'amend-bylaws-de');
    expect(harness.pageErrors).toEqual([]);
  });
});
