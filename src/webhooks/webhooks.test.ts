import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorActor } from '../platform/actor.ts';
import { runCommand } from '../platform/commands.ts';
import { events } from '../platform/db/schema.ts';
import { createDispatcher } from '../platform/dispatcher.ts';
import { startWorker } from '../platform/jobs.ts';
import { setUpCoop, startTestApp, type TestApp, type TestClient } from '../testing/testApp.ts';
import { maxAttempts } from './attempts.ts';
import { registerEndpoint } from './commands/registerEndpoint.ts';
import { webhookDeliveryHandler, webhooksConsumer } from './delivery.ts';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

/** A receiving server on 127.0.0.1: answers each path with queued statuses, then 200. */
async function startReceiver() {
  const received: Received[] = [];
  const plans = new Map<string, number[]>();
  const always = new Map<string, number>();
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({ path, headers: request.headers, body, at: Date.now() });
      const status = plans.get(path)?.shift() ?? always.get(path) ?? 200;
      response.writeHead(status, { 'content-type': 'text/plain' }).end(`status ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    at: (path: string) => received.filter((r) => r.path === path),
    plan: (path: string, statuses: number[]) => plans.set(path, statuses),
    always: (path: string, status: number) => always.set(path, status),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Standard Webhooks verification, written from the spec independently of src/webhooks. */
function verify(secret: string, request: Received): boolean {
  const id = String(request.headers['webhook-id']);
  const timestamp = String(request.headers['webhook-timestamp']);
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${request.body}`).digest();
  return String(request.headers['webhook-signature'])
    .split(' ')
    .some((entry) => {
      const [version, signature] = entry.split(',');
      const given = Buffer.from(signature ?? '', 'base64');
      return (
        version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected)
      );
    });
}

interface Delivery {
  id: string;
  eventType: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastResponseMs: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
}

