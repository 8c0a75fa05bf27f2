import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  admin,
  axeViolations,
  describeViolations,
  ensureCoop,
  ensureWebBuilt,
  laptop,
  launchBrowser,
  phone,
  settle,
  startServer,
  visit,
  type RunningServer,
} from './helpers.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(viewport: { width: number; height: number }): Promise<{
  context: BrowserContext;
  page: Page;
  errors: string[];
}> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(where, violations)).toEqual([]);
}

describe('the web app', () => {
  it('runs the first-run wizard, invites a member who accepts and appears in the directory', async () => {
    const { context, page, errors } = await newPage(laptop);
    try {
      // The wizard appears on any address until the co-op exists.
      await visit(page, server.url);
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Set up your co-op');
      await expectNoViolations(page, 'wizard');

      await page.getByLabel('Co-op name').fill(admin.coopName);
      // The pie defaults to 40/30/30; the running sum says so.
      await expect.poll(() => page.locator('.share-sum').textContent()).toContain('100%');
      await page.getByLabel('Your name').fill(admin.name);
      await page.getByLabel('Email').fill(admin.email);
      await page.getByLabel('Password', { exact: true }).fill(admin.password);
      await page.getByRole('button', { name: 'Create the co-op' }).click();

      // Signed in, on the dashboard.
      await page.getByRole('heading', { level: 1, name: admin.coopName }).waitFor();
      await expect
        .poll(() => page.getByRole('navigation', { name: 'Main' }).textContent())
        .toContain(admin.name);

      // Invite a community member through the form.
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Invitations' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Invitations' }).waitFor();
      await page.getByLabel('Email').fill('nova@example.org');
      await page.getByLabel('Name (optional)').fill('Nova Member');
      await page.getByLabel('Member class').selectOption('community');
      await page.getByRole('button', { name: 'Send invitation' }).click();
      const linkBox = page.getByLabel('Invitation link for nova@example.org');
      await linkBox.waitFor();
      const link = await linkBox.inputValue();
      expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invite\/[\w-]{20,}$/);
      await expect.poll(() => page.locator('table').textContent()).toContain('nova@example.org');

      // Sign out, then open the link as the invitee.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

      await visit(page, link);
      await expect
        .poll(() => page.locator('main').textContent())
        .toContain('nova@example.org is invited to join as a community member');
      await expectNoViolations(page, 'invitation');
      await page.getByLabel('Your name').fill('Nova Member');
      await page.getByLabel('Choose a password').fill('nova-password-2026');
      await page.getByRole('button', { name: 'Accept and join' }).click();

      // Signed in as the new member, on the dashboard.
      await page.getByRole('heading', { level: 1, name: admin.coopName }).waitFor();
      await expect
        .poll(() => page.getByRole('navigation', { name: 'Main' }).textContent())
        .toContain('Nova Member');

      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Members' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
      await expect
        .poll(() => page.locator('.result-summary').textContent())
        .toBe('Showing 1–2 of 2 members.');
      const names = await page.locator('table tbody tr td:first-child a').allTextContents();
      expect(names.sort()).toEqual([admin.name, 'Nova Member'].sort());
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('has no axe-core violations on any screen, at laptop and phone widths', async () => {
    // Arrange: a co-op with an organization, a second member and a pending invitation.
    const api = await ensureCoop(server.url);
    const org = await api.request<{ id: string }>('POST', '/api/organizations', {
      legalName: 'Axe Testing GmbH',
      displayName: 'Axe Testing',
      kind: 'company',
      memberClass: 'sponsor',
      billingEmail: 'billing@axe.example',
      country: 'DE',
    });
    const invited = await api.request<{ link: string }>('POST', '/api/invitations', {
      email: 'sam@axe.example',
      displayName: 'Sam Sponsor',
      memberClass: 'sponsor',
      organizationId: org.id,
    });
    const accepted = await fetch(
      `${invited.link.replace('/invite/', '/api/invitation-links/')}/accept`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ displayName: 'Sam Sponsor', password: 'sam-password-2026' }),
      },
    );
    expect(accepted.status).toBe(201);
    const sam = (await accepted.json()) as { personId: string };
    const pending = await api.request<{ link: string }>('POST', '/api/invitations', {
      email: 'pat@axe.example',
      memberClass: 'community',
    });
    const me = await api.request<{ user: { personId: string } }>('GET', '/api/session');
    const adminId = me.user.personId;

    const signedOutScreens = [
      '/sign-in',
      '/sign-in?email=pat%40axe.example',
      '/forgot-password',
      '/reset-password/not-a-real-token-but-long-enough',
      new URL(pending.link).pathname,
      '/verify-email/not-a-real-token-but-long-enough',
      '/sign-in-link/not-a-real-token-but-long-enough',
      '/bylaws',
    ];
    const adminScreens = [
      '/',
      '/members',
      '/members?class=sponsor',
      `/members/${adminId}`,
      `/members/${sam.personId}`,
      '/organizations',
      '/organizations/new',
      `/organizations/${org.id}`,
      `/organizations/${org.id}/edit`,
      '/bylaws',
      '/bylaws/versions/1',
      '/bylaws/amend',
      '/invitations',
      '/outbox',
      '/events',
      '/choose-password',
      '/no-such-page',
    ];

    const failures: string[] = [];
    const check = async (page: Page, where: string) => {
      const violations = await axeViolations(page);
      if (violations.length > 0) failures.push(describeViolations(where, violations));
    };

    for (const viewport of [laptop, phone]) {
      const width = `${viewport.width}px`;
      const { context, page, errors } = await newPage(viewport);
      try {
        for (const screen of signedOutScreens) {
          await visit(page, `${server.url}${screen}`);
          await check(page, `${screen} signed out at ${width}`);
        }

        // A form showing errors from the server.
        await visit(page, `${server.url}/sign-in`);
        await page.getByLabel('Email').fill(admin.email);
        await page.getByLabel('Password', { exact: true }).fill('wrong password');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('alert').waitFor();
        await check(page, `/sign-in with an error at ${width}`);

        await page.getByLabel('Password', { exact: true }).fill(admin.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('heading', { level: 1, name: admin.coopName }).waitFor();

        for (const screen of adminScreens) {
          await visit(page, `${server.url}${screen}`);
          await check(page, `${screen} at ${width}`);
        }

        // Expanded and error states.
        await visit(page, `${server.url}/events`);
        await page.locator('details summary').first().click();
        await check(page, `/events with an event open at ${width}`);

        await visit(page, `${server.url}/invitations`);
        await page.getByLabel('Member class').selectOption('sponsor');
        await page.getByRole('button', { name: 'Send invitation' }).click();
        await page.locator('.form-problem').waitFor();
        await check(page, `/invitations with field errors at ${width}`);
        await page.getByLabel('CSV lines').fill('email,name,class\nnot-an-email,,boss\n');
        await page.getByRole('button', { name: 'Import' }).click();
        await page.locator('.line-errors').waitFor();
        await check(page, `/invitations with import errors at ${width}`);

        if (viewport === phone) {
          await visit(page, `${server.url}/`);
          const menu = page.getByRole('button', { name: 'Menu' });
          await menu.click();
          expect(await menu.getAttribute('aria-expanded')).toBe('true');
          await page
            .getByRole('navigation', { name: 'Main' })
            .getByRole('link', { name: 'Bylaws' })
            .waitFor();
          await check(page, `/ with the menu open at ${width}`);
          await page.keyboard.press('Escape');
          expect(await menu.getAttribute('aria-expanded')).toBe('false');
        }
        await settle(page);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
