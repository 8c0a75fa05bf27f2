/** Shared by the end-to-end tests: the real server, a headless Chromium, and axe-core. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { expect } from 'vitest';
import { copyPgliteTemplate } from '../../src/testing/templates.ts';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const axePath = path.join(repoRoot, 'node_modules/axe-core/axe.min.js');

/** Builds the web app once if web/dist is missing; the server serves whatever is there. */
export function ensureWebBuilt(): void {
  if (fs.existsSync(path.join(repoRoot, 'web/dist/index.html'))) return;
  const result = spawnSync('npm', ['run', 'build:web', '--silent'], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: 'pipe',
  });
  if (result.status !== 0)
    throw new Error(`npm run build:web failed:\n${result.stdout}\n${result.stderr}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  dataDir: string;
  /** What the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * `node bin/coop.js serve` on a fresh, migrated data directory and a free port, once /api/health
 * answers; `env` adds to or overrides the server's environment (e.g. COOP_WEBHOOKS_ALLOW_PRIVATE).
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-e2e-'));
  await copyPgliteTemplate(dataDir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['bin/coop.js', 'serve'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      COOP_DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      COOP_LOG: 'warn',
      PUBLIC_URL: url,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The server exited with code ${child.exitCode}:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server did not answer /api/health within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, dataDir, output: () => output, stop };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const laptop = { width: 1280, height: 800 };
export const phone = { width: 375, height: 812 };

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe-core on the page as it is now and returns its violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: { resultTypes: string[] },
          ) => Promise<{ violations: unknown[] }>;
        };
      }
    ).axe;
    // Only violations are read: axe then skips collecting every node that passed.
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations as AxeViolation[];
  });
}

export function describeViolations(where: string, violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact ?? 'n/a'}) ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map(
            (n) =>
              `    ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`,
          )
          .join('\n'),
    )
    .join('\n');
}

/** Navigates and waits until the page has its h1 and nothing is loading any more. */
export async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'networkidle' });
  await settle(page);
}

export async function settle(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.loading').length === 0, null, {
    timeout: 10_000,
  });
}

/** A tiny JSON client with one session cookie, for arranging data around the browser. */
export class ApiClient {
  private cookie = '';
  private csrf = '';
  private readonly base: string;

  constructor(base: string) {
    this.base = base;
  }

  async request<T>(method: string, pathName: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const response = await fetch(`${this.base}${pathName}`, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie();
    if (setCookie.length > 0) this.cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${pathName} → ${response.status}: ${text}`);
    const json = text ? (JSON.parse(text) as T) : (undefined as T);
    if (json && typeof json === 'object' && 'csrfToken' in json)
      this.csrf = String((json as { csrfToken: unknown }).csrfToken);
    return json;
  }

  async signIn(email: string, password: string): Promise<{ personId: string }> {
    return this.request('POST', '/api/auth/login', { email, password });
  }
}

export const admin = {
  coopName: 'Test Hackers Co-op',
  name: 'Alex Admin',
  email: 'alex@example.org',
  password: 'correct horse battery',
};

/** Runs the first-run setup through the API unless it already ran; returns a signed-in client. */
export async function ensureCoop(base: string): Promise<ApiClient> {
  const client = new ApiClient(base);
  const setup = await client.request<{ required: boolean }>('GET', '/api/setup');
  if (setup.required)
    await client.request('POST', '/api/setup', {
      name: admin.coopName,
      admin: { displayName: admin.name, email: admin.email, password: admin.password },
    });
  await client.signIn(admin.email, admin.password);
  return client;
}

/**
 * A tier with reciprocal access and an agreement on it in force today: without one, a sponsor's
 * concerns are kept but it is not consulted.
 */
export async function signReciprocalRetainer(
  api: ApiClient,
  organizationId: string,
  slug = 'gold',
): Promise<void> {
  const tier = await api.request<{ id: string }>('POST', '/api/tiers', {
    slug,
    name: 'Gold',
    price: '12000.00',
    currency: 'EUR',
    periodMonths: 12,
    entitlements: {
      responseHours: { critical: 6, high: 24, normal: 72, low: null },
      expertHoursPerMonth: 4,
      reciprocalAccess: true,
      meetingsPerYear: 4,
      digest: 'none',
      publicAcknowledgement: true,
    },
    serviceHoursPerMonth: 4,
  });
  await api.request('POST', '/api/agreements', {
    organizationId,
    title: 'Retainer',
    startsOn: '2024-01-01',
    termMonths: 60,
    lines: [{ tierId: tier.id }],
  });
}

/** Invites a member through the API and accepts the invitation; returns the new person's id. */
export async function addMember(
  api: ApiClient,
  member: {
    email: string;
    displayName: string;
    memberClass: 'hacker' | 'sponsor' | 'community';
    organizationId?: string;
    password: string;
  },
): Promise<{ personId: string }> {
  const { password, ...invitation } = member;
  const invited = await api.request<{ link: string }>('POST', '/api/invitations', invitation);
  const response = await fetch(
    `${invited.link.replace('/invite/', '/api/invitation-links/')}/accept`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ displayName: member.displayName, password }),
    },
  );
  if (response.status !== 201)
    throw new Error(`Accepting the invitation of ${member.email}: ${await response.text()}`);
  return (await response.json()) as { personId: string };
}

