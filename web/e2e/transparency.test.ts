import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKey } from '../../src/transparency/core/keys.ts';
import { BrowserHarness, ensureCoop, mainText, visit, type RunningServer } from './helpers.ts';

const key = generateKey('coop.e2e');
const harness = new BrowserHarness('transparency', { COOP_LOG_SIGNING_KEY: key.skey });
let server: RunningServer;

beforeAll(async () => {
  await harness.start();
  server = harness.server;
});

afterAll(() => harness.stop());

describe('the transparency log in the browser', () => {
  it('shows anyone the key, the signed checkpoints and how to check them', async () => {
    const api = await ensureCoop(server.url);
    // The dispatcher signs a checkpoint after the set-up's events: wait for it.
    for (let i = 0; i < 50; i++) {
      const log = await api.request<{ checkpoint: unknown }>('GET', '/api/log');
      if (log.checkpoint) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const page = await harness.pageFor('', '');
    await visit(page, `${server.url}/log`);
    const text = await mainText(page);
    expect(text).toContain('Transparency log');
    expect(text).toContain(key.vkey);
    expect(text).toMatch(/coop log watch/);
    expect(await page.getByRole('table').getByRole('row').count()).toBeGreaterThan(1);
    await harness.expectAccessible(page, 'log page');
    expect(harness.pageErrors).toEqual([]);
  });
});
