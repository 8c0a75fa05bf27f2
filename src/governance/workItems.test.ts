import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';

interface Item {
  id: string;
  title: string;
  status: string;
  topics: string[];
  links: string[];
  mergedInto: string | null;
  splitFrom: string | null;
  estimateHours: number;
  kind: string;
}

describe('work items', () => {
  let app: TestApp;
  let admin: TestClient;
  let community: Awaited<ReturnType<typeof addMember>>;
  const items = async () => (await admin.get<{ items: Item[] }>('/api/work-items')).body.items;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await setUpCoop(app);
    community = await addMember(app, admin, {
      email: 'c@example.org',
      name: 'Cee',
      memberClass: 'community',
    });
  });
  afterAll(() => app.stop());

  const propose = async (title: string, extra: Record<string, unknown> = {}) =>
    (
      await community.client.post<{ id: string }>('/api/work-items', {
        title,
        kind: 'feature',
        originClass: 'community',
        estimateHours: 20,
        ...extra,
      })
    ).body.id;

  it('validates a proposal field by field', async () => {
    const r = await community.client.post('/api/work-items', {
      title: 'x',
      kind: 'wish',
      originClass: 'community',
      estimateHours: 0,
      links: ['javascript:alert(1)'],
    });
    expect(r.status).toBe(400);
    expect((r.body.errors as { pointer: string }[]).map((e) => e.pointer).sort()).toEqual([
      '/body/estimateHours',
      '/body/kind',
      '/body/links/0',
      '/body/title',
    ]);
  });

  it('merges duplicates into one item, keeping their topics and links', async () => {
    const a = await propose('Dark mode', { topics: ['ui'], links: ['https://tracker.example/1'] });
    const b = await propose('Night theme', {
      topics: ['themes'],
      links: ['https://tracker.example/2'],
    });
    expect(
      (await community.client.post('/api/work-items/merge', { duplicates: [b], into: a })).status,
    ).toBe(403);
    expect((await admin.post('/api/work-items/merge', { duplicates: [b], into: a })).status).toBe(
      204,
    );
    const all = await items();
    expect(all.find((i) => i.id === a)).toMatchObject({
      topics: ['ui', 'themes'],
      links: ['https://tracker.example/1', 'https://tracker.example/2'],
      status: 'proposed',
    });
    expect(all.find((i) => i.id === b)).toMatchObject({ status: 'merged', mergedInto: a });
    expect((await admin.post('/api/work-items/merge', { duplicates: [b], into: a })).status).toBe(
      409,
    );
  });

  it('splits a large item into parts', async () => {
    const big = await propose('Rewrite the parser', { estimateHours: 400 });
    const r = await admin.post<{ parts: string[] }>(`/api/work-items/${big}/split`, {
      parts: [
        { title: 'Lexer', estimateHours: 150 },
        { title: 'Grammar', estimateHours: 250 },
      ],
    });
    expect(r.status).toBe(201);
    const all = await items();
    expect(all.find((i) => i.id === big)!.status).toBe('split');
    expect(r.body.parts.map((id) => all.find((i) => i.id === id)!.splitFrom)).toEqual([big, big]);
  });

  it('imports a GitHub issues export once, skipping pull requests', async () => {
    const issues = JSON.stringify([
      {
        title: 'Crash on empty input',
        body: 'Steps...',
        html_url: 'https://github.com/o/r/issues/1',
        labels: [{ name: 'bug' }, { name: 'estimate: 12' }],
      },
      {
        title: 'A pull request',
        html_url: 'https://github.com/o/r/pull/2',
        labels: [],
        pull_request: {},
      },
      {
        title: 'Support IPv6',
        body: null,
        html_url: 'https://github.com/o/r/issues/3',
        labels: ['network'],
      },
    ]);
    expect(
      (
        await admin.post('/api/work-items/import', {
          format: 'github',
          content: issues,
          defaultEstimateHours: 16,
        })
      ).body,
    ).toEqual({ created: 2, skipped: 0 });
    expect(
      (await admin.post('/api/work-items/import', { format: 'github', content: issues })).body,
    ).toEqual({ created: 0, skipped: 2 });
    // A file that is not JSON: where it goes wrong, as figures beside JSON.parse's English.
    const cut = await admin.post('/api/work-items/import', {
      format: 'github',
      content: issues.replace('"labels":', '"labels"'),
    });
    expect(cut.status).toBe(400);
    expect(cut.body).toMatchObject({
      code: 'file.not-json',
      params: {
        reason: expect.stringMatching(/^Expected ':' after property name/),
        reasonCode: 'reason.json.unexpected',
        character: '[',
        line: 1,
        column: issues.indexOf('"labels":') + 9,
      },
    });
    const all = await items();
    expect(all.find((i) => i.title === 'Crash on empty input')).toMatchObject({
      kind: 'bug',
      estimateHours: 12,
      topics: ['bug'],
    });
    expect(all.find((i) => i.title === 'Support IPv6')).toMatchObject({
      kind: 'feature',
      estimateHours: 16,
      topics: ['network'],
    });
  });

  it('imports CSV whole or not at all, naming each bad line', async () => {
    const before = (await items()).length;
    const bad =
      'title,description,kind,origin,estimate_hours,topics,links\nGood one,,feature,community,10,a;b,\nNo,,feature,community,10,,\nBad kind,,wish,sponsors,x,,\n';
    // Broken CSV: csv-parse's reason as a fact, with its line and column.
    const quoted = await admin.post('/api/work-items/import', {
      format: 'csv',
      content: 'title,description\nGood one,"Text"s\n',
    });
    expect(quoted.body).toMatchObject({
      code: 'csv.invalid',
      params: { reasonCode: 'reason.csv.after-quote', line: 2, column: 'description' },
    });
    const r = await admin.post('/api/work-items/import', { format: 'csv', content: bad });
    expect(r.status).toBe(400);
    expect((r.body.errors as { pointer: string }[]).map((e) => e.pointer)).toEqual([
      '/lines/3/title',
      '/lines/4/kind',
      '/lines/4/estimateHours',
    ]);
    expect((await items()).length).toBe(before);
    const good =
      'title,description,kind,origin,estimate_hours,topics,links\nGood one,Text,feature,community,10,a;b,https://x.example/1\n';
    expect(
      (await admin.post('/api/work-items/import', { format: 'csv', content: good })).body,
    ).toEqual({ created: 1, skipped: 0 });
  });
});