/** Signs in through the sign-in page and waits for the dashboard. */
export async function signInAs(
  page: Page,
  base: string,
  email: string,
  password: string,
): Promise<void> {
  await visit(page, `${base}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await settle(page);
}

/**
 * One server and one browser for a test file: signed-in pages, each screen checked with axe at
 * both widths (nothing may scroll sideways, at most one filled action), screenshots when E2E_SHOTS names a directory
 * (never the repo), and the pages' uncaught errors collected.
 */
export class BrowserHarness {
  server!: RunningServer;
  browser!: Browser;
  readonly pageErrors: string[] = [];
  private readonly contexts: BrowserContext[] = [];
  private readonly shotsDir = process.env.E2E_SHOTS;
  private readonly shotPrefix: string;
  private readonly serverEnv: Record<string, string>;

  /** `serverEnv` is passed to the server's environment. */
  constructor(shotPrefix: string, serverEnv: Record<string, string> = {}) {
    this.shotPrefix = shotPrefix;
    this.serverEnv = serverEnv;
  }

  async start(): Promise<void> {
    ensureWebBuilt();
    this.server = await startServer(this.serverEnv);
    this.browser = await launchBrowser();
  }

  async stop(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.browser?.close();
    await this.server?.stop();
  }

  /** A page of its own browser context, signed in unless the email is empty. */
  async pageFor(email: string, password: string): Promise<Page> {
    const context = await this.browser.newContext({ viewport: laptop });
    this.contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => this.pageErrors.push(`${email}: ${error.message}`));
    if (email) await signInAs(page, this.server.url, email, password);
    return page;
  }

  async expectAccessible(page: Page, where: string): Promise<void> {
    for (const viewport of [laptop, phone]) {
      await page.setViewportSize(viewport);
      const violations = await axeViolations(page);
      expect(violations, describeViolations(`${where} at ${viewport.width}px`, violations)).toEqual(
        [],
      );
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${where} scrolls sideways at ${viewport.width}px`).toBeLessThanOrEqual(0);
      // The one action that matters on a page is its only filled button.
      const filled = await page.locator('main .button.primary:visible').allTextContents();
      expect(
        filled.length,
        `${where}: more than one filled action: ${filled.join(' | ')}`,
      ).toBeLessThanOrEqual(1);
      if (this.shotsDir) {
        fs.mkdirSync(this.shotsDir, { recursive: true });
        const name = `${this.shotPrefix}-${where.replace(/[^\w-]+/g, '-')}-${viewport.width}.png`;
        await page.screenshot({ path: path.join(this.shotsDir, name), fullPage: true });
      }
    }
    await page.setViewportSize(laptop);
  }
}

export async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').textContent()) ?? '';
}

/** A day as the app prints it ("23 Nov 2026"). */
export async function localDate(page: Page, day: string): Promise<string> {
  return page.evaluate(
    (d) =>
      new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(new Date(`${d}T00:00:00`)),
    day,
  );
}

/**
 * Clicks an irreversible action's button, checks that the dialog says what will happen, and
 * confirms it there; returns the dialog's text.
 */
export async function confirmAction(page: Page, trigger: string, confirm: string): Promise<string> {
  await page.getByRole('button', { name: trigger }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  const text = (await dialog.textContent()) ?? '';
  // The focus starts on Cancel, so that Enter does not act.
  expect(
    await dialog
      .getByRole('button', { name: 'Cancel' })
      .evaluate((b) => b === document.activeElement),
  ).toBe(true);
  await dialog.getByRole('button', { name: confirm }).click();
  await dialog.waitFor({ state: 'hidden' });
  return text;
}

/**
 * Types a day ("2032-02-01") or a day and time ("2032-02-01T10:00") into a date field as a
 * person does, segment by segment. By the segments' names, not their order, which is the
 * member's language's (day first in German and British English); the year first, so that no
 * day is held to the wrong month's length while the month changes.
 */
export async function fillDate(
  scope: Page | Locator,
  name: string | RegExp,
  value: string,
): Promise<void> {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (!match) throw new Error(`not a day or a day and time: ${value}`);
  const [, year, month, day, hour, minute] = match;
  const field = scope.getByRole('group', { name, exact: true });
  const parts: [string, string | undefined][] = [
    ['year', year],
    ['month', month],
    ['day', day],
    ['hour', hour],
    ['minute', minute],
  ];
  for (const [type, digits] of parts) {
    if (digits === undefined) continue;
    const segment = field.locator(`[data-type="${type}"]`);
    await segment.click();
    await segment.pressSequentially(digits);
  }
  // The picker's own hidden input holds the value it took (with seconds, for a time).
  await expect
    .poll(async () => (await field.locator('input[type="hidden"]').inputValue()).slice(0, 16))
    .toBe(value);
}

/** Picks a month ("2026-11") in a month field: its name from the list, the year typed. */
export async function fillMonth(scope: Page | Locator, name: string, value: string): Promise<void> {
  const [year, month] = value.split('-') as [string, string];
  const field = scope.getByRole('group', { name, exact: true });
  await field.getByRole('combobox').selectOption(month);
  await field.getByRole('textbox').fill(year);
}
