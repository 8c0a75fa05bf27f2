import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, admin, BrowserHarness, ensureCoop, mainText, settle } from './helpers.ts';

const harness = new BrowserHarness('requests');

beforeAll(() => harness.start());
afterAll(() => harness.stop());

describe('requests for expert access in the browser', () => {
  it('a sponsor asks with a log attached, a hacker answers with minutes, waits, the sponsor answers, the hacker resolves, the hours show', async () => {
    const api = await ensureCoop(harness.server.url);
    const acme = await api.request<{ id: string }>('POST', '/api/organizations', {
      legalName: 'ACME Ltd',
    });
    const rita = { email: 'rita@acme.example', password: 'rita password 1' };
    const hal = { email: 'hal@coop.example', password: 'hal password 12' };
    await addMember(api, {
      ...rita,
      displayName: 'Rita Rep',
      memberClass: 'sponsor',
      organizationId: acme.id,
    });
    const { personId: halId } = await addMember(api, {
      ...hal,
      displayName: 'Hal Hacker',
      memberClass: 'hacker',
    });
    const tier = await api.request<{ id: string }>('POST', '/api/tiers', {
      slug: 'gold',
      name: 'Gold',
      price: '12000.00',
      currency: 'EUR',
      periodMonths: 12,
      serviceHoursPerMonth: 10,
      entitlements: {
        responseHours: { critical: 4, high: 24, normal: 72, low: null },
        expertHoursPerMonth: 10,
        reciprocalAccess: true,
        meetingsPerYear: 4,
        digest: 'monthly',
        publicAcknowledgement: true,
      },
    });
    // In force today, whatever day the suite runs.
    const year = new Date().getUTCFullYear();
    await api.request('POST', '/api/agreements', {
      organizationId: acme.id,
      title: 'ACME support',
      startsOn: `${year - 1}-01-01`,
      termMonths: 48,
      lines: [{ tierId: tier.id }],
      billingContacts: [{ name: 'AP', email: 'ap@acme.example' }],
      servingHackerIds: [halId],
    });

    // The sponsor finds the empty list, which says what to do, and opens a request.
    const sponsor = await harness.pageFor(rita.email, rita.password);
    await sponsor
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Requests' })
      .click();
    await sponsor.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
    await settle(sponsor);
    await sponsor.getByText('Your organization has asked nothing yet.', { exact: false }).waitFor();
    expect(await mainText(sponsor)).toContain('0 min of 10 h');
    await harness.expectAccessible(sponsor, 'requests-empty');
    await sponsor.getByRole('link', { name: 'New request' }).click();
    await sponsor.getByRole('heading', { level: 1, name: 'New request' }).waitFor();
    await settle(sponsor);
    await sponsor.getByRole('textbox', { name: /^Subject/ }).fill('TLS handshake fails after 3.2');
    await sponsor
      .getByRole('textbox', { name: /^Details/ })
      .fill('Since upgrading to 3.2 our clients fail with EPROTO.\nThe log is attached.');
    await sponsor.getByRole('combobox', { name: /^Urgency/ }).selectOption('high');
    await sponsor.getByLabel(/^Attachments/).setInputFiles({
      name: 'handshake.log',
      mimeType: 'text/plain',
      buffer: Buffer.from('EPROTO at handshake, line 3\n'),
    });
    await sponsor.getByText('handshake.log (', { exact: false }).waitFor();
    await harness.expectAccessible(sponsor, 'request-new');
    await sponsor.getByRole('button', { name: 'Open the request' }).click();
    await sponsor
      .getByRole('heading', { level: 1, name: 'Request 1: TLS handshake fails after 3.2' })
      .waitFor();
    await settle(sponsor);
    const download = sponsor.getByRole('link', { name: /^Download handshake\.log/ });
    const file = await sponsor.request.get(
      new URL((await download.getAttribute('href'))!, harness.server.url).toString(),
    );
    expect(await file.text()).toBe('EPROTO at handshake, line 3\n');

    // The hacker is told on the home page, answers with the minutes spent, then waits.
    const hacker = await harness.pageFor(hal.email, hal.password);
    await hacker.getByRole('link', { name: 'Answer 1 sponsor request' }).click();
    await hacker.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
    await hacker.getByRole('link', { name: /TLS handshake fails/ }).waitFor();
    await settle(hacker);
    expect(await mainText(hacker)).toContain('ACME Ltd');
    await harness.expectAccessible(hacker, 'requests-coop');
    await hacker.getByRole('link', { name: /TLS handshake fails/ }).click();
    await hacker.getByRole('heading', { level: 2, name: 'Thread' }).waitFor();
    await settle(hacker);
    await hacker
      .getByRole('textbox', { name: /^Your reply/ })
      .fill('Please send the output of openssl s_client -connect.');
    await hacker.getByRole('spinbutton', { name: /^Minutes spent/ }).fill('200');
    await hacker.getByRole('button', { name: 'Send the reply' }).click();
    await hacker.getByText('Your reply is in the thread.').waitFor();
    await hacker.getByText('3 h 20 min spent').waitFor();
    await hacker
      .getByRole('textbox', { name: 'What you need from them' })
      .fill('The s_client output from an affected client.');
    await hacker.getByRole('button', { name: 'Mark as waiting on the sponsor' }).click();
    await hacker.getByText('Waiting on the sponsor: The s_client output').waitFor();
    await settle(hacker);
    await harness.expectAccessible(hacker, 'request-coop-waiting');

    // The sponsor sees what the co-op waits for and answers, attaching the output.
    await sponsor.reload();
    await sponsor.getByText('The co-op waits for you: The s_client output').waitFor();
    await settle(sponsor);
    expect(await mainText(sponsor)).toContain('3 h 20 min of 10 h');
    await harness.expectAccessible(sponsor, 'request-sponsor-waiting');
    await sponsor
      .getByRole('textbox', { name: /^Your reply/ })
      .fill('Here it is: the server offers only TLS 1.3.');
    await sponsor.getByLabel(/^Attachments/).setInputFiles({
      name: 's_client.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Protocol  : TLSv1.3\n'),
    });
    await sponsor.getByRole('button', { name: 'Send the reply' }).click();
    await sponsor.getByText('Your reply is in the thread.').waitFor();
    await sponsor.getByRole('link', { name: /^Download s_client\.txt/ }).waitFor();

    // The hacker resolves it with a note.
    await hacker.reload();
    await hacker.getByText('Here it is: the server offers only TLS 1.3.').waitFor();
    await settle(hacker);
    await hacker
      .getByRole('textbox', { name: /^Closing note/ })
      .fill('Enable TLS 1.2 on the server; fixed in 3.2.1.');
    await hacker.getByRole('button', { name: 'Resolve the request' }).click();
    await hacker.getByText('Resolved; the sponsor is mailed.').waitFor();
    await hacker.getByText('Hal Hacker resolved the request').waitFor();
    await settle(hacker);
    await harness.expectAccessible(hacker, 'request-coop-resolved');

    // The sponsor sees it resolved, may reopen it, and sees the month's hours in the list.
    await sponsor.reload();
    await sponsor.getByRole('heading', { level: 2, name: 'Reopen' }).waitFor();
    await settle(sponsor);
    expect(await mainText(sponsor)).toContain('Enable TLS 1.2 on the server');
    await harness.expectAccessible(sponsor, 'request-sponsor-resolved');
    await sponsor.getByRole('link', { name: 'All requests' }).click();
    await sponsor.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
    await sponsor.getByRole('link', { name: /TLS handshake fails/ }).waitFor();
    await settle(sponsor);
    const list = await mainText(sponsor);
    expect(list).toContain('3 h 20 min of 10 h');
    expect(list).toContain('6 h 40 min left this month');
    expect(list).toContain('Resolved');
    await harness.expectAccessible(sponsor, 'requests-sponsor');

    // In German, the same hours in German words.
    await sponsor.getByLabel('Language').selectOption('de');
    await sponsor.getByRole('heading', { level: 1, name: 'Anfragen' }).waitFor();
    await settle(sponsor);
    const german = await mainText(sponsor);
    expect(german).toContain('3 Std. 20 Min. von 10 Std.');
    expect(german).toContain('Erledigt');
    await harness.expectAccessible(sponsor, 'requests-sponsor-de');

    // An administrator sees the request's service clocks linked from the list.
    const officer = await harness.pageFor(admin.email, admin.password);
    await officer.goto(`${harness.server.url}/requests?status=resolved`);
    await officer.getByRole('link', { name: /TLS handshake fails/ }).waitFor();
    await settle(officer);
    await officer
      .getByRole('link', { name: /^(First response|Resolution|Update): / })
      .first()
      .waitFor();
    await harness.expectAccessible(officer, 'requests-officer');

    // The sponsor (reading German now) reopens it: the co-op owes a new answer from the
    // reopening, and the clocks it met stay on record.
    await sponsor.getByRole('link', { name: /TLS handshake fails/ }).click();
    await sponsor.getByRole('heading', { level: 2, name: 'Wieder eröffnen' }).waitFor();
    await settle(sponsor);
    await sponsor
      .getByRole('textbox', { name: /^Warum/ })
      .fill('TLS 1.2 fails again after the 3.2.2 update.');
    await sponsor.getByRole('button', { name: 'Anfrage wieder eröffnen' }).click();
    await sponsor.getByText('Die Anfrage ist wieder offen.').waitFor();
    await officer.goto(`${harness.server.url}/requests?status=open`);
    await officer.getByRole('link', { name: /TLS handshake fails/ }).click();
    await officer
      .getByText(/^(First response|Resolution) since the reopening on .*: Running$/)
      .first()
      .waitFor();
    await settle(officer);
    expect(await mainText(officer)).toMatch(/(First response|Resolution): Met/);
    await harness.expectAccessible(officer, 'request-reopened');
    expect(harness.pageErrors).toEqual([]);
  });
});
