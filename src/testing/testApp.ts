import { startApp, type RunningApp } from '../app.ts';
import { loadConfig, type Config } from '../platform/config.ts';
import type { Clock } from '../platform/clock.ts';
import { createTestDatabase, type TestDatabaseTarget } from './testDatabase.ts';

export interface TestApp extends RunningApp {
  config: Config;
  target: TestDatabaseTarget;
  client(ip?: string): TestClient;
  /** Runs due background jobs now (mail delivery...), instead of waiting for the poller. */
  drainJobs(): Promise<number>;
  stop(): Promise<void>;
}

export interface TestResponse<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

/** A browser-like client: keeps the session cookie and sends the CSRF token like the web app. */
export class TestClient {
  cookie: string | undefined;
  csrfToken: string | undefined;
  readonly app: RunningApp['app'];
  readonly ip: string;
  constructor(app: RunningApp['app'], ip: string) {
    this.app = app;
    this.ip = ip;
  }

  async request<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse<T>> {
    const response = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    const setCookie = response.cookies.find((c) => c.name === 'coop_session');
    if (setCookie) this.cookie = setCookie.value ? `coop_session=${setCookie.value}` : undefined;
    const type = String(response.headers['content-type'] ?? '');
    const parsed =
      /^application\/(problem\+)?json/.test(type) && response.body
        ? JSON.parse(response.body)
        : response.body;
    if (parsed && typeof parsed === 'object' && 'csrfToken' in parsed && parsed.csrfToken)
      this.csrfToken = String(parsed.csrfToken);
    return { status: response.statusCode, body: parsed as T, headers: response.headers };
  }

  get = <T = Record<string, unknown>>(url: string) => this.request<T>('GET', url);
  post = <T = Record<string, unknown>>(url: string, body?: unknown) =>
    this.request<T>('POST', url, body ?? {});
  patch = <T = Record<string, unknown>>(url: string, body: unknown) =>
    this.request<T>('PATCH', url, body);
  delete = <T = Record<string, unknown>>(url: string) => this.request<T>('DELETE', url);

  async signIn(email: string, secret: { password: string } | { code: string }) {
    const response = await this.post('/api/auth/login', { email, ...secret });
    return response;
  }
}

export const adminCredentials = { email: 'admin@example.org', password: 'correct horse battery' };

/**
 * The whole app in-process (no port), on a fresh database; the poller is off, tests drain.
 * `clock` (a `manualClock`) stands the app on a chosen day, so that a test of deadlines or
 * fiscal years passes whatever today is.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { clock?: Clock } = {},
): Promise<TestApp> {
  const target = await createTestDatabase();
  const config = loadConfig({
    COOP_DATA_DIR: target.dataDir,
    ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {}),
    COOP_LOG: 'silent',
    COOP_JOBS: 'off',
    PUBLIC_URL: 'http://coop.test',
    ...env,
  });
  const running = await startApp(config, { listen: false, ...options });
  const { startBackgroundWork } = await import('../app.ts');
  const worker = startBackgroundWork(running.database, config, running.log, { autostart: false });
  return {
    ...running,
    config,
    target,
    client: (ip = '10.0.0.1') => new TestClient(running.app, ip),
    drainJobs: () => worker.drain(options.clock?.now()),
    async stop() {
      await worker.stop();
      await running.close();
      await target.drop();
    },
  };
}

/** Runs the wizard; returns a client signed in as the administrator. */
export async function setUpCoop(app: TestApp, overrides: Record<string, unknown> = {}) {
  const admin = app.client('10.0.0.100');
  const response = await admin.post('/api/setup', {
    name: 'Test Hackers Co-op',
    currency: 'EUR',
    admin: { displayName: 'Ada Admin', ...adminCredentials },
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`setup failed: ${JSON.stringify(response.body)}`);
  await admin.get('/api/session');
  return admin;
}

/** Invites and accepts through the API; returns the new member's signed-in client and id. */
export async function addMember(
  app: TestApp,
  admin: TestClient,
  member: {
    email: string;
    name: string;
    memberClass: 'hacker' | 'sponsor' | 'community';
    organizationId?: string;
  },
  ip = '10.0.1.1',
) {
  const invite = await admin.post<{ link: string }>('/api/invitations', {
    email: member.email,
    memberClass: member.memberClass,
    ...(member.organizationId ? { organizationId: member.organizationId } : {}),
  });
  if (invite.status !== 201) throw new Error(`invite failed: ${JSON.stringify(invite.body)}`);
  const token = invite.body.link.split('/invite/')[1]!;
  const client = app.client(ip);
  const accepted = await client.post<{ personId: string }>(
    `/api/invitation-links/${token}/accept`,
    {
      displayName: member.name,
      password: 'member password 1',
    },
  );
  if (accepted.status !== 201) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`);
  return { client, personId: accepted.body.personId };
}
