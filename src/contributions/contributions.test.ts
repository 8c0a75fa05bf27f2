import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../platform/clock.ts';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';
import { sql } from 'drizzle-orm';
import { queryRows } from '../platform/db/rows.ts';
import { communityPatronageOf } from './index.ts';
import { memberEmails } from './queries.ts';
import { signoff, TestRepo } from './testing/gitRepo.ts';

const coopIdOf = async (app: TestApp) =>
  (await queryRows<{ id: string }>(app.database.db, sql`select id from coops`))[0]!.id;

const hal = { name: 'Hal Hacker', email: 'hal@example.org' };
const stranger = { name: 'Sam Stranger', email: 'sam@elsewhere.example' };

describe('contributions over the API', () => {
  let app: TestApp;
  let admin: TestClient;
  let halClient: TestClient;
  let halId: string;
  let community: TestClient;
  let ceeId: string;
  let repoId: string;
  const repo = new TestRepo();
  beforeAll(async () => {
    app = await startTestApp({}, { clock: manualClock(new Date('2026-03-01T12:00:00Z')) });
    admin = await setUpCoop(app);
    const h = await addMember(
      app,
      admin,
      { email: hal.email, name: 'Hal', memberClass: 'hacker' },
      '10.4.0.1',
    );
    halClient = h.client;
    halId = h.personId;
    const cee = await addMember(
      app,
      admin,
      { email: 'cee@example.org', name: 'Cee', memberClass: 'community' },
      '10.4.0.2',
    );
    community = cee.client;
    ceeId = cee.personId;
    repo.commit(`Start\n\n${signoff(hal)}\n`, { author: hal, at: '2026-01-10T10:00:00+01:00' });
    repo.git('checkout', '-q', '-b', 'patch');
    repo.commit(`Fix\n\n${signoff(stranger)}\nReviewed-by: ${hal.name} <${hal.email}>\n`, {
      author: stranger,
      at: '2026-01-12T10:00:00+00:00',
    });
    repo.git('checkout', '-q', 'main');
    repo.merge('patch', 'Merge patch', { at: '2026-01-14T10:00:00+00:00' });
    repo.git('checkout', '-q', '-b', 'unsigned');
    repo.commit('Oops\n', { author: stranger, at: '2026-02-01T10:00:00+00:00' });
    repo.git('checkout', '-q', 'main');
  });
  afterAll(async () => {
    await app.stop();
    repo.remove();
  });

  it('lets officers register a repository, refuses others and bad input', async () => {
    expect(
      (await community.post('/api/contributions/repositories', { name: 'x', location: repo.dir }))
        .status,
    ).toBe(403);
    const bad = await admin.post('/api/contributions/repositories', {
      name: 'bad name!',
      location: 'relative/path',
    });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { pointer: string }[]).map((e) => e.pointer).sort()).toEqual([
      '/body/location',
      '/body/name',
    ]);
    const notGit = await admin.post('/api/contributions/repositories', {
      name: 'tmp',
      location: '/tmp',
    });
    expect(notGit.status).toBe(400);
    const created = await admin.post<{ id: string }>('/api/contributions/repositories', {
      name: 'coop-server',
      location: repo.dir,
    });
    expect(created.status).toBe(201);
    repoId = created.body.id;
    expect(
      (
        await admin.post('/api/contributions/repositories', {
          name: 'COOP-server',
          location: repo.dir,
        })
      ).status,
    ).toBe(409);
    await app.drainJobs();
  });

  it('shows the repository to members, with the failing branch and its remediation', async () => {
    const list = await community.get<{
      repositories: { name: string; commits: number; failingBranches: number }[];
    }>('/api/contributions/repositories');
    expect(list.body.repositories).toEqual([
      expect.objectContaining({ name: 'coop-server', commits: 4, failingBranches: 1 }),
    ]);
    const detail = await community.get<{ branches: { ref: string; failureCount: number }[] }>(
      `/api/contributions/repositories/${repoId}`,
    );
    expect(detail.body.branches.map((b) => [b.ref, b.failureCount])).toEqual([
      ['refs/heads/unsigned', 1],
      ['refs/heads/patch', 0],
    ]);
    const check = await community.get<{
      failing: { subject: string; reason: string }[];
      remediation: string;
    }>(
      `/api/contributions/repositories/${repoId}/dco?ref=${encodeURIComponent('refs/heads/unsigned')}`,
    );
    expect(check.body.failing).toEqual([
      expect.objectContaining({ subject: 'Oops', reason: 'The sign-off is missing.' }),
    ]);
    expect(check.body.remediation).toContain('git rebase HEAD~1 --signoff');
  });

  it('shows a commit with the files and lines it changed', async () => {
    const sha = repo.git('rev-parse', 'unsigned');
    const commit = await community.get<{
      sha: string;
      subject?: string;
      message: string;
      parents: string[];
      authorTz: number;
      changes: { path: string; added: number | null; deleted: number | null }[];
      files: number;
      dcoReason: string | null;
    }>(`/api/contributions/repositories/${repoId}/commits/${sha}`);
    expect(commit.status).toBe(200);
    expect(commit.body).toMatchObject({
      sha,
      message: 'Oops\n',
      parents: [repo.git('rev-parse', 'main')],
      authorTz: 0,
      files: 1,
      dcoReason: 'The sign-off is missing.',
    });
    expect(commit.body.changes).toEqual([{ path: 'file.txt', added: 2, deleted: 0 }]);
    const missing = await community.get(
      `/api/contributions/repositories/${repoId}/commits/${'0'.repeat(40)}`,
    );
    expect(missing.status).toBe(404);
    expect(
      (await app.client('10.9.9.8').get(`/api/contributions/repositories/${repoId}/commits/${sha}`))
        .status,
    ).toBe(401);
  });

  it('publishes the DCO text verbatim with its hash, to anyone', async () => {
    const text = await app
      .client('10.9.9.9')
      .get<{ version: string; sha256: string; text: string }>('/api/contributions/dco');
    expect(text.status).toBe(200);
    expect(text.body.version).toBe('1.1');
    expect(text.body.sha256).toBe(
      'f7ac75b443f4ca16b503241344b41aeff9503b0c30bedc2b119551d83cb0fa90',
    );
  });

  it('links contributors to members by verified email, and by hand with events', async () => {
    type C = { id: string; email: string; personId: string | null; link: string | null };
    const list = async () =>
      (await admin.get<{ contributors: C[] }>('/api/contributions/contributors')).body.contributors;
    const before = await list();
    expect(before.find((c) => c.email === hal.email)).toMatchObject({
      personId: halId,
      link: 'email',
    });
    const sam = before.find((c) => c.email === stranger.email)!;
    expect(sam).toMatchObject({ personId: null, link: null });
    expect((await halClient.get('/api/contributions/contributors')).status).toBe(403);
    expect(
      (
        await admin.post(`/api/contributions/contributors/${sam.id}/link`, {
          link: 'manual',
          personId: halId,
        })
      ).status,
    ).toBe(204);
    expect((await list()).find((c) => c.id === sam.id)).toMatchObject({
      personId: halId,
      link: 'manual',
    });
    const halRow = before.find((c) => c.email === hal.email)!;
    await admin.post(`/api/contributions/contributors/${halRow.id}/link`, { link: 'unlinked' });
    expect((await list()).find((c) => c.id === halRow.id)).toMatchObject({
      personId: null,
      link: 'unlinked',
    });
    await admin.post(`/api/contributions/contributors/${halRow.id}/link`, { link: 'auto' });
    expect((await list()).find((c) => c.id === halRow.id)).toMatchObject({
      personId: halId,
      link: 'email',
    });
    const events = await admin.get<{ events: { type: string }[] }>(
      '/api/events?type=contributions.contributor',
    );
    expect(events.body.events.map((e) => e.type)).toEqual([
      'contributions.contributor-link-reset',
      'contributions.contributor-unlinked',
      'contributions.contributor-linked',
    ]);
  });

  it('counts per member: commits, sign-offs, reviews, lines, integration latency, first-timers', async () => {
    const stats = await admin.get<{
      members: Record<string, unknown>[];
      firstTimeContributors: { email: string }[];
    }>('/api/contributions/stats?from=2026-01-01&to=2026-02-01');
    // Sam's address is linked to Hal by hand (above): Hal has both their commits.
    expect(stats.body.members).toEqual([
      {
        personId: halId,
        displayName: 'Hal',
        commits: 2,
        signoffs: 2,
        coAuthorships: 0,
        reviews: 1,
        linesAdded: 9,
        linesDeleted: 0,
        changesIntegrated: 2,
        // Start: integrated when committed (0 h); Fix: 48 h from its commit to the merge.
        medianLatencyHours: 24,
      },
    ]);
    // The merge was made by Ada (the repository's default committer): her first commit too.
    expect(stats.body.firstTimeContributors.map((c) => c.email)).toEqual([
      hal.email,
      stranger.email,
      'ada@example.org',
    ]);
    const february = await admin.get<{ firstTimeContributors: unknown[] }>(
      '/api/contributions/stats?from=2026-02-01&to=2026-03-01',
    );
    expect(february.body.firstTimeContributors).toEqual([]);
  });

  it('shows a member their own record, and others’ only when the bylaws publish them', async () => {
    const own = await halClient.get<{ record: { commits: number } }>(
      `/api/contributions/members/${halId}?from=2026-01-01`,
    );
    expect(own.status).toBe(200);
    expect(own.body.record.commits).toBe(3);
    expect((await community.get(`/api/contributions/members/${halId}`)).status).toBe(403);
    expect((await community.get('/api/contributions/stats')).status).toBe(403);
  });

  it('feeds community patronage: a community member’s commits, co-authorships and reviews', async () => {
    type C = { id: string; email: string };
    const list = (await admin.get<{ contributors: C[] }>('/api/contributions/contributors')).body
      .contributors;
    const sam = list.find((c) => c.email === stranger.email)!;
    await admin.post(`/api/contributions/contributors/${sam.id}/link`, {
      link: 'manual',
      personId: ceeId,
    });
    const year = { fromDay: '2026-01-01', toDay: '2026-12-31' };
    const both = await communityPatronageOf(app.database.db, await coopIdOf(app), {
      mode: 'both',
      ...year,
    });
    // Sam's two commits now count for Cee; Hal is a hacker, outside the community's share.
    expect(both.contributions).toEqual({ [ceeId]: 2 });
    expect(both.names[ceeId]).toBe('Cee');
    const fund = await communityPatronageOf(app.database.db, await coopIdOf(app), {
      mode: 'fund',
      ...year,
    });
    expect(fund.contributions).toEqual({});
  });
  it('knows whose commits are a member’s, for require.members: false', async () => {
    const coopId = await coopIdOf(app);
    const emails = await memberEmails(app.database.db, coopId);
    // Hal's verified address, and Sam's, linked by hand to Cee.
    expect([...emails].sort()).toEqual(expect.arrayContaining([hal.email, stranger.email]));
    const list = (
      await admin.get<{ contributors: { id: string; email: string }[] }>(
        '/api/contributions/contributors',
      )
    ).body.contributors;
    const halRow = list.find((c) => c.email === hal.email)!;
    await admin.post(`/api/contributions/contributors/${halRow.id}/link`, { link: 'unlinked' });
    expect((await memberEmails(app.database.db, coopId)).has(hal.email)).toBe(false);
    await admin.post(`/api/contributions/contributors/${halRow.id}/link`, { link: 'auto' });
    expect((await memberEmails(app.database.db, coopId)).has(hal.email)).toBe(true);
  });

  it('lets officers change a repository’s settings and remove it, keeping its commits on record', async () => {
    const url = `/api/contributions/repositories/${repoId}`;
    expect((await community.patch(url, { botPatterns: ['*[bot]*'] })).status).toBe(403);
    expect((await community.delete(url)).status).toBe(403);
    await admin.post('/api/contributions/repositories', {
      name: 'website',
      location: repo.dir,
    });
    expect((await admin.patch(url, { name: 'Website' })).status).toBe(409);
    expect((await admin.patch(url, { location: '/tmp' })).status).toBe(400);
    const changed = await admin.patch<{ changed: boolean }>(url, {
      name: 'server',
      defaultBranch: 'main',
      botPatterns: ['*[bot]*'],
    });
    expect(changed.body).toEqual({ changed: true });
    expect((await admin.patch<{ changed: boolean }>(url, { name: 'server' })).body).toEqual({
      changed: false,
    });
    expect((await community.get(url)).body).toMatchObject({
      name: 'server',
      defaultBranch: 'main',
      botPatterns: ['*[bot]*'],
    });
    const coopId = await coopIdOf(app);
    const year = { fromDay: '2026-01-01', toDay: '2026-12-31' };
    const before = await communityPatronageOf(app.database.db, coopId, { mode: 'both', ...year });

    expect((await admin.delete(url)).status).toBe(204);
    expect((await admin.delete(url)).status).toBe(404);
    expect((await community.get(url)).status).toBe(404);
    expect((await admin.post(`${url}/sync`, {})).status).toBe(404);
    const names = (
      await community.get<{ repositories: { name: string }[] }>('/api/contributions/repositories')
    ).body.repositories.map((r) => r.name);
    expect(names).toEqual(['website']);
    // The commits stay: members' records and patronage do not change.
    expect(await communityPatronageOf(app.database.db, coopId, { mode: 'both', ...year })).toEqual(
      before,
    );
    // The name is free again.
    const again = await admin.post('/api/contributions/repositories', {
      name: 'server',
      location: repo.dir,
    });
    expect(again.status).toBe(201);
    const events = await admin.get<{ events: { type: string; data: unknown }[] }>(
      '/api/events?type=contributions.repository-',
    );
    expect(events.body.events.filter((e) => /-(updated|removed)$/.test(e.type))).toEqual([
      expect.objectContaining({
        type: 'contributions.repository-removed',
        data: { name: 'server' },
      }),
      expect.objectContaining({
        type: 'contributions.repository-updated',
        data: { name: 'server', defaultBranch: 'main', botPatterns: ['*[bot]*'] },
      }),
    ]);
  });
});
