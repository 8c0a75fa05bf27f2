import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signoff, TestRepo } from '../../src/contributions/testing/gitRepo.ts';
import { admin, BrowserHarness, confirmAction, ensureCoop, mainText, settle } from './helpers.ts';

const harness = new BrowserHarness('contributions');
const repo = new TestRepo();
const ada = { name: 'Ada Lovelace', email: 'ada@example.org' };

beforeAll(async () => {
  repo.commit(`Start\n\n${signoff(ada)}\n`);
  repo.git('checkout', '-q', '-b', 'needs-signoff');
  repo.commit('Forgot to sign off\n');
  repo.git('checkout', '-q', 'main');
  await harness.start();
});

afterAll(async () => {
  await harness.stop();
  repo.remove();
});

describe('contributions in the browser', () => {
  it('registers a repository, shows the failing branch with its remediation text, and the DCO text', async () => {
    const server = harness.server;
    await ensureCoop(server.url);
    const page = await harness.pageFor(admin.email, admin.password);
    const nav = page.getByRole('navigation', { name: 'Main' });

    await nav.getByRole('link', { name: 'Contributions', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Contributions' }).waitFor();
    await settle(page);
    expect(await mainText(page)).toContain('No repository registered yet.');
    await harness.expectAccessible(page, 'Contributions empty');

    await page.getByRole('textbox', { name: /^Name/ }).fill('demo-repo');
    await page.getByRole('textbox', { name: /^Location/ }).fill(repo.dir);
    await page.getByRole('button', { name: 'Register and sync' }).click();
    await page.getByText('demo-repo is registered').waitFor();

    // The server's job worker syncs it; the list shows the failing branch once it has.
    const row = page.getByRole('row').filter({ hasText: 'demo-repo' });
    await expect
      .poll(
        async () => {
          await page.reload({ waitUntil: 'networkidle' });
          await settle(page);
          return (await row.count()) > 0 ? row.first().textContent() : '';
        },
        { timeout: 20_000, interval: 500 },
      )
      .toContain('1 branch fails');
    await harness.expectAccessible(page, 'Contributions');

    await row.getByRole('link', { name: 'demo-repo' }).click();
    await page.getByRole('heading', { level: 1, name: 'demo-repo' }).waitFor();
    await settle(page);
    await harness.expectAccessible(page, 'Repository');

    // A commit's page: who, when (with the offset git recorded), and the files it changed.
    const latest = page.getByRole('table', { name: 'Latest commits' }).getByRole('link').first();
    await latest.click();
    await page.getByRole('heading', { level: 1, name: /^Commit [0-9a-f]{12}$/ }).waitFor();
    await settle(page);
    const files = page.getByRole('table', { name: 'Files changed' });
    expect(await files.textContent()).toContain('file.txt');
    expect(await mainText(page)).toContain('Ada Lovelace <ada@example.org>');
    await harness.expectAccessible(page, 'Commit');
    await page.getByRole('link', { name: 'Back to the repository' }).click();
    await page.getByRole('heading', { level: 1, name: 'demo-repo' }).waitFor();
    await settle(page);

    await page.getByRole('link', { name: 'needs-signoff' }).click();
    await page.getByRole('heading', { level: 1, name: 'DCO check of needs-signoff' }).waitFor();
    await settle(page);
    const failing = page.getByRole('table', { name: 'Failing commits' });
    expect(await failing.textContent()).toContain('The sign-off is missing.');
    const remediation = await page.getByLabel('Remediation text').textContent();
    expect(remediation).toContain('git push --force-with-lease origin needs-signoff');
    await harness.expectAccessible(page, 'Branch DCO check');

    await page.goto(`${server.url}/dco`, { waitUntil: 'networkidle' });
    await settle(page);
    expect(await page.getByLabel('The DCO text').textContent()).toContain(
      "Developer's Certificate of Origin 1.1",
    );
    await harness.expectAccessible(page, 'DCO text');

    await page.goto(`${server.url}/contributions/contributors`, { waitUntil: 'networkidle' });
    await settle(page);
    expect(await mainText(page)).toContain('ada@example.org');
    await harness.expectAccessible(page, 'Contributors');

    // An officer renames the repository, then removes it; it leaves the list.
    await page.goto(`${server.url}/contributions`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: 'demo-repo' }).click();
    await page.getByRole('heading', { level: 1, name: 'demo-repo' }).waitFor();
    const settings = page.getByRole('region', { name: 'Settings' });
    await settings.getByRole('textbox', { name: /^Name/ }).fill('renamed-repo');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'renamed-repo' }).waitFor();
    await page.getByText('Saved; the next sync uses these settings.').waitFor();
    await settle(page);
    await harness.expectAccessible(page, 'Repository settings');
    // The dialog says what stays on record; the button that removes is inside it.
    expect(await confirmAction(page, 'Remove this repository', 'Remove the repository')).toContain(
      'Its commits stay on record.',
    );
    await page.getByRole('heading', { level: 1, name: 'Contributions' }).waitFor();
    await settle(page);
    expect(await mainText(page)).toContain('No repository registered yet.');

    expect(harness.pageErrors).toEqual([]);
  });
});
