import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, BrowserHarness, fillDate, repoRoot, settle } from './helpers.ts';

// The demo's administrator (src/demo/fillDemo.ts).
const demoAdmin = { email: 'admin@demo.coop', password: 'cooperate-demo-2026' };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-e2e-demo-'));
let harness: BrowserHarness;

beforeAll(async () => {
  // `coop demo` fills the data directory first; the server then follows its events, so the
  // breached clock's credit is proposed by the dispatcher as in real use.
  const demo = spawnSync(process.execPath, ['bin/coop.js', 'demo'], {
    cwd: repoRoot,
    env: { ...process.env, COOP_DATA_DIR: dataDir, COOP_LOG: 'warn' },
    encoding: 'utf8',
    timeout: 170_000,
  });
  if (demo.status !== 0) throw new Error(`coop demo failed:\n${demo.stdout}\n${demo.stderr}`);
  harness = new BrowserHarness('service-credits-demo', { COOP_DATA_DIR: dataDir });
  await harness.start();
}, 180_000);
afterAll(async () => {
  await harness?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Credit {
  id: string;
  organizationId: string;
  amount: string;
  state: string;
}

describe('the demo’s service credit in the browser', () => {
  it('shows the proposed credit beside its breach and an officer confirms it', async () => {
    const api = new ApiClient(harness.server.url);
    await api.signIn(demoAdmin.email, demoAdmin.password);
    // Two breaches propose credits once the dispatcher has followed them: the platinum
    // sponsor's late first response, and the gold sponsor's missing impact note.
    let credits: Credit[] = [];
    for (let i = 0; i < 120 && credits.length < 2; i++) {
      credits = (await api.request<{ credits: Credit[] }>('GET', '/api/service-credits')).credits;
      if (credits.length < 2) await new Promise((r) => setTimeout(r, 1000));
    }
    expect(credits.map((c) => [c.amount, c.state]).sort()).toEqual([
      ['1800.00', 'proposed'],
      ['360.00', 'proposed'],
    ]);
    const credit = credits.find((c) => c.amount === '1800.00')!;

    const page = await harness.pageFor(demoAdmin.email, demoAdmin.password);
    await page.goto(`${harness.server.url}/organizations/${credit.organizationId}/service-report`);
    await page.getByRole('heading', { level: 1, name: 'Service-level report' }).waitFor();
    const day = (offset: number) =>
      new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await fillDate(page, 'From', day(-3));
    await fillDate(page, 'To', day(0));
    await page.getByText('€1,800.00 — proposed').waitFor();
    await page
      .getByText(
        '2% of the period’s fee of €90,000.00 per breach, at most 10% of it in the period, of which earlier credits took €0.00.',
      )
      .waitFor();
    await settle(page);
    await harness.expectAccessible(page, 'compliance-report-proposed-credit');

    // Declining says why: a reason too short is the route's schema's to refuse, beside the
    // reason, before anything is sent.
    await page.getByRole('button', { name: 'Decline', exact: true }).click();
    const decline = page.getByRole('dialog', { name: /^Decline the service credit of €1,800.00/ });
    await decline.getByLabel('Reason').fill('no');
    await decline.getByRole('button', { name: 'Decline the credit' }).click();
    await decline.locator('.form-problem').waitFor();
    expect(await decline.getByLabel('Reason').getAttribute('aria-invalid')).toBe('true');
    expect(await decline.locator('.field-error').textContent()).toContain('at least 3 characters');
    await harness.expectAccessible(page, 'decline-credit-dialog-error');
    await decline.getByRole('button', { name: 'Cancel' }).click();
    await decline.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Confirm the credit' }).click();
    const dialog = page.getByRole('dialog', { name: /^Confirm a service credit of €1,800.00/ });
    await dialog.waitFor();
    await harness.expectAccessible(page, 'confirm-credit-dialog');
    await dialog.getByRole('button', { name: 'Confirm the credit' }).click();
    // The report reloads and the confirm button leaves the page; its answer stays.
    await page.getByText('€1,800.00 — confirmed, on the next invoice').waitFor();
    await expect(
      page.getByRole('status').filter({ hasText: 'The credit is confirmed.' }).count(),
    ).resolves.toBe(1);
    const after = await api.request<{ credits: Credit[] }>('GET', '/api/service-credits');
    expect(after.credits.map((c) => [c.amount, c.state]).sort()).toEqual([
      ['1800.00', 'confirmed'],
      ['360.00', 'proposed'],
    ]);
    expect(harness.pageErrors).toEqual([]);
  });
});
