import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/testDatabase.ts';
import { HttpSession, runCli, startServerProcess } from '../testing/serverProcess.ts';

// Apart from cli.test.ts, on a database of its own: the slowest CLI test runs beside the others.
describe('coop demo', () => {
  it('fills an empty co-op with the demo, and refuses a co-op with members', async () => {
    const demoTarget = await createTestDatabase();
    const demoEnv = { COOP_DATA_DIR: demoTarget.dataDir, DATABASE_URL: demoTarget.databaseUrl };
    try {
      const result = runCli(['demo'], demoEnv);
      expect(result.stdout).toMatch(/Demo co-op filled: 212 members, 6 sponsor organizations/);
      const members = JSON.parse(runCli(['members', 'list', '--json'], demoEnv).stdout) as {
        memberClass: string;
      }[];
      const byClass = Object.groupBy(members, (m) => m.memberClass);
      expect(byClass.hacker).toHaveLength(4); // the administrator and three hackers
      expect(byClass.sponsor).toHaveLength(9);
      expect(byClass.community).toHaveLength(200);
      expect(runCli(['demo'], demoEnv).stderr).toMatch(/already has members/);
      const server = await startServerProcess(demoEnv);
      try {
        const session = new HttpSession(server.url);
        expect(
          (
            await session.call('POST', '/api/auth/login', {
              email: 'ada@demo.coop',
              password: 'cooperate-demo-2026',
            })
          ).status,
        ).toBe(200);
        const me = await session.call('GET', '/api/session');
        expect(me.body.user.officerRoles).toEqual(['chief-economist']);
        const cycles = await session.call('GET', '/api/cycles');
        expect(cycles.body.cycles.map((c: { phase: string }) => c.phase)).toEqual(['voting']);
        const cycle = await session.call('GET', `/api/cycles/${cycles.body.cycles[0].id}`);
        expect(cycle.body.capacity).toBe(1200);
        expect(cycle.body.participation).toEqual({ surveyBallots: 60, sponsorsVoted: 3 });
        expect((await session.call('GET', '/api/polls')).body.polls).toHaveLength(1);
        // Expert access: one request answered, one waiting on its sponsor, one resolved, a
        // critical incident answered a day late (its breach proposes a service credit), and last
        // month's question the monthly sponsor's digest reports.
        const requests = await session.call('GET', '/api/requests');
        expect(requests.body.requests.map((r: { status: string }) => r.status).sort()).toEqual([
          'open',
          'open',
          'open',
          'resolved',
          'waiting-on-sponsor',
        ]);
        const consulted = (await session.call('GET', '/api/consultations')).body.consultations;
        // One on a work item (two sponsors, one commented), one on a planned deprecation.
        expect(consulted.map((c: { subjectKind: string }) => c.subjectKind).sort()).toEqual([
          'release',
          'work-item',
        ]);
        const onItem = consulted.find(
          (c: { subjectKind: string }) => c.subjectKind === 'work-item',
        );
        expect(onItem.sponsors).toHaveLength(2);
        expect(onItem.answers.map((a: { kind: string }) => a.kind)).toEqual(['comment']);
        // The demo repository: ingested, one branch waiting for a sign-off, one remediated.
        const repos = await session.call('GET', '/api/contributions/repositories');
        expect(repos.body.repositories).toEqual([
          expect.objectContaining({ name: 'coop-server', commits: 9, failingBranches: 1 }),
        ]);
        const stats = await session.call(
          'GET',
          '/api/contributions/stats?from=2026-01-01&to=2026-02-01',
        );
        expect(
          stats.body.members.map((m: { displayName: string; commits: number }) => [
            m.displayName,
            m.commits,
          ]),
        ).toContainEqual(['Ada Lindqvist', 3]);
      } finally {
        await server.stop();
      }
    } finally {
      await demoTarget.drop();
    }
  }, 180_000); // Two years of books through the CLI: slow when the machine is busy.
});
