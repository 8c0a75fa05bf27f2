/**
 * The secret ballot benchmark (`node bench/ballots.ts`): what does keeping ballots apart from
 * voters cost? Each vote on a secret poll rewrites the poll's ballots in a random order
 * (`src/governance/polls/shuffleBallots.ts`), so the cost of a vote grows with the ballots
 * already cast. On a fresh PGlite database holding BENCH_VOTERS (1,000) active members, one
 * open yes/no poll and one secret one each receive a vote from every member, one after the
 * other, through the `castVote` command (what `POST /api/polls/:id/votes` calls). Printed: the total time
 * of each, the mean time of the last 100 votes (the most ballots to rewrite) and the ratios
 * secret / open.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setupCoop } from '../src/coop/commands/setupCoop.ts';
import { castVote } from '../src/governance/commands/castVote.ts';
import { createProposal } from '../src/governance/commands/createPoll.ts';
import { openPoll } from '../src/governance/commands/pollLifecycle.ts';
import { memberships, people } from '../src/members/schema.ts';
import { operatorActor, type Actor } from '../src/platform/actor.ts';
import { runCommand } from '../src/platform/commands.ts';
import { openDatabase } from '../src/platform/db/database.ts';

const voters = Number(process.env.BENCH_VOTERS ?? 1000);
if (!Number.isInteger(voters) || voters < 100) throw new Error('BENCH_VOTERS: at least 100');
const log = (message: string) => console.error(`[bench] ${message}`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-bench-ballots-'));
const database = await openDatabase({ dataDir, holder: 'bench/ballots.ts' });
try {
  const { coop } = await setupCoop(database.db, {
    name: 'Bench Co-op',
    admin: { displayName: 'Bench', email: 'bench@example.org', password: 'bench password 1' },
  });
  log(`adding ${voters.toLocaleString('en')} community members…`);
  const ids = (
    await database.db
      .insert(people)
      .values(Array.from({ length: voters }, (_, i) => ({ coopId: coop.id, displayName: `M${i}` })))
      .returning({ id: people.id })
  ).map((p) => p.id);
  await database.db.insert(memberships).values(
    ids.map((personId) => ({
      coopId: coop.id,
      personId,
      memberClass: 'community' as const,
      status: 'active' as const,
    })),
  );
  const operator = { db: database.db, actor: operatorActor(coop.id), publicUrl: 'http://bench' };
  const member = (personId: string): Actor => ({
    coopId: coop.id,
    personId,
    displayName: null,
    isAdmin: false,
    membership: { memberClass: 'community', status: 'active', organizationId: null },
    officerRoles: [],
  });

  const run = async (secret: boolean) => {
    const poll = await runCommand(
      createProposal,
      {
        title: secret ? 'Secret question' : 'Open question',
        method: 'yes-no',
        secret,
        opensAt: new Date(Date.now() - 1000).toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
      operator,
    );
    await runCommand(openPoll, { pollId: poll.id }, operator);
    const times: number[] = [];
    for (const [i, personId] of ids.entries()) {
      const t0 = performance.now();
      await runCommand(
        castVote,
        { pollId: poll.id, content: { choice: i % 3 === 0 ? 'no' : 'yes' } },
        { ...operator, actor: member(personId) },
      );
      times.push(performance.now() - t0);
    }
    const total = times.reduce((s, t) => s + t, 0);
    const last = times.slice(-100).reduce((s, t) => s + t, 0) / 100;
    return { total, last };
  };

  log('open poll…');
  const open = await run(false);
  log('secret poll…');
  const secret = await run(true);
  const row = (name: string, r: { total: number; last: number }) =>
    `  ${name.padEnd(7)} ${(r.total / 1000).toFixed(1).padStart(7)} s in all   ${r.last.toFixed(1).padStart(6)} ms per vote (last 100)`;
  console.log(
    [
      `Secret ballot benchmark (Node ${process.version}, PGlite): ${voters.toLocaleString('en')} votes, one after the other`,
      row('open', open),
      row('secret', secret),
      `  secret / open: ${(secret.total / open.total).toFixed(2)} in all, ${(secret.last / open.last).toFixed(2)} per vote at the end`,
      '',
    ].join('\n'),
  );
} finally {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
