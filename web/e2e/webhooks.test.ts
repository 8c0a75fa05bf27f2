import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, BrowserHarness, ensureCoop, laptop, mainText, phone, settle } from './helpers.ts';

// The receiver listens on 127.0.0.1, which the server refuses unless its operator allows it.
const harness = new BrowserHarness('webhooks', { COOP_WEBHOOKS_ALLOW_PRIVATE: 'true' });

interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on a free loopback port that answers every request 204. */
async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        path: request.url ?? '/',
        headers: request.headers,
        body,
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  receiver = await startReceiver();
  await harness.start();
});

afterAll(async () => {
  await harness.stop();
  await receiver?.close();
});

describe('webhooks in the browser', () => {
  it('registers an endpoint, shows its secret once, delivers a signed event and lists the event types', async () => {
    const server = harness.server;
    const api = await ensureCoop(server.url);
    const page = await harness.pageFor(admin.email, admin.password);
    const nav = page.getByRole('navigation', { name: 'Main' });

    // The screen, from the navigation.
    await nav.getByRole('link', { name: 'Webhooks', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await settle(page);
    expect(await mainText(page)).toContain('No endpoints yet.');

    // Register the receiver; the secret is shown once. Choosing event types but none of them is
    // refused beside the event types.
    const endpointUrl = receiver.url('/hooks');
    await page.getByRole('textbox', { name: /^URL/ }).fill(endpointUrl);
    await page.getByRole('textbox', { name: /^Description/ }).fill('The e2e receiver');
    const every = page.getByRole('checkbox', { name: /^Every public event type/ });
    await every.uncheck();
    await page.getByRole('button', { name: 'Register' }).click();
    const types = page.getByRole('group', { name: 'Event types' });
    await expect.poll(() => types.getAttribute('aria-describedby')).toBeTruthy();
    const typesError = await types.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${typesError}"]`).textContent()).toBe('⚠ at least 1 item');
    await every.check();
    await page.getByRole('button', { name: 'Register' }).click();
    const secretBox = page.getByRole('textbox', { name: 'Signing secret' });
    await secretBox.waitFor();
    const secret = await secretBox.inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    expect(await mainText(page)).toContain('it is not shown again');
    const row = page.getByRole('row').filter({ hasText: endpointUrl });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('enabled');
    await harness.expectAccessible(page, 'Webhooks');

    // Once the page is loaded afresh, the secret is gone.
    await page.reload({ waitUntil: 'networkidle' });
    await settle(page);
    expect(await page.getByRole('textbox', { name: 'Signing secret' }).count()).toBe(0);
    expect(await mainText(page)).not.toContain(secret);

    // A public event: an organization is added.
    await api.request('POST', '/api/organizations', {
      legalName: 'Nordwind Cloud GmbH',
      displayName: 'Nordwind Cloud',
      kind: 'company',
      memberClass: 'sponsor',
    });
    const deadline = Date.now() + 20_000;
    let delivered: Received | undefined;
    while (!delivered && Date.now() < deadline) {
      delivered = receiver.received.find(
        (r) => r.method === 'POST' && r.body.includes('"organization.created"'),
      );
      if (!delivered) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(delivered, `no delivery within 20 s:\n${server.output()}`).toBeDefined();
    expect(delivered!.path).toBe('/hooks');
    expect(delivered!.headers['webhook-id']).toBeTruthy();
    expect(delivered!.headers['webhook-timestamp']).toMatch(/^\d+$/);
    expect(delivered!.headers['webhook-signature']).toMatch(/^v1,/);
    const payload = JSON.parse(delivered!.body) as {
      type: string;
      data: { seq: unknown; subjectType: unknown; legalName: string };
    };
    expect(payload.type).toBe('organization.created');
    expect(payload.data).toMatchObject({
      subjectType: 'organization',
      legalName: 'Nordwind Cloud GmbH',
    });
    expect(payload.data.seq).toEqual(expect.any(Number));

    // The delivery shows as succeeded after Refresh.
    await row.getByRole('button', { name: 'Deliveries' }).click();
    await page.locator('#deliveries-heading').waitFor();
    await settle(page);
    const deliveries = page.getByRole('table', { name: 'Deliveries' });
    const delivery = deliveries.getByRole('row').filter({ hasText: 'organization.created' });
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Refresh' }).click();
          await settle(page);
          return (await delivery.count()) > 0 ? delivery.first().textContent() : '';
        },
        { timeout: 15_000, interval: 500 },
      )
      .toContain('succeeded');
    expect(await delivery.first().textContent()).toContain('204');
    await harness.expectAccessible(page, 'Webhooks deliveries');

    // The event types, from the link on the screen's navigation.
    await nav.getByRole('link', { name: 'Event types', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Event types' }).waitFor();
    await settle(page);
    const created = page.getByRole('region', { name: 'organization.created' });
    await created.waitFor();
    const createdText = (await created.textContent()) ?? '';
    expect(createdText).toContain('Sent to webhooks.');
    const fields = created.getByRole('table', { name: 'Fields of organization.created' });
    for (const field of ['legalName', 'kind', 'memberClass'])
      expect(await fields.getByRole('row').filter({ hasText: field }).count()).toBe(1);
    expect(
      await fields.getByRole('row').filter({ hasText: 'memberClass' }).textContent(),
    ).toContain('"sponsor"');
    await harness.expectAccessible(page, 'Event types');
    // The page is long: a close-up of the one event, at both widths, to look at.
    const shots = process.env.E2E_SHOTS;
    if (shots)
      for (const viewport of [laptop, phone]) {
        await page.setViewportSize(viewport);
        await created.screenshot({
          path: path.join(shots, `webhooks-organization-created-${viewport.width}.png`),
        });
      }

    expect(harness.pageErrors).toEqual([]);
  });
});