describe('webhooks', () => {
  let app: TestApp;
  let admin: TestClient;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let organizationId: string;
  const secrets: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const register = async (name: string, body: Record<string, unknown>) => {
    const response = await admin.post<{ id: string; secret: string }>(
      '/api/webhooks/endpoints',
      body,
    );
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    secrets[name] = response.body.secret;
    ids[name] = response.body.id;
    return response.body;
  };
  const deliveries = async (name: string) =>
    (await admin.get<{ deliveries: Delivery[] }>(`/api/webhooks/endpoints/${ids[name]}/deliveries`))
      .body.deliveries;
  /** Makes every waiting retry due now: the schedule's minutes and hours, skipped. */
  const makeRetriesDue = () =>
    app.database.db.execute(
      sql`update jobs set run_at = now() where kind = 'webhook.deliver' and done_at is null and failed_at is null`,
    );
  let renames = 0;
  const touchOrganization = () =>
    admin.patch(`/api/organizations/${organizationId}`, { displayName: `Acme ${++renames}` });

  beforeAll(async () => {
    receiver = await startReceiver();
    app = await startTestApp({ COOP_WEBHOOKS_ALLOW_PRIVATE: 'true' });
    admin = await setUpCoop(app);
    await app.drainJobs();
  });
  afterAll(async () => {
    await app?.stop();
    await receiver?.close();
  });

  it('registers an endpoint and returns its secret once', async () => {
    const { secret } = await register('all', {
      url: receiver.url('/all'),
      description: 'everything',
    });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
    const list = await admin.get<{ endpoints: Record<string, unknown>[] }>(
      '/api/webhooks/endpoints',
    );
    expect(list.body.endpoints).toHaveLength(1);
    expect(list.body.endpoints[0]).toMatchObject({ url: receiver.url('/all'), enabled: true });
    expect(JSON.stringify(list.body)).not.toContain('whsec_');
  });

  it('POSTs a signed event, not the internal ones or those before registration', async () => {
    const created = await admin.post<{ id: string }>('/api/organizations', {
      legalName: 'Acme Ltd',
      kind: 'company',
      memberClass: 'sponsor',
    });
    expect(created.status).toBe(201);
    organizationId = created.body.id;
    await app.drainJobs();

    const got = receiver.at('/all');
    expect(got).toHaveLength(1);
    const request = got[0]!;
    expect(verify(secrets.all!, request)).toBe(true);
    expect(verify(secrets.all!, { ...request, body: request.body.replace('Acme', 'Acne') })).toBe(
      false,
    );
    expect(request.headers['content-type']).toBe('application/json');
    const payload = JSON.parse(request.body);
    expect(payload).toMatchObject({
      type: 'organization.created',
      data: {
        subjectType: 'organization',
        subjectId: organizationId,
        legalName: 'Acme Ltd',
        kind: 'company',
        memberClass: 'sponsor',
      },
    });
    expect(payload.timestamp).toBe(payload.data.occurredAt);
    expect(typeof payload.data.seq).toBe('number');
    expect(payload.data.actorId).toMatch(/^[0-9a-f-]{36}$/);

    const [event] = await app.database.db
      .select()
      .from(events)
      .where(and(eq(events.type, 'organization.created'), eq(events.subjectId, organizationId)));
    const latencyMs = request.at - event!.occurredAt.getTime();
    console.log(`event to POST: ${latencyMs} ms (commit, drain: dispatcher, job, HTTP)`);

    const [delivery] = await deliveries('all');
    expect(delivery).toMatchObject({
      eventType: 'organization.created',
      status: 'succeeded',
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(delivery!.lastResponseMs).toBeGreaterThanOrEqual(0);
    expect(request.headers['webhook-id']).toBe(delivery!.id);
  });

  it('retries a 500 with back-off, then succeeds; a failing endpoint holds up no other', async () => {
    receiver.plan('/flaky', [500]);
    await register('flaky', {
      url: receiver.url('/flaky'),
      eventTypes: ['organization.updated'],
    });
    const before = receiver.at('/all').length;
    await touchOrganization();
    await app.drainJobs();

    expect(receiver.at('/flaky')).toHaveLength(1);
    expect(receiver.at('/all')).toHaveLength(before + 1);
    const [waiting] = await deliveries('flaky');
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
    const summary = async () =>
      (
        await admin.get<{
          endpoints: { id: string; pending: number; lastSuccessAt: string | null }[];
        }>('/api/webhooks/endpoints')
      ).body.endpoints.find((e) => e.id === ids.flaky)!;
    expect(await summary()).toMatchObject({ pending: 1, lastSuccessAt: null });
    expect(waiting!.lastError).toContain('HTTP 500');
    const wait = new Date(waiting!.nextAttemptAt!).getTime() - Date.now();
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(5_000);

    // Not due yet: nothing is sent before its time.
    await app.drainJobs();
    expect(receiver.at('/flaky')).toHaveLength(1);

    await makeRetriesDue();
    await app.drainJobs();
    const attempts = receiver.at('/flaky');
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.headers['webhook-id']).toBe(attempts[0]!.headers['webhook-id']);
    expect(verify(secrets.flaky!, attempts[1]!)).toBe(true);
    const [done] = await deliveries('flaky');
    expect(done).toMatchObject({ status: 'succeeded', attempts: 2, lastStatusCode: 200 });
    const after = await summary();
    expect(after.pending).toBe(0);
    expect(after.lastSuccessAt).not.toBeNull();
  });

  it('replays one delivery, or every failed one', async () => {
    const [done] = await deliveries('flaky');
    const replay = await admin.post<{ replayed: number }>(
      `/api/webhooks/endpoints/${ids.flaky}/replay`,
      { deliveryId: done!.id },
    );
    expect(replay.status).toBe(200);
    expect(replay.body.replayed).toBe(1);
    await app.drainJobs();
    const attempts = receiver.at('/flaky');
    expect(attempts).toHaveLength(3);
    expect(attempts[2]!.headers['webhook-id']).toBe(done!.id);
    expect(JSON.parse(attempts[2]!.body)).toEqual(JSON.parse(attempts[0]!.body));
    expect((await deliveries('flaky'))[0]).toMatchObject({ status: 'succeeded', attempts: 1 });

    const none = await admin.post<{ replayed: number }>(
      `/api/webhooks/endpoints/${ids.flaky}/replay`,
      {},
    );
    expect(none.body.replayed).toBe(0);
  });

  it('signs with both secrets during a rotation', async () => {
    const old = secrets.all!;
    const rotated = await admin.post<{ secret: string; previousSecretExpiresAt: string }>(
      `/api/webhooks/endpoints/${ids.all}/rotate-secret`,
    );
    expect(rotated.status).toBe(200);
    const hours = (new Date(rotated.body.previousSecretExpiresAt).getTime() - Date.now()) / 3600e3;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    await touchOrganization();
    await app.drainJobs();
    const last = receiver.at('/all').at(-1)!;
    expect(String(last.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verify(rotated.body.secret, last)).toBe(true);
    expect(verify(old, last)).toBe(true);
    expect(verify('whsec_' + Buffer.alloc(32).toString('base64'), last)).toBe(false);
  });

  it('disables an endpoint whose deliveries keep failing, and tells the officers', async () => {
    receiver.always('/down', 503);
    await register('down', { url: receiver.url('/down'), eventTypes: ['organization.updated'] });
    for (let i = 0; i < 5; i++) await touchOrganization();
    for (let round = 0; round < maxAttempts + 2; round++) {
      await app.drainJobs();
      await makeRetriesDue();
    }
    expect(receiver.at('/down')).toHaveLength(5 * maxAttempts);
    const failed = await deliveries('down');
    expect(failed).toHaveLength(5);
    for (const d of failed) expect(d).toMatchObject({ status: 'failed', attempts: maxAttempts });

    const endpoint = await admin.get<{ enabled: boolean; disabledReason: string }>(
      `/api/webhooks/endpoints/${ids.down}`,
    );
    expect(endpoint.body.enabled).toBe(false);
    expect(endpoint.body.disabledReason).toContain('5 deliveries in a row failed');
    const [disabled] = await app.database.db
      .select()
      .from(events)
      .where(and(eq(events.type, 'webhook.endpoint-disabled'), eq(events.subjectId, ids.down!)));
    expect(disabled!.data).toMatchObject({ automatic: true });
    expect(disabled!.actorId).toBeNull();
    const outbox = await admin.get<{ messages: { kind: string; toAddress: string }[] }>(
      '/api/outbox',
    );
    expect(outbox.body.messages).toContainEqual(
      expect.objectContaining({ kind: 'webhook-disabled', toAddress: 'admin@example.org' }),
    );

    // Disabled: the next event is not even queued for it; the others still get it.
    const others = receiver.at('/all').length;
    await touchOrganization();
    await app.drainJobs();
    expect(receiver.at('/down')).toHaveLength(5 * maxAttempts);
    expect(receiver.at('/all')).toHaveLength(others + 1);

    // Fixed, enabled and replayed: the five arrive.
    receiver.always('/down', 204);
    expect(
      (await admin.post(`/api/webhooks/endpoints/${ids.down}/replay`, {})).status,
      'a disabled endpoint refuses replays',
    ).toBe(409);
    expect((await admin.post(`/api/webhooks/endpoints/${ids.down}/enable`)).status).toBe(204);
    const replay = await admin.post<{ replayed: number }>(
      `/api/webhooks/endpoints/${ids.down}/replay`,
      {},
    );
    expect(replay.body.replayed).toBe(5);
    await app.drainJobs();
    expect(receiver.at('/down')).toHaveLength(5 * maxAttempts + 5);
    for (const d of await deliveries('down')) expect(d.status).toBe('succeeded');
  });

  it('updates, disables by hand and deletes an endpoint', async () => {
    const patched = await admin.patch(`/api/webhooks/endpoints/${ids.flaky}`, {
      description: 'CRM',
      eventTypes: ['organization.updated', 'organization.created'],
    });
    expect(patched.status).toBe(204);
    const bad = await admin.patch(`/api/webhooks/endpoints/${ids.flaky}`, {
      eventTypes: ['mail.queued'],
    });
    expect(bad.status).toBe(400);
    expect(
      (
        await admin.post(`/api/webhooks/endpoints/${ids.flaky}/disable`, {
          reason: 'moving servers',
        })
      ).status,
    ).toBe(204);
    const endpoint = await admin.get<Record<string, unknown>>(
      `/api/webhooks/endpoints/${ids.flaky}`,
    );
    expect(endpoint.body).toMatchObject({
      description: 'CRM',
      eventTypes: ['organization.updated', 'organization.created'],
      enabled: false,
      disabledReason: 'moving servers',
    });
    expect((await admin.delete(`/api/webhooks/endpoints/${ids.flaky}`)).status).toBe(204);
    expect((await admin.get(`/api/webhooks/endpoints/${ids.flaky}`)).status).toBe(404);
  });

  it('refuses private addresses unless the operator allows them, at registration and delivery', async () => {
    const coopId = (await app.database.db.execute(sql`select id from coops`)) as unknown as {
      rows: { id: string }[];
    };
    const ctx = {
      db: app.database.db,
      actor: operatorActor(coopId.rows[0]!.id),
      publicUrl: 'http://coop.test',
    };
    for (const url of [
      'http://127.0.0.1:9/',
      'http://localhost:9/',
      'http://[::1]:9/',
      'http://[::ffff:127.0.0.1]:9/',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.1.2.3/',
    ])
      await expect(
        runCommand(registerEndpoint, { url, allowPrivateAddresses: false }, ctx),
        url,
      ).rejects.toMatchObject({ status: 400 });

    // Registered while allowed, delivered by a worker whose operator no longer allows it.
    await register('private', { url: receiver.url('/private') });
    const strict = startWorker(
      app.database.db,
      {
        'webhook.deliver': webhookDeliveryHandler({
          allowPrivate: false,
          publicUrl: 'http://coop.test',
        }),
      },
      app.log,
      { autostart: false },
    );
    await touchOrganization();
    // Fan the event out without the app's (permissive) worker, then deliver with the strict one.
    await createDispatcher(app.database.db, [webhooksConsumer()], app.log).runOnce();
    await strict.drain();
    await strict.stop();
    expect(receiver.at('/private')).toHaveLength(0);
    const [refused] = await deliveries('private');
    expect(refused!.lastError).toContain('loopback');
    expect(refused!.lastStatusCode).toBeNull();
  });

  it('lets only officers and administrators manage webhooks', async () => {
    const anonymous = app.client('10.9.9.9');
    expect((await anonymous.get('/api/webhooks/endpoints')).status).toBe(401);
    expect(
      (await anonymous.post('/api/webhooks/endpoints', { url: receiver.url('/x') })).status,
    ).toBe(401);
  });

  it('serves the event catalogue and the OpenAPI webhooks', async () => {
    const catalogue = await app.client().get<{
      eventTypes: {
        name: string;
        webhooks: boolean;
        fields: { properties: Record<string, unknown> };
      }[];
    }>('/api/events/catalogue');
    expect(catalogue.status).toBe(200);
    const created = catalogue.body.eventTypes.find((t) => t.name === 'organization.created')!;
    expect(created.webhooks).toBe(true);
    expect(Object.keys(created.fields.properties)).toContain('legalName');
    expect(catalogue.body.eventTypes.find((t) => t.name === 'mail.queued')!.webhooks).toBe(false);

    const openapi = await app.client().get<{
      openapi: string;
      webhooks: Record<string, { post: { requestBody: unknown } }>;
    }>('/api/openapi.json');
    expect(openapi.body.openapi).toBe('3.1.0');
    expect(openapi.body.webhooks['organization.created']!.post.requestBody).toBeTruthy();
    expect(openapi.body.webhooks['mail.queued']).toBeUndefined();
  });

  it('serves the event catalogue’s summaries in the request’s language', async () => {
    type Catalogue = { eventTypes: { name: string; summary: string }[] };
    const ask = (language: string) =>
      app.client().request<Catalogue>('GET', '/api/events/catalogue', undefined, {
        'accept-language': language,
      });
    const summaryOf = (body: Catalogue, name: string) =>
      body.eventTypes.find((t) => t.name === name)!.summary;

    const german = await ask('de-DE,de;q=0.9,en;q=0.8');
    expect(german.status).toBe(200);
    expect(String(german.headers.vary)).toContain('Accept-Language');
    expect(summaryOf(german.body, 'organization.created')).toBe(
      'Eine Organisation (ein Sponsor, eine Behörde, eine Stiftung) wurde angelegt.',
    );
    expect(summaryOf(german.body, 'webhook.endpoint-registered')).toContain('`origin`');

    const english = await ask('en');
    expect(String(english.headers.vary)).toContain('Accept-Language');
    expect(summaryOf(english.body, 'organization.created')).toBe(
      'An organization (a sponsor, a government, a foundation) was added.',
    );
  });
});
